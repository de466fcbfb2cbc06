import { describe, expect, it } from "vitest";
import { speechProblems, spokenDate, toSpeech } from "./loudspeaker";

describe("toSpeech", () => {
  it("reads shares, percentages, slashes and abbreviations as a listener hears them", () => {
    const s = toSpeech("Đợt NTM 2026 (demo): 72/100 hộ, tức 72% hài lòng; UBND xã 1.205 hộ.");
    expect(s).toBe(
      "Đợt nông thôn mới hai nghìn không trăm hai mươi sáu, demo, bảy mươi hai trên một trăm hộ, tức bảy mươi hai phần trăm hài lòng; Ủy ban nhân dân xã một nghìn hai trăm linh năm hộ.",
    );
    expect(speechProblems(s)).toEqual([]);
  });

  it("reads a round of a year as such", () => {
    expect(toSpeech("đợt 2/2026")).toBe("đợt hai năm hai nghìn không trăm hai mươi sáu");
  });

  it("says the day with the northern 'mùng' up to the tenth", () => {
    expect(spokenDate(new Date("2026-12-04T20:00:00Z"))).toBe(
      "ngày mùng năm tháng mười hai năm hai nghìn không trăm hai mươi sáu",
    );
    expect(spokenDate(new Date("2026-01-21T03:00:00Z"))).toBe(
      "ngày hai mươi mốt tháng một năm hai nghìn không trăm hai mươi sáu",
    );
  });
});

describe("speechProblems", () => {
  it("finds digits, symbols and abbreviations", () => {
    expect(speechProblems("72% hài lòng").map((p) => p.kind)).toEqual(["digit", "symbol", "symbol", "symbol"]);
    expect(speechProblems("UBND xã").map((p) => p.kind)).toEqual(["abbreviation"]);
    expect(speechProblems("Thông báo của xã Vĩnh Bảo.")).toEqual([]);
  });
});
