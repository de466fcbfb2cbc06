// The council's figures on works (issue 22), per commune and criterion: investment (total and per
// household), disbursement share, works the board found degraded, works with open reports, and
// works degraded within their warranty with no report forwarded to the contractor. A read of its
// own, cached on the works and complaints versions (decision 031: the dashboard's path is not
// touched), recomputed per Vietnam day (warranties end at midnight).
import { isOpen, type Status } from "~/lib/complaint-workflow";
import { disbursementShare, isUnderWarranty, perHousehold, type WorkCategory } from "~/lib/works";
import { cached } from "~/utils/cache.server";
import { prisma } from "~/utils/db.server";
import { getDashboard } from "../dashboard.server";

export type WorksFigure = {
  communeId: number;
  category: WorkCategory;
  works: number;
  invested: number;
  disbursed: number;
  disbursedShare: number | null;
  households: number | null;
  perHousehold: number | null;
  degraded: number;
  withOpenReports: number;
  degradedNoContractor: number;
};

/** Households per commune: the latest round's count, else the statistics office's. */
async function householdsByCommune(): Promise<Map<number, number>> {
  const [stats, rounds] = await Promise.all([
    prisma.communeHouseholds.findMany({ select: { communeId: true, households: true } }),
    prisma.roundCommune.findMany({
      select: { communeId: true, households: true, round: { select: { startsAt: true } } },
      orderBy: { round: { startsAt: "asc" } },
    }),
  ]);
  const out = new Map(stats.map((s) => [s.communeId, s.households]));
  for (const r of rounds) out.set(r.communeId, r.households);
  return out;
}

export async function computeWorksFigures(now: Date): Promise<WorksFigure[]> {
  const [works, households] = await Promise.all([
    prisma.work.findMany({
      select: {
        communeId: true,
        category: true,
        totalInvestment: true,
        disbursed: true,
        handedOverOn: true,
        warrantyMonths: true,
        contractorUnitId: true,
        inspections: { select: { verdict: true }, orderBy: [{ inspectedOn: "desc" }, { id: "desc" }], take: 1 },
        complaints: { select: { complaint: { select: { status: true, forwardings: { select: { unitId: true } } } } } },
      },
    }),
    householdsByCommune(),
  ]);
  const by = new Map<string, WorksFigure>();
  for (const w of works) {
    const key = `${w.communeId}|${w.category}`;
    const hh = households.get(w.communeId) ?? null;
    const f = by.get(key) ?? {
      communeId: w.communeId,
      category: w.category,
      works: 0,
      invested: 0,
      disbursed: 0,
      disbursedShare: null,
      households: hh,
      perHousehold: null,
      degraded: 0,
      withOpenReports: 0,
      degradedNoContractor: 0,
    };
    f.works += 1;
    f.invested += Number(w.totalInvestment);
    f.disbursed += Number(w.disbursed);
    const degraded = w.inspections[0]?.verdict === "degraded";
    if (degraded) f.degraded += 1;
    if (w.complaints.some((c) => isOpen(c.complaint.status as Status))) f.withOpenReports += 1;
    const called = w.complaints.some((c) => c.complaint.forwardings.some((x) => x.unitId === w.contractorUnitId));
    if (degraded && isUnderWarranty(w, now) && !called) f.degradedNoContractor += 1;
    by.set(key, f);
  }
  return [...by.values()].map((f) => ({
    ...f,
    disbursedShare: disbursementShare(f.invested, f.disbursed),
    perHousehold: perHousehold(f.invested, f.households),
  }));
}

export function getWorksFigures({ now = new Date() }: { now?: Date } = {}) {
  const day = Math.floor((now.getTime() + 7 * 3_600_000) / 86_400_000);
  return cached("worksFigures", ["works", "complaints", "answers", "reference"], () => computeWorksFigures(now), String(day));
}

export type CityWorksPoint = {
  slug: string;
  name: string;
  region: "east" | "west";
  recognised: boolean;
  invested: number;
  perHousehold: number | null;
  disbursedShare: number | null;
  degraded: number;
  withOpenReports: number;
  degradedNoContractor: number;
  /** share satisfied with the criterion; null when hidden (too few answers) */
  share: number | null;
  below: boolean;
};

/** The city view per criterion: each commune with works for it, next to satisfaction with it. */
export async function getCityWorks({ criterion, now = new Date() }: { criterion: WorkCategory; now?: Date }) {
  const [figures, dashboard] = await Promise.all([getWorksFigures({ now }), getDashboard({ now })]);
  const rows = new Map(dashboard.rows.map((r) => [r.id, r]));
  const points: CityWorksPoint[] = [];
  for (const f of figures) {
    if (f.category !== criterion) continue;
    const row = rows.get(f.communeId);
    if (!row) continue;
    const score = row.scores[criterion];
    const share = score && !score.hidden ? score.share : null;
    points.push({
      slug: row.slug,
      name: row.name,
      region: row.region,
      recognised: row.level !== null,
      invested: f.invested,
      perHousehold: f.perHousehold,
      disbursedShare: f.disbursedShare,
      degraded: f.degraded,
      withOpenReports: f.withOpenReports,
      degradedNoContractor: f.degradedNoContractor,
      share,
      below: share !== null && share < row.threshold.share,
    });
  }
  points.sort((a, b) => a.name.localeCompare(b.name, "vi"));
  return { points, dissatisfied: points.filter((p) => p.recognised && p.invested > 0 && p.below) };
}
