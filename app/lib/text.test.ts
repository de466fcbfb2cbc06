import { describe, expect, it } from "vitest";
import { fold, levelLabel, matchesQuery, mentionsProblem, shortFormerUnit, slugify, uniqueSlugs } from "./text";

describe("fold", () => {
  it("removes tone marks, vowel marks and đ, and lower-cases", () => {
    expect(fold("Vĩnh Bảo")).toBe("vinh bao");
    expect(fold("ĐẶC KHU Bạch Long Vĩ")).toBe("dac khu bach long vi");
    expect(fold("  Thủy   Nguyên ")).toBe("thuy nguyen");
  });
  it("handles text already composed differently (NFC and NFD input fold the same)", () => {
    expect(fold("Hải Dương".normalize("NFD"))).toBe(fold("Hải Dương".normalize("NFC")));
  });
});

describe("slugify", () => {
  it("makes URL-safe slugs without diacritics", () => {
    expect(slugify("Vĩnh Bảo")).toBe("vinh-bao");
    expect(slugify("Trần Hưng Đạo")).toBe("tran-hung-dao");
    expect(slugify("Nam Đồ Sơn!")).toBe("nam-do-son");
  });
});

describe("uniqueSlugs", () => {
  it("keeps names that differ only by a diacritic apart", () => {
    const slugs = uniqueSlugs(["Cẩm Giàng", "Cẩm Giang", "Vĩnh Bảo"]);
    expect(slugs).toEqual(["cam-giang", "cam-giang-2", "vinh-bao"]);
    expect(new Set(slugs).size).toBe(3);
  });
});

describe("matchesQuery", () => {
  const key = fold("Vĩnh Bảo");
  it("finds a commune typed without diacritics or in another case", () => {
    expect(matchesQuery(key, "vinh bao")).toBe(true);
    expect(matchesQuery(key, "VĨNH")).toBe(true);
    expect(matchesQuery(key, "bao vinh")).toBe(true);
  });
  it("does not match other words", () => {
    expect(matchesQuery(key, "vinh am")).toBe(false);
  });
  it("an empty query matches everything", () => {
    expect(matchesQuery(key, "  ")).toBe(true);
  });
});

describe("shortFormerUnit", () => {
  it("drops the former province, which the region already says", () => {
    expect(shortFormerUnit("Huyện Vĩnh Bảo, Hải Phòng (cũ)")).toBe("Huyện Vĩnh Bảo");
    expect(shortFormerUnit("Thị xã Kinh Môn, Hải Dương (cũ)")).toBe("Thị xã Kinh Môn");
    expect(shortFormerUnit("Đặc khu Cát Hải")).toBe("Đặc khu Cát Hải");
  });
});

describe("levelLabel", () => {
  it("adds the period once", () => {
    expect(levelLabel("Xã nông thôn mới kiểu mẫu", "2021-2025")).toBe("Xã nông thôn mới kiểu mẫu (2021-2025)");
    expect(levelLabel("Xã nông thôn mới (2026-2030)", "2026-2030")).toBe("Xã nông thôn mới (2026-2030)");
  });
});

describe("mentionsProblem", () => {
  it("spots a concrete problem with or without diacritics, and not praise", () => {
    expect(mentionsProblem("Đường thôn Đông có nhiều ổ gà, đi lại khó")).toBe(true);
    expect(mentionsProblem("duong bi ngap khi mua")).toBe(true);
    expect(mentionsProblem("Xã làm tốt, cảm ơn cán bộ")).toBe(false);
    expect(mentionsProblem("Nhà rác rưởi")).toBe(true);
    expect(mentionsProblem(null)).toBe(false);
  });
});
