import { describe, expect, it } from "vitest";
import { formatVnd, formatVndShort } from "./format";
import {
  addMonthsToDay,
  defaultWarrantyMonths,
  disbursementShare,
  geometryPoint,
  isUnderWarranty,
  perHousehold,
  warrantyEnd,
  warrantyState,
} from "./works";

const vn = (local: string) => new Date(`${local}+07:00`);

describe("warranty on the Vietnam calendar", () => {
  it("runs until the same day N months after the handover, that day included", () => {
    // Handed over on 15/03/2025 in Vietnam, which is still 14/03 in UTC.
    const handedOverOn = vn("2025-03-15T00:00:00");
    expect(handedOverOn.toISOString()).toBe("2025-03-14T17:00:00.000Z");
    expect(warrantyEnd(handedOverOn, 24)?.lastDay).toBe("2027-03-15");
    const work = { handedOverOn, warrantyMonths: 24 };
    expect(isUnderWarranty(work, vn("2027-03-15T23:59:00"))).toBe(true);
    expect(isUnderWarranty(work, vn("2027-03-16T00:00:00"))).toBe(false);
    expect(warrantyState(work, vn("2027-03-16T00:00:00"))).toEqual({ state: "expired", lastDay: "2027-03-15" });
  });

  it("keeps the month's last day when the day does not exist", () => {
    expect(addMonthsToDay("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonthsToDay("2023-08-31", 6)).toBe("2024-02-29");
    expect(addMonthsToDay("2025-11-30", 14)).toBe("2027-01-30");
  });

  it("has no warranty before the handover", () => {
    expect(warrantyState({ handedOverOn: null, warrantyMonths: 12 }, new Date())).toEqual({ state: "none" });
  });

  it("defaults to 24 months for special-grade and grade I works, 12 for the others", () => {
    expect(defaultWarrantyMonths("special")).toBe(24);
    expect(defaultWarrantyMonths("I")).toBe(24);
    expect(defaultWarrantyMonths("III")).toBe(12);
    expect(defaultWarrantyMonths(null)).toBe(12);
  });
});

describe("council figures", () => {
  it("divides by households and rounds to whole VND", () => {
    expect(perHousehold(115_000_000_000, 4_600)).toBe(25_000_000);
    expect(perHousehold(10, 3)).toBe(3);
    expect(perHousehold(1_000, 0)).toBeNull();
  });

  it("gives the disbursed share, none without investment", () => {
    expect(disbursementShare(2_047_000_000_000, 529_500_000_000)).toBeCloseTo(0.2587, 4);
    expect(disbursementShare(0, 0)).toBeNull();
  });
});

describe("VND formatting", () => {
  it("groups with dots in Vietnamese", () => {
    expect(formatVnd(38_500_000_000, "vi")).toBe("38.500.000.000 đ");
    expect(formatVnd(38_500_000_000, "en")).toBe("38,500,000,000 VND");
  });

  it("speaks in billions and millions", () => {
    expect(formatVndShort(38_500_000_000, "vi")).toBe("38,5 tỷ");
    expect(formatVndShort(115_000_000_000, "vi")).toBe("115 tỷ");
    expect(formatVndShort(450_000_000, "vi")).toBe("450 triệu");
    expect(formatVndShort(38_500_000_000, "en")).toBe("38.5 bn");
    expect(formatVndShort(500_000, "vi")).toBe("500.000 đ");
  });
});

describe("geometryPoint", () => {
  it("takes a point, or a road's middle vertex", () => {
    expect(geometryPoint({ type: "Point", coordinates: [106.6, 20.8] })).toEqual({ lng: 106.6, lat: 20.8 });
    expect(
      geometryPoint({
        type: "LineString",
        coordinates: [
          [106.1, 20.1],
          [106.2, 20.2],
          [106.3, 20.3],
        ],
      }),
    ).toEqual({ lng: 106.2, lat: 20.2 });
    expect(geometryPoint({ type: "Point", coordinates: [200, 20] })).toBeNull();
    expect(geometryPoint("x")).toBeNull();
  });
});
