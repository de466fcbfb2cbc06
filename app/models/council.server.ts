// Aggregates for the council's comparisons: East vs West, districts, quarterly trends.
import { isRural } from "~/lib/rural";
import { wilson, type Tally } from "~/lib/score";
import { answerSnapshot, sumTally, type AnswerSnapshot } from "./commune-answers.server";
import { listCommunes, type CommuneRow } from "./commune.server";
import type { DashboardRow } from "./dashboard.server";

export type Aggregate = { satisfied: number; answered: number; share: number | null; low: number | null; high: number | null };

function aggregate(tallies: Tally[]): Aggregate {
  const satisfied = tallies.reduce((s, t) => s + t.satisfied, 0);
  const answered = tallies.reduce((s, t) => s + t.answered, 0);
  if (answered === 0) return { satisfied, answered, share: null, low: null, high: null };
  const ci = wilson(satisfied, answered);
  return { satisfied, answered, share: satisfied / answered, low: ci.low, high: ci.high };
}

/** Per criterion, East and West. */
export function compareRegions(rows: DashboardRow[], criterionKeys: string[]) {
  return criterionKeys.map((key) => ({
    key,
    east: aggregate(rows.filter((r) => r.region === "east").map((r) => r.tallies[key])),
    west: aggregate(rows.filter((r) => r.region === "west").map((r) => r.tallies[key])),
  }));
}

/** Overall question per former district, rural units only (xã and special zones). */
export function compareDistricts(rows: DashboardRow[]) {
  const byDistrict = new Map<string, Tally[]>();
  for (const r of rows) {
    if (!isRural(r.kind)) continue;
    byDistrict.set(r.formerUnit, [...(byDistrict.get(r.formerUnit) ?? []), r.tallies.overall]);
  }
  return [...byDistrict]
    .map(([district, tallies]) => ({ district, ...aggregate(tallies) }))
    .sort((a, b) => (a.share ?? 2) - (b.share ?? 2));
}

/** The trend made from the last snapshot (a new snapshot after answers, else the same object). */
let lastTrend: { answers: AnswerSnapshot; communes: CommuneRow[]; criterionId: number; value: TrendPoint[] } | null = null;
type TrendPoint = { period: string; east: Aggregate; west: Aggregate };

/**
 * Overall share per quarter and region over the last TREND_QUARTERS quarters, oldest first: sums
 * of each commune's counts, kept in memory (commune-answers.server.ts).
 */
export async function quarterlyTrend({ overallCriterionId, now = new Date() }: { overallCriterionId: number; now?: Date }) {
  const [answers, communes] = await Promise.all([answerSnapshot(now), listCommunes()]);
  const t = lastTrend;
  if (t && t.answers === answers && t.criterionId === overallCriterionId && sameItems(t.communes, communes)) return t.value;
  const periods = [...answers.periods].reverse();
  const value = periods.map((period) => ({
    period,
    east: aggregate(
      communes.filter((c) => c.region === "east").map((c) => sumTally(answers.byCommune.get(c.id), overallCriterionId, [period])),
    ),
    west: aggregate(
      communes.filter((c) => c.region === "west").map((c) => sumTally(answers.byCommune.get(c.id), overallCriterionId, [period])),
    ),
  }));
  lastTrend = { answers, communes, criterionId: overallCriterionId, value };
  return value;
}

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);
