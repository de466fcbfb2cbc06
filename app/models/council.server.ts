// Aggregates for the council's comparisons: East vs West, districts, quarterly trends.
import { isRural } from "~/lib/rural";
import { wilson, type Tally } from "~/lib/score";
import { answerSnapshot, type AnswerSnapshot } from "./commune-answers.server";
import { listCommunes, type CommuneRow } from "./commune.server";
import type { DashboardRow } from "./dashboard.server";

export type Aggregate = { satisfied: number; answered: number; share: number | null; low: number | null; high: number | null };

/** Counts being summed: satisfied and answered. */
type Sum = { satisfied: number; answered: number };
const zero = (): Sum => ({ satisfied: 0, answered: 0 });
function add(sum: Sum, t: Tally | undefined) {
  if (!t) return;
  sum.satisfied += t.satisfied;
  sum.answered += t.answered;
}

function aggregate({ satisfied, answered }: Sum): Aggregate {
  if (answered === 0) return { satisfied, answered, share: null, low: null, high: null };
  const ci = wilson(satisfied, answered);
  return { satisfied, answered, share: satisfied / answered, low: ci.low, high: ci.high };
}

/**
 * East vs West per criterion, and the overall question per former district (rural units only:
 * xã and special zones), worst first. Made once per dashboard (the rows are replaced, never
 * changed, so the same rows give the same comparisons).
 */
export function compareCommunes(dashboard: { rows: readonly DashboardRow[]; criteria: readonly { key: string }[] }) {
  let made = comparisons.get(dashboard);
  if (!made) comparisons.set(dashboard, (made = makeComparisons(dashboard)));
  return made;
}
const comparisons = new WeakMap<object, ReturnType<typeof makeComparisons>>();

function makeComparisons({ rows, criteria }: { rows: readonly DashboardRow[]; criteria: readonly { key: string }[] }) {
  const regions = criteria.map(({ key }) => {
    const east = zero();
    const west = zero();
    for (const r of rows) add(r.region === "east" ? east : west, r.tallies[key]);
    return { key, east: aggregate(east), west: aggregate(west) };
  });
  const byDistrict = new Map<string, Sum>();
  for (const r of rows) {
    if (!isRural(r.kind)) continue;
    let sum = byDistrict.get(r.formerUnit);
    if (!sum) byDistrict.set(r.formerUnit, (sum = zero()));
    add(sum, r.tallies.overall);
  }
  const districts = [...byDistrict]
    .map(([district, sum]) => ({ district, ...aggregate(sum) }))
    .sort((a, b) => (a.share ?? 2) - (b.share ?? 2));
  return { regions, districts };
}

/** The trend made from the last snapshot (a new snapshot after answers, else the same object). */
let lastTrend: { answers: AnswerSnapshot; communes: CommuneRow[]; criterionId: number; value: TrendPoint[] } | null = null;
type TrendPoint = { period: string; east: Aggregate; west: Aggregate };

/**
 * Overall share per quarter and region over the last TREND_QUARTERS quarters, oldest first: sums
 * of each commune's counts, kept in memory (commune-answers.server.ts).
 */
export async function quarterlyTrend({
  overallCriterionId,
  snapshot,
  now = new Date(),
}: {
  overallCriterionId: number;
  /** the snapshot the rest of the page was made from (the dashboard's); by default the latest */
  snapshot?: AnswerSnapshot;
  now?: Date;
}) {
  const [answers, communes] = await Promise.all([snapshot ?? answerSnapshot(now), listCommunes()]);
  const t = lastTrend;
  if (t && t.answers === answers && t.criterionId === overallCriterionId && sameItems(t.communes, communes)) return t.value;
  const periods = [...answers.periods].reverse();
  const sums = periods.map(() => ({ east: zero(), west: zero() }));
  for (const c of communes) {
    const byPeriod = answers.byCommune.get(c.id)?.tallies.get(overallCriterionId);
    if (!byPeriod) continue;
    const region = c.region === "east" ? "east" : "west";
    for (let i = 0; i < periods.length; i++) add(sums[i][region], byPeriod.get(periods[i]));
  }
  const value = periods.map((period, i) => ({ period, east: aggregate(sums[i].east), west: aggregate(sums[i].west) }));
  lastTrend = { answers, communes, criterionId: overallCriterionId, value };
  return value;
}

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);
