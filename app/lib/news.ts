// Area news and confirmed contacts (decision 043): the pure rules. When a follower's daily digest
// and a council member's weekly digest fall due, their periods (Vietnam day, Vietnam week), and how
// long a contact waits for its confirmation.
import { vnDateParts, vnIsoDay, vnStartOfDay } from "./vn-time";

/** A contact nobody confirmed within this many days is erased (the link and the code expire). */
export const CONFIRM_DAYS = 7;
/** Wrong SMS codes accepted before the code is void (a new "me too" form sends a new one). */
export const PHONE_CODE_TRIES = 5;
/** Default Vietnam hour from which the day's digests are composed (env NEWS_DIGEST_HOUR). */
export const DEFAULT_DIGEST_HOUR = 18;

const DAY_MS = 86_400_000;

export function confirmDeadline(now: Date, days = CONFIRM_DAYS): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/** The hour (0-23) of `date` in Vietnam (UTC+7, no daylight saving). */
export function vnHour(date: Date): number {
  return new Date(date.getTime() + 7 * 3600_000).getUTCHours();
}

/** The daily digest's period: the Vietnam day ("2026-12-07"), or null before the digest hour. */
export function dailyPeriod(now: Date, digestHour: number): string | null {
  return vnHour(now) >= digestHour ? vnIsoDay(now) : null;
}

/** The Monday (Vietnam day) of the week `now` is in: the weekly digest's period. */
export function weekOf(now: Date): string {
  const { year, month, day } = vnDateParts(now);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay(); // 0 = Sunday
  const monday = vnStartOfDay(vnIsoDay(now)).getTime() - ((weekday + 6) % 7) * DAY_MS;
  return vnIsoDay(new Date(monday));
}

/** The weekly digest's period, or null before the digest hour on the week's first day it may go. */
export function weeklyPeriod(now: Date, digestHour: number): string | null {
  return vnHour(now) >= digestHour || weekOf(now) !== vnIsoDay(now) ? weekOf(now) : null;
}

/** Whether a follow's village (empty = the whole commune) covers a report's village. */
export function villageMatches(followed: string, reportVillage: string | null): boolean {
  if (!followed) return true;
  const norm = (s: string) => s.normalize("NFC").trim().toLocaleLowerCase("vi").replace(/\s+/g, " ");
  return reportVillage !== null && norm(reportVillage) === norm(followed);
}

/** A short excerpt of a report or a reply for a digest line. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
