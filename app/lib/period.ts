// Survey periods. Until survey rounds exist a period is a calendar quarter in Vietnam time
// (UTC+7, no daylight saving), written "2026-Q4".

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export type Period = `${number}-Q${1 | 2 | 3 | 4}`;

export function periodOf(date: Date): Period {
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  const quarter = (Math.floor(local.getUTCMonth() / 3) + 1) as 1 | 2 | 3 | 4;
  return `${local.getUTCFullYear()}-Q${quarter}`;
}

export function parsePeriod(period: string): { year: number; quarter: number } {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!m) throw new Error(`Not a period: ${period}`);
  return { year: Number(m[1]), quarter: Number(m[2]) };
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
  const nextMonth = quarter === 4 ? 0 : quarter * 3;
  return new Date(Date.UTC(nextYear, nextMonth, 1) - VIETNAM_OFFSET_MS);
}

/** The calendar day in Vietnam, "2026-11-27": the coarse time kept on a used ballot code. */
export function vietnamDay(date: Date): string {
  return new Date(date.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
