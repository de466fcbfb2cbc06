// Complaint figures: a commune's counts, the council's counts per commune, a dossier's summary.
import { OPEN_STATUSES } from "~/lib/complaint-workflow";
import { median } from "~/lib/score";
import { prisma } from "~/utils/db.server";
import { countsByStatus, overdueWhere } from "./inbox.server";
import { cached } from "~/utils/cache.server";
import { emptyChannels, type FixHeld, type ReportChannelKey } from "~/lib/report-figures";

/** Counts for the commune page: open, resolved, overdue, median days from filing to resolution. */
export async function complaintStats({ communeId, now = new Date() }: { communeId: number; now?: Date }) {
  const [byStatus, overdue, resolved] = await Promise.all([
    prisma.complaint.groupBy({ by: ["status"], where: { communeId }, _count: { _all: true } }),
    prisma.complaint.count({ where: { communeId, ...overdueWhere(now) } }),
    prisma.complaint.findMany({
      where: { communeId, status: "resolved", resolvedAt: { not: null } },
      select: { createdAt: true, resolvedAt: true },
    }),
  ]);
  const counts = countsByStatus(byStatus);
  const open = OPEN_STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  const days = resolved.map((r) => (r.resolvedAt!.getTime() - r.createdAt.getTime()) / 86_400_000);
  return { open, resolved: counts.resolved ?? 0, rejected: counts.rejected ?? 0, overdue, medianDaysToResolve: median(days) };
}

/** Per commune: open, overdue, resolved and total complaints (for the council dashboard). */
export async function complaintCountsByCommune({ now = new Date() }: { now?: Date } = {}) {
  const [byStatus, overdue] = await Promise.all([
    prisma.complaint.groupBy({ by: ["communeId", "status"], _count: { _all: true } }),
    prisma.complaint.groupBy({
      by: ["communeId"],
      where: overdueWhere(now),
      _count: { _all: true },
    }),
  ]);
  const out = new Map<number, { open: number; overdue: number; resolved: number; total: number }>();
  const get = (id: number) => {
    if (!out.has(id)) out.set(id, { open: 0, overdue: 0, resolved: 0, total: 0 });
    return out.get(id)!;
  };
  for (const row of byStatus) {
    const c = get(row.communeId);
    c.total += row._count._all;
    if (OPEN_STATUSES.includes(row.status)) c.open += row._count._all;
    if (row.status === "resolved") c.resolved += row._count._all;
  }
  for (const row of overdue) get(row.communeId).overdue = row._count._all;
  return out;
}

/** Per category and status, for a commune's dossier. */
export async function complaintSummaryByCategory({ communeId }: { communeId: number }) {
  const rows = await prisma.complaint.groupBy({ by: ["category", "status"], where: { communeId }, _count: { _all: true } });
  return rows.map((r) => ({ category: r.category, status: r.status, count: r._count._all }));
}

/**
 * Closed reports (resolved or rejected) and how many of them closed before their handling
 * deadline, per commune; merged duplicates are not counted. Read once per change of any report
 * (in any process), not on every dashboard and dossier request: it counts every handled report
 * there has ever been. Callers must not modify the map.
 */
export function onTimeByCommune(): Promise<Map<number, { onTime: number; total: number }>> {
  return cached("onTimeByCommune", ["complaints"], countOnTime);
}

async function countOnTime(): Promise<Map<number, { onTime: number; total: number }>> {
  const rows = await prisma.$queryRaw<{ communeId: number; total: bigint | number; onTime: bigint | number }[]>`
    SELECT "communeId", COUNT(*) AS total,
           SUM(CASE WHEN "resolvedAt" <= "handleBy" THEN 1 ELSE 0 END) AS onTime
    FROM "Complaint"
    WHERE "status" IN ('resolved', 'rejected') AND "resolvedAt" IS NOT NULL AND "handleBy" IS NOT NULL
    GROUP BY "communeId"`;
  return new Map(rows.map((r) => [Number(r.communeId), { onTime: Number(r.onTime), total: Number(r.total) }]));
}

