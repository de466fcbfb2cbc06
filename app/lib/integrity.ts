// The integrity report of a survey round for one commune (issue 10, docs/decisions/026): pure
// figures and flags from the round's raw answers, the re-check's sample size and its seeded draw.
// A flag never changes data; staff may exclude answers, and the verdict is shown both ways.
import { isSatisfied, median } from "./score";
import { vnHourLabel } from "./vn-time";

/** Administrator settings: each flag's threshold (shares 0..1), the re-check's margin e. */
export type IntegrityThresholds = {
  /** share of answers from the three busiest network addresses */
  topAddressShare: number;
  /** share of answers that repeat another answer's exact pattern */
  identicalShare: number;
  /** share of answers with the same score on every criterion */
  straightShare: number;
  /** share of answers finished in under a third of the median time */
  fastShare: number;
  /** gap between open and verified satisfaction (overall question) */
  openVerifiedGap: number;
  /** share of a village's handed-out codes used */
  villageUseShare: number;
  /** e in n = N / (1 + N e^2) */
  recheckMargin: number;
  /** share of visited households that deny having answered */
  deniedShare: number;
};

export const INTEGRITY_DEFAULTS: IntegrityThresholds = {
  topAddressShare: 0.3,
  identicalShare: 0.2,
  straightShare: 0.3,
  fastShare: 0.2,
  openVerifiedGap: 0.15,
  villageUseShare: 0.98,
  recheckMargin: 0.1,
  deniedShare: 0.1,
};

export const INTEGRITY_KEYS = Object.keys(INTEGRITY_DEFAULTS) as (keyof IntegrityThresholds)[];

/** Bounds an administrator may set (shares, and e between 1% and 50%). */
export const INTEGRITY_BOUNDS = { min: 0.01, max: 1 } as const;

export type IntegrityAnswer = {
  id: number;
  createdAt: Date;
  ipHash: string | null;
  verified: boolean;
  durationSeconds: number | null;
  /** scores in criterion order, null = no opinion */
  scores: (number | null)[];
  /** the overall question's score, if any */
  overall: number | null;
  excluded: boolean;
};

export type VillageUse = { village: string; count: number; sealed: boolean; used: number };

export type FlagKey = "topAddresses" | "identical" | "straight" | "fast" | "openVerifiedGap" | "villageUse" | "denied";

/**
 * A flag fires only when it rests on at least this many answers (timed answers for "too fast",
 * handed-out codes for a village, visited households for the re-check): below it a share means
 * little (one fast answer in two is 50 %), and the page says "not enough answers to judge".
 */
export const MIN_ANSWERS_FOR_FLAG = 10;

/** Whether a figure rests on enough answers to raise a flag. */
export function enoughForFlag(count: number): boolean {
  return count >= MIN_ANSWERS_FOR_FLAG;
}

export type Flag = {
  key: FlagKey;
  value: number;
  threshold: number;
  flagged: boolean;
  detail?: string;
  /** how many answers (or codes, or visits) the figure rests on */
  count: number;
  /** false: too few to judge; the flag never fires */
  enough: boolean;
};

/** Answers per Vietnam hour, in time order. */
export function answersPerHour(answers: readonly { createdAt: Date }[]): { hour: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const a of [...answers].sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime())) {
    const h = vnHourLabel(a.createdAt);
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  return [...counts].map(([hour, count]) => ({ hour, count }));
}

/** Share of answers that came from the three busiest (hashed) network addresses. */
export function topAddressShare(answers: readonly { ipHash: string | null }[]): number {
  if (answers.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const a of answers) if (a.ipHash) counts.set(a.ipHash, (counts.get(a.ipHash) ?? 0) + 1);
  const top = [...counts.values()].sort((a, b) => b - a).slice(0, 3);
  return top.reduce((s, c) => s + c, 0) / answers.length;
}

const patternOf = (scores: readonly (number | null)[]) => scores.map((s) => s ?? "-").join("");

/** Share of answers whose whole pattern of scores also appears in another answer. */
export function identicalShare(answers: readonly { scores: (number | null)[] }[]): number {
  if (answers.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const a of answers) counts.set(patternOf(a.scores), (counts.get(patternOf(a.scores)) ?? 0) + 1);
  const repeated = answers.filter((a) => counts.get(patternOf(a.scores))! > 1).length;
  return repeated / answers.length;
}

/** Same score on every criterion (at least two criteria answered, no "no opinion"). */
export function isStraightLine(scores: readonly (number | null)[]): boolean {
  return scores.length >= 2 && scores.every((s) => s !== null && s === scores[0]);
}

export function straightShare(answers: readonly { scores: (number | null)[] }[]): number {
  if (answers.length === 0) return 0;
  return answers.filter((a) => isStraightLine(a.scores)).length / answers.length;
}

/**
 * Answers finished in under a third of the median time (only answers whose time is known). With
 * fewer than MIN_ANSWERS_FOR_FLAG timed answers the median says little: no answer is called fast.
 */
