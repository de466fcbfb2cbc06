// Short notices on a commune's pages (water cut, storm, road closed; issue 24, decision 039): the
// rules of the dates an official gives. Days are Vietnam calendar days ("2026-12-07"); a notice
// runs from its first day (or from now, when that is today) to the end of its last day.
import { vnIsoDay, vnStartOfDay } from "./vn-time";

export const NOTICE_TEXT_MAX = 280;
/** A notice is for a passing event: at most this many days from its first to its last day. */
export const NOTICE_MAX_DAYS = 60;
const DAY = 86_400_000;

export type NoticeDatesError =
  | { field: "startDay"; key: "notices.errors.startPast" }
  | { field: "endDay"; key: "notices.errors.endBeforeStart" | "notices.errors.tooLong" };

/**
 * When a notice with these days is shown: startsAt (now, for a notice starting today) and endsAt
 * (the start of the day after its last day). Refused: a first day before today, a last day before
 * the first, more than NOTICE_MAX_DAYS days.
 */
export function noticePeriod(
  { startDay, endDay }: { startDay: string; endDay: string },
  now: Date,
): { ok: true; startsAt: Date; endsAt: Date } | ({ ok: false } & NoticeDatesError) {
  const today = vnIsoDay(now);
  if (startDay < today) return { ok: false, field: "startDay", key: "notices.errors.startPast" };
  if (endDay < startDay) return { ok: false, field: "endDay", key: "notices.errors.endBeforeStart" };
  const first = vnStartOfDay(startDay);
  const endsAt = new Date(vnStartOfDay(endDay).getTime() + DAY);
  if (endsAt.getTime() - first.getTime() > NOTICE_MAX_DAYS * DAY)
    return { ok: false, field: "endDay", key: "notices.errors.tooLong" };
  return { ok: true, startsAt: startDay === today ? now : first, endsAt };
}

/** Shown now: started, not ended, not taken down. */
export function isNoticeCurrent(
  n: { startsAt: Date | string; endsAt: Date | string; removedAt: Date | string | null },
  now: Date,
) {
  return n.removedAt === null && new Date(n.startsAt) <= now && new Date(n.endsAt) > now;
}
