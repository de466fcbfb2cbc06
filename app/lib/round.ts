// Survey rounds: which round an answer belongs to, and whether results may be shown yet.
import type { RoundPurpose } from "~/generated/prisma/enums";

export type RoundWindow = { id: number; startsAt: Date; endsAt: Date };

/** The round open at `at` ([startsAt, endsAt)); when rounds overlap, the one that started last. */
export function pickRound<T extends RoundWindow>(rounds: readonly T[], at: Date): T | null {
  let best: T | null = null;
  for (const r of rounds) {
    if (r.startsAt <= at && at < r.endsAt && (!best || r.startsAt > best.startsAt)) best = r;
  }
  return best;
}

/** Two rounds' windows ([startsAt, endsAt)) share a moment. */
export function roundsOverlap(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** When paper entry closes: the round's close plus the grace period for late paper ballots. */
export function paperEntryClosesAt(round: { endsAt: Date }, graceHours: number): Date {
  return new Date(round.endsAt.getTime() + graceHours * 3_600_000);
}

/**
 * A count that is final before it is shown (decision 036, after CONSUL): a round's results —
 * scores, verdict, integrity details — are shown only once paper entry has closed (the close
 * plus the grace period), for every kind of round. Counts of answers are always shown.
 */
export function resultsVisible(round: { purpose?: RoundPurpose; endsAt: Date }, now: Date, graceHours: number): boolean {
  return now >= paperEntryClosesAt(round, graceHours);
}

/** A paper ballot cell: 1-5, "d" (đạt / hài lòng: satisfied) → 5, "k" (không: not satisfied) → 1, "-" or empty → no opinion. */
export function parseBallotCell(raw: string): number | null | "invalid" {
  const v = raw.trim().toLowerCase();
  if (v === "" || v === "-") return null;
  if (/^[1-5]$/.test(v)) return Number(v);
  if (v === "d" || v === "đ") return 5;
  if (v === "k") return 1;
  return "invalid";
}

/**
 * When a round's count is final: paper entry closes `graceHours` after the round (the grace period
 * for ballots collected on the last day), and no answer can be added after that.
 */
export function countFinalAt(round: { endsAt: Date }, graceHours: number): Date {
  return new Date(round.endsAt.getTime() + graceHours * 3600 * 1000);
}

export function countFinal(round: { endsAt: Date }, graceHours: number, now: Date = new Date()): boolean {
  return now >= countFinalAt(round, graceHours);
}
