import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDays, formatNumber, formatPercent } from "./format";

describe("formatPercent", () => {
  it("uses the Vietnamese decimal comma", () => {
    expect(formatPercent(0.584, "vi", 1)).toBe("58,4%");
    expect(formatPercent(0.584, "en", 1)).toBe("58.4%");
    expect(formatPercent(0.9, "vi")).toBe("90%");
  });
});

describe("formatNumber", () => {
  it("groups thousands with a dot in Vietnamese and a comma in English", () => {
    expect(formatNumber(1234567, "vi")).toBe("1.234.567");
    expect(formatNumber(1234567, "en")).toBe("1,234,567");
    expect(formatNumber(-1000.5, "vi", 1)).toBe("-1.000,5");
  });
});

describe("formatDays", () => {
  it("writes a decimal comma in Vietnamese and drops a trailing zero", () => {
    expect(formatDays(14.94, "vi")).toBe("14,9");
    expect(formatDays(14.94, "en")).toBe("14.9");
    expect(formatDays(3.01, "vi")).toBe("3");
  });
});

describe("formatDate", () => {
  it("shows the date in Vietnam time", () => {
    expect(formatDate("2025-12-31T18:00:00Z", "vi")).toBe("01/01/2026");
    expect(formatDate("2025-12-31T16:00:00Z", "en")).toBe("31/12/2025");
  });
});

describe("formatDateTime", () => {
  it("shows the Vietnam wall clock (UTC+7), the day rolling over at midnight there", () => {
    expect(formatDateTime("2026-12-06T17:05:00Z", "vi")).toBe("07/12/2026 00:05");
    expect(formatDateTime(new Date("2026-12-07T02:59:30Z"), "en")).toBe("07/12/2026 09:59");
  });
});