export async function onTimeForCommune({ communeId }: { communeId: number }) {
  return { ...((await onTimeByCommune()).get(communeId) ?? { onTime: 0, total: 0 }) };
}

/** The share handled on time across every commune (council dashboard). */
export async function onTimeOverall() {
  let onTime = 0;
  let total = 0;
  for (const v of (await onTimeByCommune()).values()) {
    onTime += v.onTime;
    total += v.total;
  }
  return { onTime, total };
}

/** A commune's dossier: share handled on time and how many residents said "me too" on its reports. */
export async function triageSummary({ communeId }: { communeId: number }) {
  const [onTime, supporters] = await Promise.all([
    onTimeForCommune({ communeId }),
    prisma.supporter.count({ where: { complaint: { communeId } } }),
  ]);
  return { ...onTime, supporters };
}

export type ReportFigures = { channels: Record<ReportChannelKey, number>; fixHeld: FixHeld };

/**
 * Per commune (issue 24): reports by channel (merged duplicates not counted; no intake row = the
 * site, or Open311 when it came through the API) and the answers to "is it fixed?". Two grouped
 * queries, read once per change of any report or answer ("complaints" version, FixCheck included).
 * Callers must not modify the map.
 */
export function reportFiguresByCommune(): Promise<Map<number, ReportFigures>> {
  return cached("reportFiguresByCommune", ["complaints"], countReportFigures);
}

async function countReportFigures(): Promise<Map<number, ReportFigures>> {
  const [channels, fixes] = await Promise.all([
    prisma.$queryRaw<{ communeId: number; channel: ReportChannelKey; n: bigint | number }[]>`
      SELECT c."communeId" AS communeId,
             CASE WHEN i."channel" IS NOT NULL THEN i."channel" WHEN o."complaintId" IS NOT NULL THEN 'open311' ELSE 'web' END AS channel,
             COUNT(*) AS n
      FROM "Complaint" c
      LEFT JOIN "ComplaintIntake" i ON i."complaintId" = c."id"
      LEFT JOIN "Open311Submission" o ON o."complaintId" = c."id"
      WHERE c."status" <> 'merged'
      GROUP BY 1, 2`,
    prisma.$queryRaw<{ communeId: number; answered: bigint | number; held: bigint | number }[]>`
      SELECT c."communeId" AS communeId, COUNT(*) AS answered, SUM(f."answer" = 'held') AS held
      FROM "FixCheck" f JOIN "Complaint" c ON c."id" = f."complaintId"
      WHERE f."answer" IS NOT NULL
      GROUP BY c."communeId"`,
  ]);
  const out = new Map<number, ReportFigures>();
  const get = (id: number) => {
    let v = out.get(id);
    if (!v) out.set(id, (v = { channels: emptyChannels(), fixHeld: { answered: 0, held: 0 } }));
    return v;
  };
  for (const r of channels) get(Number(r.communeId)).channels[r.channel] = Number(r.n);
  for (const r of fixes) get(Number(r.communeId)).fixHeld = { answered: Number(r.answered), held: Number(r.held ?? 0) };
  return out;
}

export async function reportFiguresForCommune({ communeId }: { communeId: number }): Promise<ReportFigures> {
  return (await reportFiguresByCommune()).get(communeId) ?? { channels: emptyChannels(), fixHeld: { answered: 0, held: 0 } };
}

export type CommuneReportFigures = ReportFigures & { onTime: { onTime: number; total: number } };

/** The council's per-commune report figures as one plain object (dashboard payload), made once per change. */
export function councilReportFigures(): Promise<Record<number, CommuneReportFigures>> {
  return cached("councilReportFigures", ["complaints"], async () => {
    const [figures, onTime] = await Promise.all([reportFiguresByCommune(), onTimeByCommune()]);
    const out: Record<number, CommuneReportFigures> = {};
    for (const id of new Set([...figures.keys(), ...onTime.keys()]))
      out[id] = {
        ...(figures.get(id) ?? { channels: emptyChannels(), fixHeld: { answered: 0, held: 0 } }),
        onTime: onTime.get(id) ?? { onTime: 0, total: 0 },
      };
    return out;
  });
}
