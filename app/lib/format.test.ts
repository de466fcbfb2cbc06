import { describe, expect, it } from "vitest";
import { formatDate, formatPercent } from "./format";

describe("formatPercent", () => {
  it("uses the Vietnamese decimal comma", () => {
    expect(formatPercent(0.584, "vi", 1)).toMatch(/^58,4\s?%$/);
    expect(formatPercent(0.584, "en", 1)).toBe("58.4%");
  });
});

describe("formatDate", () => {
  it("shows the date in Vietnam time", () => {
    expect(formatDate("2025-12-31T18:00:00Z", "vi")).toBe("1/1/2026");
    expect(formatDate("2025-12-31T18:00:00Z", "en")).toBe("01/01/2026");
  });
});
