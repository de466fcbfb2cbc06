// Council dashboard rules: a commune's overall verdict, the at-risk list, sorting and filtering.
// Pure functions over already-computed scores.
import type { Score, Verdict } from "./score";

export type CommuneScores = { criterionKey: string; isOverall: boolean; score: Score }[];

/**
 * One verdict per commune: "below" when any criterion (or the overall question) is below the
 * threshold; "meets" only when every criterion and the overall question meet it; "insufficient"
 * when any criterion lacks the minimum sample (or is hidden for too few answers: it cannot be
 * vouched for, so it never lets the commune "meet"); otherwise, with enough answers everywhere,
 * "straddles": at least one interval contains the threshold.
 */
export function communeVerdict(scores: CommuneScores): Verdict {
  if (scores.some((s) => !s.score.hidden && s.score.verdict === "below")) return "below";
  if (scores.length === 0 || scores.some((s) => s.score.hidden || s.score.verdict === "insufficient")) return "insufficient";
  return scores.every((s) => !s.score.hidden && s.score.verdict === "meets") ? "meets" : "straddles";
}

/** Criteria below the threshold, worst (lowest upper bound) first. */
export function failing(scores: CommuneScores) {
  return scores
    .flatMap((s) =>
      !s.score.hidden && s.score.verdict === "below"
        ? [{ criterionKey: s.criterionKey, share: s.score.share, high: s.score.interval.high, answered: s.score.answered }]
        : [],
    )
    .sort((a, b) => a.high - b.high);
}

export type Coverage = { answered: number; households: number; share: number };

/** Share of households that answered in a round. null when the household count is unknown. */
export function coverage(answered: number, households: number): Coverage | null {
  if (!Number.isFinite(households) || households <= 0) return null;
  return { answered, households, share: answered / households };
}

/**
 * What counts towards a round's coverage in a commune: with household codes required, the codes
 * used (one per household); otherwise every answer (issue 10).
 */
export function roundAnswered(r: { codesRequired: boolean; usedCodes: number; answers: number }): number {
  return r.codesRequired ? r.usedCodes : r.answers;
}

export type SortDir = "asc" | "desc";

/** Vietnamese order; one collator (String.localeCompare with a locale builds one per call). */
const vi = new Intl.Collator("vi");

/** Sorts with missing values (null) always last, whatever the direction; ties by name. */
export function sortRows<T extends { name: string }>(rows: T[], value: (row: T) => number | string | null, dir: SortDir): T[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null && vb === null) return vi.compare(a.name, b.name);
    if (va === null) return 1;
    if (vb === null) return -1;
    const c = typeof va === "number" && typeof vb === "number" ? va - vb : vi.compare(String(va), String(vb));
    return c !== 0 ? sign * c : vi.compare(a.name, b.name);
  });
}

/** Shares to 4 decimals (0.01 percentage point): finer than any figure the pages print. */
const shareDigits = (x: number) => Math.round(x * 10_000) / 10_000;

/** A score as the dashboard table prints it: how many answered, the share and its interval, the verdict. */
export type PageScore =
  | { hidden: true; answered: number }
  | (Pick<Extract<Score, { hidden: false }>, "hidden" | "answered" | "indicative" | "verdict"> & {
      share: number;
      interval: { low: number; high: number };
    });

/** The same figures, shares rounded to what can be printed. */
export function scoreForPage(s: Score): PageScore {
  if (s.hidden) return { hidden: true, answered: s.answered };
  return {
    hidden: false,
    answered: s.answered,
    indicative: s.indicative,
    verdict: s.verdict,
    share: shareDigits(s.share),
    interval: { low: shareDigits(s.interval.low), high: shareDigits(s.interval.high) },
  };
}

/**
 * A dashboard row as the table receives it: what it prints, no more. The raw tallies, the failing
 * list and the thresholds serve the server (comparisons, at-risk list, verdicts); shares are
 * rounded. 114 rows went from 179 to about 80 KB of JSON, on every load of the page.
 */
export function tableRow<R extends { scores: Record<string, Score>; tallies: unknown; failing: unknown; threshold: unknown }>(
  row: R,
) {
  const made = tableRows.get(row);
  if (made) return made as ReturnType<typeof makeTableRow<R>>;
  const out = makeTableRow(row);
  tableRows.set(row, out);
  return out;
}

/**
 * Made once per row: the dashboard's rows are replaced, never changed, and after an answer only
 * the communes that received it get new rows (decision 031).
 */
const tableRows = new WeakMap<object, unknown>();

function makeTableRow<R extends { scores: Record<string, Score>; tallies: unknown; failing: unknown; threshold: unknown }>(
  row: R,
) {
  const { tallies: _tallies, failing: _failing, threshold: _threshold, scores, ...rest } = row;
  return {
    ...rest,
    scores: Object.fromEntries(Object.entries(scores).map(([k, s]) => [k, scoreForPage(s)])) as Record<string, PageScore>,
  };
}
