import { describe, expect, it } from "vitest";
import { computeDeadlines, defaultPolicy } from "./deadline-policy";
import { vietnamPublicHolidays } from "./vn-holidays.server";
import { addWorkingMinutes, createWorkingCalendar, describeTimeLeft, parseOfficeHours, workingMinutesBetween } from "./vn-time";

// Vietnam local time, written as it reads on a wall clock.
const vn = (local: string) => new Date(`${local}+07:00`);
const holidays = [...vietnamPublicHolidays(2026), ...vietnamPublicHolidays(2027)];
const calendar = createWorkingCalendar({ publicHolidays: holidays });

describe("Vietnamese public holidays from date-holidays", () => {
  it("has the lunar holidays and the fixed ones for 2026 and 2027", () => {
    const y2026 = vietnamPublicHolidays(2026);
    // Tết Bính Ngọ: lunar new year on Tue 17/2/2026; the library gives 16/2 to 20/2.
    expect(y2026).toEqual(expect.arrayContaining(["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]));
    expect(y2026).toContain("2026-04-26"); // Giỗ Tổ Hùng Vương, 10/3 lunar, a Sunday
    expect(y2026).toEqual(expect.arrayContaining(["2026-01-01", "2026-04-30", "2026-05-01", "2026-09-02"]));
    const y2027 = vietnamPublicHolidays(2027);
    // Tết Đinh Mùi: lunar new year on Sat 6/2/2027; 5/2 to 9/2.
    expect(y2027).toEqual(expect.arrayContaining(["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09"]));
    expect(y2027).toContain("2027-04-16");
    // Observances (8/3, 20/11) are working days.
    expect(y2026).not.toContain("2026-03-08");
    expect(y2026).not.toContain("2026-11-20");
  });

  it("gives a compensatory day off after a holiday on a weekend (Labour Code art. 112)", () => {
    expect(calendar.dayOffReason("2026-04-26")).toBe("holiday"); // Sunday
    expect(calendar.dayOffReason("2026-04-27")).toBe("compensatory"); // Monday
    // Tết 2027 covers Sat 6 and Sun 7 February: two days after Tue 9 February.
    expect(calendar.dayOffReason("2027-02-10")).toBe("compensatory");
    expect(calendar.dayOffReason("2027-02-11")).toBe("compensatory");
    expect(calendar.isWorkingDay("2027-02-12")).toBe(true);
    // 1/5/2027 is a Saturday: Monday 3/5 off.
    expect(calendar.dayOffReason("2027-05-03")).toBe("compensatory");
  });
});

describe("deadlines on the working calendar (default policy: 8 h to acknowledge, 4 h urgent, 5 days normal)", () => {
  const roads = defaultPolicy("roads");
  // [filed (VN time), urgency, acknowledge by, handle by]
  const table: [string, string, "normal" | "urgent", string, string][] = [
    // 8 working hours is more than one 7.5-hour working day.
    ["ordinary Tuesday morning", "2026-11-24T09:00:00", "normal", "2026-11-25T09:30:00", "2026-12-01T09:00:00"],
    // The clock starts when the office reopens at 13:30.
    ["during lunch", "2026-11-24T12:00:00", "urgent", "2026-11-25T14:00:00", "2026-11-25T08:00:00"],
    // Friday 24/4/2026 16:50: weekend, Giỗ Tổ on Sunday 26/4 and its compensatory Monday 27/4.
    ["Friday 16:50 before Giỗ Tổ, 30/4 and 1/5", "2026-04-24T16:50:00", "normal", "2026-04-29T07:50:00", "2026-05-06T16:50:00"],
    ["same, urgent", "2026-04-24T16:50:00", "urgent", "2026-04-29T07:50:00", "2026-04-28T11:20:00"],
    // Wednesday 29/4/2026 16:50, the last working day before 30/4 (Thu) and 1/5 (Fri).
    ["Wednesday 16:50 before 30/4 and 1/5", "2026-04-29T16:50:00", "normal", "2026-05-05T07:50:00", "2026-05-08T16:50:00"],
    // Tết 2026: office closed from Sat 14/2 to Sun 22/2.
    ["last morning before Tết", "2026-02-13T10:00:00", "normal", "2026-02-23T10:30:00", "2026-02-27T10:00:00"],
    ["filed during Tết", "2026-02-18T09:00:00", "urgent", "2026-02-24T08:00:00", "2026-02-23T11:30:00"],
    // Tết 2027 (5/2 to 9/2, plus 10/2 and 11/2 in compensation).
    ["Thursday before Tết 2027", "2027-02-04T15:00:00", "normal", "2027-02-12T15:30:00", "2027-02-18T15:00:00"],
  ];
  it.each(table)("%s", (_name, filed, urgency, ack, handle) => {
    const d = computeDeadlines(calendar, roads, urgency, vn(filed));
    expect(d.acknowledgeBy.toISOString()).toBe(vn(ack).toISOString());
    expect(d.handleBy.toISOString()).toBe(vn(handle).toISOString());
  });

  it("counts a make-up Saturday as a working day and an extra day off as a holiday", () => {
    const filed = vn("2026-12-04T16:50:00"); // Friday
    const plain = computeDeadlines(calendar, roads, "normal", filed);
    expect(plain.acknowledgeBy.toISOString()).toBe(vn("2026-12-08T07:50:00").toISOString());
    const withMakeUp = createWorkingCalendar({ publicHolidays: holidays, makeUpDays: ["2026-12-05"] });
    expect(computeDeadlines(withMakeUp, roads, "normal", filed).acknowledgeBy.toISOString()).toBe(
      vn("2026-12-07T07:50:00").toISOString(),
    );
    const withDayOff = createWorkingCalendar({ publicHolidays: holidays, extraDaysOff: ["2026-12-07"] });
    expect(computeDeadlines(withDayOff, roads, "normal", filed).acknowledgeBy.toISOString()).toBe(
      vn("2026-12-09T07:50:00").toISOString(),
    );
  });

  it("follows the administrator's office hours", () => {
    const hours = parseOfficeHours("08:00-12:00, 13:00-17:00")!;
    const cal = createWorkingCalendar({ publicHolidays: holidays, officeHours: hours });
    expect(cal.minutesPerDay).toBe(480);
    expect(addWorkingMinutes(cal, vn("2026-11-24T11:00:00"), 120).toISOString()).toBe(vn("2026-11-24T14:00:00").toISOString());
    expect(parseOfficeHours("13:30-17:00, 07:30-11:30")).toBeNull();
    expect(parseOfficeHours("7:30-25:00")).toBeNull();
  });
});

describe("time left in words", () => {
  it("measures working time only and rounds towards the safe side", () => {
    // Friday 16:00 to Monday 10:00: 60 + 150 working minutes.
    expect(workingMinutesBetween(calendar, vn("2026-11-27T16:00:00"), vn("2026-11-30T10:00:00"))).toBe(210);
    expect(workingMinutesBetween(calendar, vn("2026-11-30T10:00:00"), vn("2026-11-27T16:00:00"))).toBe(-210);
    expect(describeTimeLeft(210, 450)).toEqual({ overdue: false, unit: "hours", count: 3 });
    expect(describeTimeLeft(900, 450)).toEqual({ overdue: false, unit: "days", count: 2 });
    expect(describeTimeLeft(-61, 450)).toEqual({ overdue: true, unit: "hours", count: 2 });
    expect(describeTimeLeft(25, 450)).toEqual({ overdue: false, unit: "minutes", count: 25 });
  });
});
