// The council's figures on works (issue 22), per commune and criterion: investment (total and per
// household of the household register), disbursement share, works the board found degraded, works
// with open reports, and works degraded within their warranty with no report forwarded to the
// contractor. Two grouped queries (10,000 works: see README "Performance"), cached on the works
// and complaints versions (the register's tables bump "works"; decision 031: the dashboard's path
// is not touched), recomputed per Vietnam day (warranties end at midnight).
import { OPEN_STATUSES } from "~/lib/complaint-workflow";
import { disbursementShare, isUnderWarranty, perHousehold, warrantyState, type WorkCategory } from "~/lib/works";
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
  /** households of the newest register; null when the commune is not in it ("chưa có sổ hộ") */
  households: number | null;
  perHousehold: number | null;
  degraded: number;
  withOpenReports: number;
  degradedNoContractor: number;
};

/** Households per commune in the newest household register (decision 036); none before the first import. */
async function registerHouseholdsByCommune(): Promise<Map<number, number>> {
  const rows = await prisma.$queryRaw<{ communeId: number; households: bigint | number }[]>`
    SELECT "communeId", SUM("households") AS households FROM "RegisterEntry"
    WHERE "registerId" = (SELECT "id" FROM "HouseholdRegister" ORDER BY "version" DESC LIMIT 1)
    GROUP BY "communeId"`;
  return new Map(rows.map((r) => [Number(r.communeId), Number(r.households)]));
}

const OPEN_LIST = OPEN_STATUSES.map((s) => `'${s}'`).join(", ");
// The latest inspection's verdict of work w (the board's last word counts).
const LATEST_VERDICT = `(SELECT i."verdict" FROM "WorkInspection" i WHERE i."workId" = w."id" ORDER BY i."inspectedOn" DESC, i."id" DESC LIMIT 1)`;

export async function computeWorksFigures(now: Date): Promise<WorksFigure[]> {
  const [groups, degraded, households] = await Promise.all([
    prisma.$queryRawUnsafe<
      {
        communeId: number;
        category: WorkCategory;
        works: number | bigint;
        invested: number | bigint;
        disbursed: number | bigint;
        degraded: number | bigint;
        withOpen: number | bigint;
      }[]
    >(`
      SELECT w."communeId" AS communeId, w."category" AS category, COUNT(*) AS works,
             SUM(w."totalInvestment") AS invested, SUM(w."disbursed") AS disbursed,
             SUM(${LATEST_VERDICT} = 'degraded') AS degraded,
             SUM(EXISTS (SELECT 1 FROM "WorkComplaint" wc JOIN "Complaint" c ON c."id" = wc."complaintId"
                         WHERE wc."workId" = w."id" AND c."status" IN (${OPEN_LIST}))) AS withOpen
      FROM "Work" w GROUP BY w."communeId", w."category"`),
    // Degraded works handed over, with whether a linked report was forwarded to the contractor:
    // few rows, whose warranty is then read on the Vietnam calendar (lib/works).
    prisma.$queryRawUnsafe<
      {
        communeId: number;
        category: WorkCategory;
        handedOverOn: string | Date;
        warrantyMonths: number;
        called: number | bigint;
      }[]
    >(`
      SELECT w."communeId" AS communeId, w."category" AS category, w."handedOverOn" AS handedOverOn,
             w."warrantyMonths" AS warrantyMonths,
             EXISTS (SELECT 1 FROM "WorkComplaint" wc JOIN "Forwarding" f ON f."complaintId" = wc."complaintId"
                     WHERE wc."workId" = w."id" AND f."unitId" = w."contractorUnitId") AS called
      FROM "Work" w WHERE w."handedOverOn" IS NOT NULL AND ${LATEST_VERDICT} = 'degraded'`),
    registerHouseholdsByCommune(),
  ]);
  const noContractor = new Map<string, number>();
  for (const w of degraded) {
    if (
      Number(w.called) ||
      !isUnderWarranty({ handedOverOn: toDate(w.handedOverOn), warrantyMonths: Number(w.warrantyMonths) }, now)
    )
      continue;
    const key = `${w.communeId}|${w.category}`;
    noContractor.set(key, (noContractor.get(key) ?? 0) + 1);
  }
  return groups.map((g) => {
    const communeId = Number(g.communeId);
    const invested = Number(g.invested ?? 0);
    const disbursed = Number(g.disbursed ?? 0);
    const hh = households.get(communeId) ?? null;
    return {
      communeId,
      category: g.category,
      works: Number(g.works),
      invested,
      disbursed,
      disbursedShare: disbursementShare(invested, disbursed),
      households: hh,
      perHousehold: perHousehold(invested, hh),
      degraded: Number(g.degraded ?? 0),
      withOpenReports: Number(g.withOpen ?? 0),
      degradedNoContractor: noContractor.get(`${communeId}|${g.category}`) ?? 0,
    };
  });
}

