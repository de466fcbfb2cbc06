// Aggregates for the council's comparisons: East vs West, districts, quarterly trends.
import { isRural } from "~/lib/rural";
import { recentPeriods } from "~/lib/vn-time";
import { wilson, type Tally } from "~/lib/score";
import { cached } from "~/utils/cache.server";
import type { DashboardRow } from "./dashboard.server";
import { tallyByPeriod } from "./survey.server";

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

/** Overall share per quarter and region over the last `quarters` quarters, oldest first. */
export function quarterlyTrend(args: { overallCriterionId: number; quarters?: number; now?: Date }) {
  const { overallCriterionId, quarters = 8, now = new Date() } = args;
  return cached(
    "quarterlyTrend",
    ["reference", "answers"],
    () => assembleTrend(args),
    [overallCriterionId, quarters, recentPeriods(now, 1)[0]].join("/"),
  );
}

async function assembleTrend({
  overallCriterionId,
  quarters = 8,
  now = new Date(),
}: {
  overallCriterionId: number;
  quarters?: number;
  now?: Date;
}) {
  const periods = recentPeriods(now, quarters).reverse();
  const rows = await tallyByPeriod({ periods, criterionId: overallCriterionId });
  return periods.map((period) => ({
    period,
    east: aggregate(rows.filter((r) => r.period === period && r.region === "east")),
    west: aggregate(rows.filter((r) => r.period === period && r.region === "west")),
  }));
}