export function fastAnswers<T extends { durationSeconds: number | null }>(answers: readonly T[]) {
  const timed = answers.filter((a): a is T & { durationSeconds: number } => a.durationSeconds !== null);
  const med = median(timed.map((a) => a.durationSeconds));
  const enough = enoughForFlag(timed.length);
  const fast = med === null || !enough ? [] : timed.filter((a) => a.durationSeconds < med / 3);
  return { median: med, timed: timed.length, enough, fast, share: timed.length ? fast.length / timed.length : 0 };
}

const satisfiedShare = (scores: (number | null)[]) => {
  const answered = scores.filter((s): s is number => s !== null);
  return answered.length ? answered.filter(isSatisfied).length / answered.length : null;
};

/** Satisfaction (overall question) of open and of verified answers, and the gap between them. */
export function openVerifiedGap(answers: readonly IntegrityAnswer[]) {
  const answered = (verified: boolean) => answers.filter((a) => a.verified === verified && a.overall !== null).length;
  const open = satisfiedShare(answers.filter((a) => !a.verified).map((a) => a.overall));
  const verified = satisfiedShare(answers.filter((a) => a.verified).map((a) => a.overall));
  return {
    open,
    verified,
    gap: open !== null && verified !== null ? Math.abs(open - verified) : null,
    /** the smaller of the two groups (answers to the overall question): what the gap rests on */
    count: Math.min(answered(false), answered(true)),
  };
}

/** A flag with its figure, threshold and what it rests on; it fires only above the threshold with enough answers. */
export function makeFlag(key: FlagKey, value: number, threshold: number, count: number, detail?: string): Flag {
  const enough = enoughForFlag(count);
  return { key, value, threshold, flagged: enough && value > threshold, count, enough, ...(detail ? { detail } : {}) };
}

/** Each flag with its figure and threshold. Excluded answers are left out of the figures. */
export function integrityFlags(all: readonly IntegrityAnswer[], villages: readonly VillageUse[], t: IntegrityThresholds): Flag[] {
  const answers = all.filter((a) => !a.excluded);
  const gap = openVerifiedGap(answers);
  const busiestVillage = villages
    .filter((v) => v.sealed && v.count > 0)
    .map((v) => ({ village: v.village, share: v.used / v.count, count: v.count }))
    .sort((a, b) => b.share - a.share)[0];
  const fast = fastAnswers(answers);
  return [
    makeFlag("topAddresses", topAddressShare(answers), t.topAddressShare, answers.length),
    makeFlag("identical", identicalShare(answers), t.identicalShare, answers.length),
    makeFlag("straight", straightShare(answers), t.straightShare, answers.length),
    makeFlag("fast", fast.share, t.fastShare, fast.timed),
    makeFlag("openVerifiedGap", gap.gap ?? 0, t.openVerifiedGap, gap.count),
    makeFlag("villageUse", busiestVillage?.share ?? 0, t.villageUseShare, busiestVillage?.count ?? 0, busiestVillage?.village),
  ];
}

/** Re-check sample size n = N / (1 + N e^2), rounded up, never more than N. */
export function sampleSize(population: number, margin: number): number {
  if (population <= 0) return 0;
  return Math.min(population, Math.ceil(population / (1 + population * margin * margin)));
}

/**
 * A small deterministic generator (sfc32) seeded from a hex seed of at least 32 characters: the
 * same seed gives the same numbers on every machine, so a draw can be reproduced from the record.
 */
export function seededRandom(seedHex: string): () => number {
  if (!/^[0-9a-f]{32,}$/i.test(seedHex)) throw new Error("seed must be at least 32 hex characters");
  let [a, b, c, d] = [0, 8, 16, 24].map((i) => parseInt(seedHex.slice(i, i + 8), 16) >>> 0);
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next(); // mix the seed in
  return next;
}

/**
 * n items drawn without replacement from the population (sorted by serial first, so the order the
 * database returns them in does not matter), with a partial Fisher-Yates shuffle.
 */
export function drawSample<T extends { serial: string }>(population: readonly T[], n: number, seedHex: string): T[] {
  const items = [...population].sort((x, y) => (x.serial < y.serial ? -1 : x.serial > y.serial ? 1 : 0));
  const random = seededRandom(seedHex);
  const k = Math.min(n, items.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (items.length - i));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items.slice(0, k).sort((x, y) => (x.serial < y.serial ? -1 : 1));
}

export const RECHECK_OUTCOMES = ["confirmed", "denied", "not_reached"] as const;
export type RecheckOutcome = (typeof RECHECK_OUTCOMES)[number];

/** Re-check result: denied among those reached (confirmed + denied). */
export function recheckTally(outcomes: readonly (string | null)[]) {
  const count = (o: RecheckOutcome) => outcomes.filter((x) => x === o).length;
  const confirmed = count("confirmed");
  const denied = count("denied");
  return {
    total: outcomes.length,
    confirmed,
    denied,
    notReached: count("not_reached"),
    pending: outcomes.filter((x) => x === null).length,
    reached: confirmed + denied,
  };
}
