// Satisfaction scoring: share satisfied (CSAT), Wilson score interval and the verdict against
// a threshold. Rules (decision 005): satisfied = 4 or 5 among those who gave an opinion;
// hide a group with fewer than 5 answers; fewer than 30 is "indicative"; a verdict is given
// only when the whole 95% interval is on one side of the threshold.

export const HIDE_BELOW = 5;
export const INDICATIVE_BELOW = 30;
const Z95 = 1.959964;

export type Interval = { low: number; high: number };

/** Wilson score interval for k successes out of n (95% by default). n = 0 gives [0, 1]. */
export function wilson(k: number, n: number, z = Z95): Interval {
  if (n <= 0) return { low: 0, high: 1 };
  if (k < 0 || k > n) throw new RangeError(`k=${k} is outside 0..${n}`);
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export const VERDICTS = ["below", "straddles", "insufficient", "meets"] as const;
export type Verdict = (typeof VERDICTS)[number];

export type Threshold = { share: number; minSample: number };

/**
 * What a threshold may be, when an administrator saves it and when it is read back: a share
 * from 1% to 100%, and a minimum sample of at least HIDE_BELOW answers (a smaller one would give
 * verdicts on figures the pages hide).
 */
export const THRESHOLD_BOUNDS = { share: { min: 0.01, max: 1 }, minSample: { min: HIDE_BELOW, max: 100_000 } } as const;
export const DEFAULT_THRESHOLD: Threshold = { share: 0.9, minSample: 30 };

/**
 * "meets" when the interval lies at or above the threshold, "below" when it lies under it,
 * "straddles" when there are enough answers but the interval contains the threshold (too close
 * to call), and "insufficient" (not enough answers) only when n is under the minimum sample.
 * These are different messages to a reader: "straddles" is not cured by waiting for data alone.
 */
export function verdict(k: number, n: number, threshold: Threshold): Verdict {
  if (n < Math.max(threshold.minSample, 1)) return "insufficient";
  const { low, high } = wilson(k, n);
  if (low >= threshold.share) return "meets";
  if (high < threshold.share) return "below";
  return "straddles";
}

/** Counts of answers to one criterion. */
export type Tally = { satisfied: number; answered: number; noOpinion: number };

export type Score =
  | { hidden: true; answered: number; noOpinion: number }
  | {
      hidden: false;
      answered: number;
      noOpinion: number;
      satisfied: number;
      share: number;
      interval: Interval;
      indicative: boolean;
      verdict: Verdict;
    };

export function score(tally: Tally, threshold: Threshold): Score {
  const { satisfied, answered, noOpinion } = tally;
  if (answered < HIDE_BELOW) return { hidden: true, answered, noOpinion };
  return {
    hidden: false,
    answered,
    noOpinion,
    satisfied,
    share: satisfied / answered,
    interval: wilson(satisfied, answered),
    indicative: answered < INDICATIVE_BELOW,
    verdict: verdict(satisfied, answered, threshold),
  };
}

/** The lowest rating that counts as satisfied: 4 or 5 of 1-5 (decision 005). */
export const SATISFIED_FROM = 4;

/** A 1-5 rating counts as satisfied at 4 or 5; null is "no opinion". The one home of the rule. */
export function isSatisfied(rating: number): boolean {
  return rating >= SATISFIED_FROM;
}

/**
 * The same rule in SQL for the aggregates the database counts: 1 when the rating `column` (a
 * trusted column name, never input) is satisfied, else 0 (NULL, "no opinion", counts 0).
 */
export function satisfiedSql(column: string): string {
  return `CASE WHEN ${column} >= ${SATISFIED_FROM} THEN 1 ELSE 0 END`;
}

/** Tally raw ratings (1..5 or null). Mostly for tests and small sets; the database aggregates. */
export function tally(ratings: readonly (number | null)[]): Tally {
  let satisfied = 0;
  let answered = 0;
  let noOpinion = 0;
  for (const r of ratings) {
    if (r === null) noOpinion++;
    else {
      answered++;
      if (isSatisfied(r)) satisfied++;
    }
  }
  return { satisfied, answered, noOpinion };
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
