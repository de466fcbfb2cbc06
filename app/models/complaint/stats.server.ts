// Complaint figures: a commune's counts, the council's counts per commune, a dossier's summary.
import { OPEN_STATUSES } from "~/lib/complaint-workflow";
import { median } from "~/lib/score";
import { prisma } from "~/utils/db.server";
import { countsByStatus, overdueWhere } from "./inbox.server";

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