/** A DateTime read by a raw query: the adapter gives ISO text (or epoch milliseconds). */
function toDate(v: string | Date | number): Date {
  return v instanceof Date ? v : new Date(typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v);
}

export function getWorksFigures({ now = new Date() }: { now?: Date } = {}) {
  const day = Math.floor((now.getTime() + 7 * 3_600_000) / 86_400_000);
  return cached("worksFigures", ["works", "complaints"], () => computeWorksFigures(now), String(day));
}

const byCommuneOf = new WeakMap<WorksFigure[], Map<number, Partial<Record<WorkCategory, WorksFigure>>>>();

/** Per commune, its figures per criterion (the dashboard's cells, the exports' columns); made once per cached copy. */
export async function worksFiguresByCommune({ now = new Date() }: { now?: Date } = {}) {
  const figures = await getWorksFigures({ now });
  let out = byCommuneOf.get(figures);
  if (!out) {
    out = new Map();
    for (const f of figures) {
      const row = out.get(f.communeId) ?? {};
      row[f.category] = f;
      out.set(f.communeId, row);
    }
    byCommuneOf.set(figures, out);
  }
  return out;
}

export type CellFigure = Omit<WorksFigure, "communeId" | "category">;
const objectOf = new WeakMap<WorksFigure[], Record<number, Partial<Record<WorkCategory, CellFigure>>>>();

/** The same per commune and criterion as one plain object (the dashboard's payload), made once per cached copy. */
export async function worksFiguresObject({ now = new Date() }: { now?: Date } = {}) {
  const figures = await getWorksFigures({ now });
  let out = objectOf.get(figures);
  if (!out) {
    out = {};
    for (const { communeId, category, ...rest } of figures) (out[communeId] ??= {})[category] = rest;
    objectOf.set(figures, out);
  }
  return out;
}

/**
 * A commune's dossier: its figures per criterion, whether it is in the register, and its works
 * found degraded while under warranty (latest inspection), with whether the contractor was called.
 */
export async function communeWorks({ communeId, now = new Date() }: { communeId: number; now?: Date }) {
  const [byCommune, households, works] = await Promise.all([
    worksFiguresByCommune({ now }),
    registerHouseholdsByCommune(),
    prisma.work.findMany({
      where: { communeId, handedOverOn: { not: null }, inspections: { some: { verdict: "degraded" } } },
      orderBy: [{ category: "asc" }, { code: "asc" }],
      select: {
        code: true,
        name: true,
        category: true,
        handedOverOn: true,
        warrantyMonths: true,
        contractor: true,
        contractorUnitId: true,
        inspections: {
          select: { verdict: true, inspectedOn: true },
          orderBy: [{ inspectedOn: "desc" }, { id: "desc" }],
          take: 1,
        },
        complaints: { select: { complaint: { select: { forwardings: { select: { unitId: true } } } } } },
      },
    }),
  ]);
  const degradedUnderWarranty = works
    .filter((w) => w.inspections[0]?.verdict === "degraded")
    .flatMap((w) => {
      const state = warrantyState(w, now);
      if (state.state !== "running") return [];
      const called = w.complaints.some((c) => c.complaint.forwardings.some((f) => f.unitId === w.contractorUnitId));
      return [
        {
          code: w.code,
          name: w.name,
          category: w.category,
          contractor: w.contractor,
          warrantyLastDay: state.lastDay,
          contractorCalled: called,
        },
      ];
    });
  return { figures: byCommune.get(communeId) ?? {}, inRegister: households.has(communeId), degradedUnderWarranty };
}

export type CityWorksPoint = {
  slug: string;
  name: string;
  region: "east" | "west";
  recognised: boolean;
  invested: number;
  /** null: the commune is not in the household register */
  households: number | null;
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
      households: f.households,
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
