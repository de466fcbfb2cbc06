// Vietnam time: the one place that knows Hải Phòng is UTC+7 (no daylight saving).
// Dates shown to people, calendar days typed into forms and survey periods all go through here;
// nowhere else adds 7 hours by hand.
//
// Survey periods: until survey rounds exist a period is a calendar quarter in Vietnam time,
// written "2026-Q4".

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

// ---------------------------------------------------------------------------------------------
// Working calendar (office hours, public holidays, working-day deadlines).
// Reserved for the complaints feature: add the working-day functions here, below this line,
// built on the Vietnam-time helpers above.
// ---------------------------------------------------------------------------------------------

/** The Vietnam wall-clock hour of an instant as "2026-11-22 14:00" (answers per hour). */
export function vnHourLabel(date: Date | string): string {
  const local = new Date(new Date(date).getTime() + VIETNAM_OFFSET_MS);
  return `${vnIsoDay(date)} ${String(local.getUTCHours()).padStart(2, "0")}:00`;
}
