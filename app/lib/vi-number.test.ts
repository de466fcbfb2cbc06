import { toCardinal } from "n2words/vi-VN";
import { describe, expect, it } from "vitest";
import { readNumberVi, spellNumbersVi } from "./vi-number";

const CASES: [number, string][] = [
  [0, "không"],
  [5, "năm"],
  [10, "mười"],
  [11, "mười một"],
  [14, "mười bốn"],
  [15, "mười lăm"],
  [21, "hai mươi mốt"],
  [24, "hai mươi tư"],
  [25, "hai mươi lăm"],
  [101, "một trăm linh một"],
  [105, "một trăm linh năm"],
  [110, "một trăm mười"],
  [1000, "một nghìn"],
  [1005, "một nghìn không trăm linh năm"],
  [1010, "một nghìn không trăm mười"],
  [1205, "một nghìn hai trăm linh năm"],
  [2047, "hai nghìn không trăm bốn mươi bảy"],
  [10000, "mười nghìn"],
  [20001, "hai mươi nghìn không trăm linh một"],
  [1000000, "một triệu"],
  [1000100, "một triệu một trăm"],
  [2026, "hai nghìn không trăm hai mươi sáu"],
  [1_500_000_000, "một tỷ năm trăm triệu"],
];

describe("readNumberVi", () => {
  it.each(CASES)("%i → %s", (n, words) => {
    expect(readNumberVi(n)).toBe(words);
  });

  it("differs from n2words where n2words says 'lẻ' or drops an inner 'không trăm' (why it is not wrapped)", () => {
    expect(toCardinal(1205)).toBe("một nghìn hai trăm lẻ năm");
    expect(toCardinal(2047)).toBe("hai nghìn lẻ bốn mươi bảy");
    // and agrees with it on numbers without either
    for (const n of [0, 15, 21, 110, 1000, 10000, 1000000]) expect(readNumberVi(n)).toBe(toCardinal(n));
  });

  it("refuses what is not a whole number ≥ 0", () => {
    expect(() => readNumberVi(-1)).toThrow(RangeError);
    expect(() => readNumberVi(1.5)).toThrow(RangeError);
  });

  it("spells the numbers inside a text, with thousands separators", () => {
    expect(spellNumbersVi("Đợt 2 năm 2026: 1.205 hộ")).toBe(
      "Đợt hai năm hai nghìn không trăm hai mươi sáu: một nghìn hai trăm linh năm hộ",
    );
  });
});
