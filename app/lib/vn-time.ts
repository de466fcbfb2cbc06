// Vietnam time: the one place that knows Hải Phòng is UTC+7 (no daylight saving), and the
// working calendar (office hours, holidays, working-day deadlines) at the end of the file.
// Dates shown to people, calendar days typed into forms and survey periods all go through here;
// nowhere else adds 7 hours by hand.
//
// Survey periods: until survey rounds exist a period is a calendar quarter in Vietnam time,
// written "2026-Q4".
import type { DeadlineUnit } from "~/generated/prisma/enums";

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Calendar fields (year, month 1-12, day) of an instant as seen on a wall clock in Vietnam. */
export function vnDateParts(date: Date | string): { year: number; month: number; day: number } {
  const local = new Date(new Date(date).getTime() + VIETNAM_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** "2026-11-22" (as typed in an <input type="date">) -> midnight of that day in Vietnam. */
export function vnStartOfDay(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00+07:00`);
}

/** The Vietnam calendar day of an instant as "2026-11-22" (the value of an <input type="date">). */
export function vnIsoDay(date: Date | string): string {
  const { year, month, day } = vnDateParts(date);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export type Period = `${number}-Q${1 | 2 | 3 | 4}`;

export function periodOf(date: Date): Period {
  const { year, month } = vnDateParts(date);
  const quarter = (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4;
  return `${year}-Q${quarter}`;
}

export function parsePeriod(period: string): { year: number; quarter: number } {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!m) throw new Error(`Not a period: ${period}`);
  return { year: Number(m[1]), quarter: Number(m[2]) };
}

/** "2026-Q4" -> { year: "2026", quarter: "4" } for the translated "Quý 4/2026" / "Q4 2026". */
export function splitPeriod(period: string): { year: string; quarter: string } {
  const [year, q] = period.split("-Q");
  return { year, quarter: q };
}

/** The period and the `count - 1` before it, newest first. */
export function recentPeriods(date: Date, count: number): Period[] {
  let { year, quarter } = parsePeriod(periodOf(date));
  const out: Period[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${year}-Q${quarter as 1 | 2 | 3 | 4}`);
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return out;
}

/** First instant (UTC) of the period after the given one: when a resident may answer again. */
export function nextPeriodStart(period: string): Date {
  const { year, quarter } = parsePeriod(period);
  const nextYear = quarter === 4 ? year + 1 : year;
  const nextMonth = quarter === 4 ? 1 : quarter * 3 + 1;
  return vnStartOfDay(`${nextYear}-${String(nextMonth).padStart(2, "0")}-01`);
}

/**
 * Day, month and time of an instant on a wall clock in Vietnam, in the reader's language: "07-12
 * 03:05" in Vietnamese, "07/12, 03:05" in English (the offline queue's "waiting since").
 */
export function vnDayMonthTime(date: Date | string | number, language: string): string {
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "vi-VN", {
    hour: "2-digit",
    minute: "2-digit",
    day: "2-digit",
    month: "2-digit",
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(new Date(date));
}

// ---------------------------------------------------------------------------------------------
// Working calendar (office hours, public holidays, working-day deadlines).
// ---------------------------------------------------------------------------------------------
/** The Vietnam wall-clock hour of an instant as "2026-11-22 14:00" (answers per hour). */
export function vnHourLabel(date: Date | string): string {
  const local = new Date(new Date(date).getTime() + VIETNAM_OFFSET_MS);
  return `${vnIsoDay(date)} ${String(local.getUTCHours()).padStart(2, "0")}:00`;
}

//
// The working calendar of Vietnamese state offices: office hours on Monday to Friday, minus
// public holidays (with the Labour Code's compensatory day when a holiday falls on a weekend) and
// the administrator's extra days off, plus make-up working days (ngày làm bù). Deadlines are a
// number of working minutes added to a start instant. Pure: the holidays come in as data
// (lib/vn-holidays.server.ts reads them from date-holidays, which stays out of the browser).

const DAY_MS = 24 * 60 * 60 * 1000;

/** A Vietnam calendar date, "2026-04-30". */
export type DateKey = string;

/** Office hours within a day, in minutes after midnight, sorted and not overlapping. */
export type OfficeHours = readonly (readonly [number, number])[];

/** 7:30-11:30 and 13:30-17:00: the usual hours of a commune People's Committee. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = [
  [7 * 60 + 30, 11 * 60 + 30],
  [13 * 60 + 30, 17 * 60],
];

export type CalendarInput = {
  officeHours?: OfficeHours;
  /** public holidays (from the holiday library), before compensatory days are added */
  publicHolidays: Iterable<DateKey>;
  /** the administrator's extra days off */
  extraDaysOff?: Iterable<DateKey>;
  /** make-up working days: working even on a weekend or a holiday */
  makeUpDays?: Iterable<DateKey>;
};

export type WorkingCalendar = {
  officeHours: OfficeHours;
  /** working minutes in one working day (450 with the default hours) */
  minutesPerDay: number;
  isWorkingDay(date: DateKey): boolean;
  /** why a day is not worked, for the settings page: "weekend" | "holiday" | "compensatory" | "extra" */
  dayOffReason(date: DateKey): "weekend" | "holiday" | "compensatory" | "extra" | null;
};

function dayStartUtc(date: DateKey): number {
  return vnStartOfDay(date).getTime();
}

function addDays(date: DateKey, days: number): DateKey {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(date: DateKey): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** Minutes after midnight from "07:30". */
export function parseClock(text: string): number | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** "07:30-11:30, 13:30-17:00" -> intervals, or null when malformed, unsorted or overlapping. */
export function parseOfficeHours(text: string): OfficeHours | null {
  const parts = text.split(",").map((p) => p.trim());
  const out: [number, number][] = [];
  for (const part of parts) {
    const [a, b, extra] = part.split("-");
    if (extra !== undefined || a === undefined || b === undefined) return null;
    const start = parseClock(a);
    const end = parseClock(b);
    if (start === null || end === null || end <= start) return null;
    if (out.length > 0 && start < out[out.length - 1][1]) return null;
    out.push([start, end]);
  }
  return out.length > 0 ? out : null;
}

export function formatOfficeHours(hours: OfficeHours): string {
  return hours.map(([a, b]) => `${formatClock(a)}-${formatClock(b)}`).join(", ");
}

export function createWorkingCalendar(input: CalendarInput): WorkingCalendar {
  const officeHours = input.officeHours ?? DEFAULT_OFFICE_HOURS;
  const holidays = new Set(input.publicHolidays);
  const extra = new Set(input.extraDaysOff ?? []);
  const makeUp = new Set(input.makeUpDays ?? []);
  // Labour Code 2019, art. 112(3): a holiday on a weekly rest day gives a day off on the next
  // working day. Walk the holidays in order so two weekend holidays give two following days.
  const compensatory = new Set<DateKey>();
  for (const h of [...holidays].sort()) {
    if (!isWeekend(h)) continue;
    let d = addDays(h, 1);
    while (isWeekend(d) || holidays.has(d) || compensatory.has(d)) d = addDays(d, 1);
    compensatory.add(d);
  }
  const dayOffReason = (date: DateKey) => {
    if (makeUp.has(date)) return null;
    if (extra.has(date)) return "extra" as const;
    if (holidays.has(date)) return "holiday" as const;
    if (compensatory.has(date)) return "compensatory" as const;
    if (isWeekend(date)) return "weekend" as const;
    return null;
  };
  return {
    officeHours,
    minutesPerDay: officeHours.reduce((sum, [a, b]) => sum + (b - a), 0),
    isWorkingDay: (date) => dayOffReason(date) === null,
    dayOffReason,
  };
}

const MAX_DAYS_SCANNED = 3660;

/** The instant `minutes` working minutes after `start`. A start outside office hours waits for the next opening. */
export function addWorkingMinutes(calendar: WorkingCalendar, start: Date, minutes: number): Date {
  let remaining = Math.max(0, minutes);
  let date = vnIsoDay(start);
  for (let i = 0; i < MAX_DAYS_SCANNED; i++, date = addDays(date, 1)) {
    if (!calendar.isWorkingDay(date)) continue;
    const base = dayStartUtc(date);
    for (const [a, b] of calendar.officeHours) {
      const from = Math.max(base + a * 60_000, start.getTime());
      const to = base + b * 60_000;
      if (from >= to) continue;
      const available = (to - from) / 60_000;
      if (remaining <= available) return new Date(from + remaining * 60_000);
      remaining -= available;
    }
  }
  throw new Error("working calendar has no working time in ten years");
}

/** Working minutes from `from` to `to`; negative when `to` is before `from` (overdue). */
export function workingMinutesBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  if (to < from) return -workingMinutesBetween(calendar, to, from);
  let total = 0;
  let date = vnIsoDay(from);
  const last = vnIsoDay(to);
  for (let i = 0; i < MAX_DAYS_SCANNED && date <= last; i++, date = addDays(date, 1)) {
    if (!calendar.isWorkingDay(date)) continue;
    const base = dayStartUtc(date);
    for (const [a, b] of calendar.officeHours) {
      const s = Math.max(base + a * 60_000, from.getTime());
      const e = Math.min(base + b * 60_000, to.getTime());
      if (e > s) total += (e - s) / 60_000;
    }
  }
  return Math.round(total);
}

export type { DeadlineUnit };

/** A deadline amount in working minutes: an hour is 60, a day is one full working day. */
export function deadlineMinutes(calendar: WorkingCalendar, amount: number, unit: DeadlineUnit): number {
  return unit === "working_hours" ? amount * 60 : amount * calendar.minutesPerDay;
}

/**
 * Time left in words, as data for a translated message: "còn 3 giờ làm việc", "còn 2 ngày làm
 * việc", "quá hạn 1 giờ làm việc". Whole units, rounded down while time is left (never promise
 * more than there is) and up once overdue.
 */
export function describeTimeLeft(
  minutesLeft: number,
  minutesPerDay: number,
): { overdue: boolean; unit: "days" | "hours" | "minutes"; count: number } {
  const overdue = minutesLeft < 0;
  const m = Math.abs(minutesLeft);
  const round = overdue ? Math.ceil : Math.floor;
  if (m >= minutesPerDay) return { overdue, unit: "days", count: round(m / minutesPerDay) };
  if (m >= 60) return { overdue, unit: "hours", count: round(m / 60) };
  return { overdue, unit: "minutes", count: Math.max(overdue ? 1 : 0, Math.ceil(m)) };
}
