import { describe, expect, it } from "vitest";
import { nextPeriodStart, periodOf, recentPeriods, vnDateParts, vnDayMonthTime, vnIsoDay, vnStartOfDay } from "./vn-time";

describe("periodOf", () => {
  it("uses Vietnam time: 31 Dec 17:30 UTC is already 1 Jan in Hải Phòng", () => {
    expect(periodOf(new Date("2025-12-31T16:59:59Z"))).toBe("2025-Q4");
    expect(periodOf(new Date("2025-12-31T17:00:00Z"))).toBe("2026-Q1");
  });
  it("maps months to quarters", () => {
    expect(periodOf(new Date("2026-04-15T05:00:00Z"))).toBe("2026-Q2");
    expect(periodOf(new Date("2026-09-30T05:00:00Z"))).toBe("2026-Q3");
  });
});

describe("recentPeriods", () => {
  it("lists quarters newest first across a year boundary", () => {
    expect(recentPeriods(new Date("2026-02-01T00:00:00Z"), 4)).toEqual(["2026-Q1", "2025-Q4", "2025-Q3", "2025-Q2"]);
  });
});

describe("nextPeriodStart", () => {
  it("is midnight Vietnam time on the first day of the next quarter", () => {
    expect(nextPeriodStart("2026-Q4").toISOString()).toBe("2026-12-31T17:00:00.000Z");
    expect(nextPeriodStart("2026-Q1").toISOString()).toBe("2026-03-31T17:00:00.000Z");
  });
});

describe("Vietnam calendar days", () => {
  it("reads the day on a Hải Phòng wall clock, not in UTC", () => {
    expect(vnDateParts("2026-11-21T17:00:00Z")).toEqual({ year: 2026, month: 11, day: 22 });
    expect(vnIsoDay(new Date("2026-11-21T16:59:59Z"))).toBe("2026-11-21");
  });
  it("turns a typed day into midnight in Vietnam", () => {
    expect(vnStartOfDay("2026-11-22").toISOString()).toBe("2026-11-21T17:00:00.000Z");
  });
});

describe("vnDayMonthTime", () => {
  it("shows the Hải Phòng wall clock, not UTC, across the new year", () => {
    const ms = Date.parse("2026-12-31T17:30:00Z");
    expect(vnDayMonthTime(ms, "vi")).toMatch(/00:30/);
    expect(vnDayMonthTime(ms, "vi")).toMatch(/01.01/);
    expect(vnDayMonthTime(ms, "en")).toMatch(/^01\/01,? 00:30$/);
  });
  it("accepts a Date as well as milliseconds", () => {
    const date = new Date("2026-12-06T20:05:00Z");
    expect(vnDayMonthTime(date, "en")).toBe(vnDayMonthTime(date.getTime(), "en"));
    expect(vnDayMonthTime(date, "en")).toMatch(/^07\/12,? 03:05$/);
  });
});
