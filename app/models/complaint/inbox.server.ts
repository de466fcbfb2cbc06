// The officials' inbox: filters, the due order, the next report to handle and the map.
import type { Prisma } from "~/generated/prisma/client";
import { isOpen, isOverdue, OPEN_STATUSES, type Category, type Status } from "~/lib/complaint-workflow";
import { fold } from "~/lib/text";
import { describeTimeLeft, workingMinutesBetween } from "~/lib/vn-time";
import { prisma } from "~/utils/db.server";
import { getWorkingCalendar } from "../working-calendar.server";
import { listedSelect } from "./select.server";

export function countsByStatus(rows: { status: Status; _count: { _all: number } }[]): Partial<Record<Status, number>> {
  const counts: Partial<Record<Status, number>> = {};
  for (const r of rows) counts[r.status] = r._count._all;
  return counts;
}

/** Open and past the deadline that applies now (dueAt is null once closed). */
export function overdueWhere(now: Date): Prisma.ComplaintWhereInput {
  return { status: { in: [...OPEN_STATUSES] }, dueAt: { lt: now } };
}

/**
 * The inbox's default order: least working time left first (overdue first, then the nearest
 * deadline that applies now), older reports first on the same deadline; reports without a
 * deadline (closed, merged) after. `dueAt` is stored per report, so this is an index-friendly
 * ORDER BY; working time left grows with `dueAt`, so the order is the same.
 */
export const DUE_ORDER: Prisma.ComplaintOrderByWithRelationInput[] = [
  { dueAt: { sort: "asc", nulls: "last" } },
  { createdAt: "asc" },
  { id: "asc" },
];

export type InboxFilter = {
  communeIds: number[] | null;
  status?: Status;
  category?: Category;
  overdue?: boolean;
  hasPhoto?: boolean;
  q?: string;
  /** "due" (the default): DUE_ORDER, least working time left first, closed reports last */
  sort: "due" | "oldest" | "newest";
  page: number;
  pageSize: number;
};

export async function listInbox(filter: InboxFilter, now = new Date()) {
  const calendar = await getWorkingCalendar(now);
  const scope: Prisma.ComplaintWhereInput = filter.communeIds ? { communeId: { in: filter.communeIds } } : {};
  const words = fold(filter.q ?? "")
    .split(" ")
    .filter(Boolean);
  const where: Prisma.ComplaintWhereInput = {
    AND: [
      scope,
      filter.status ? { status: filter.status } : {},
      filter.category ? { category: filter.category } : {},
      filter.overdue ? overdueWhere(now) : {},
      filter.hasPhoto ? { photos: { some: {} } } : {},
      ...words.map((w) => ({ searchKey: { contains: w } })),
    ],
  };
  const [total, rows, byStatus] = await Promise.all([
    prisma.complaint.count({ where }),
    prisma.complaint.findMany({
      where,
      select: {
        ...listedSelect,
        createdAt: true,
        clockStartedAt: true,
        commune: { select: { name: true, slug: true } },
        _count: { select: { photos: true, supporters: true } },
      },
      orderBy:
        filter.sort === "due"
          ? DUE_ORDER
          : [{ createdAt: filter.sort === "oldest" ? "asc" : "desc" }, { id: filter.sort === "oldest" ? "asc" : "desc" }],
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    }),
    prisma.complaint.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
  ]);
  return {
    total,
    items: rows.map((r) => ({
      ...r,
      overdue: isOverdue({ status: r.status, dueAt: r.dueAt }, now),
      timeLeft:
        r.dueAt && isOpen(r.status)
          ? describeTimeLeft(workingMinutesBetween(calendar, now, r.dueAt), calendar.minutesPerDay)
          : null,
    })),
    counts: countsByStatus(byStatus),
  };
}

/**
 * The report to handle after this one, in the inbox's default order (DUE_ORDER) within the
 * official's communes; null when no other open report is left.
 * - After an action (`afterAction`), the open report with the least time left other than this
 *   one: the action may have moved this report's deadline (acknowledging starts the handling
 *   clock), so "the one after it" would skip everything due in between.
 * - While browsing, the open report that comes after this one in that order, wrapping round to
 *   the top; so "next" never bounces between two reports nobody acted on.
 */
export async function nextOpenComplaint({
  id,
  communeIds,
  afterAction = false,
}: {
  id: number;
  communeIds: number[] | null;
  afterAction?: boolean;
}) {
  const where: Prisma.ComplaintWhereInput = {
    ...(communeIds ? { communeId: { in: communeIds } } : {}),
    status: { in: [...OPEN_STATUSES] },
    id: { not: id },
  };
  const select = { id: true, code: true } as const;
  const top = () => prisma.complaint.findFirst({ where, select, orderBy: DUE_ORDER });
  // After an action: the most urgent other report, whatever this one's place (no need to read it).
  if (afterAction) return top();
  const current = await prisma.complaint.findUnique({ where: { id }, select: { dueAt: true, createdAt: true } });
  if (!current) return null;
  // Strictly after (dueAt, createdAt, id) in DUE_ORDER; a null dueAt sorts last.
  const sameDue = { dueAt: current.dueAt };
  const tieBreak: Prisma.ComplaintWhereInput[] = [
    { ...sameDue, createdAt: { gt: current.createdAt } },
    { ...sameDue, createdAt: current.createdAt, id: { gt: id } },
  ];
  const after = await prisma.complaint.findFirst({
    where: { ...where, OR: current.dueAt ? [{ dueAt: { gt: current.dueAt } }, { dueAt: null }, ...tieBreak] : tieBreak },
    select,
    orderBy: DUE_ORDER,
  });
  return after ?? top();
}

/**
 * Open reports for the officials' map, within the readable communes (null = all), optionally one
 * commune: those with a GPS location as pins, and how many have none (they stay in the inbox).
 */
export async function listOpenComplaintLocations({ communeIds, communeId }: { communeIds: number[] | null; communeId?: number }) {
  const where: Prisma.ComplaintWhereInput = {
    AND: [
      communeIds ? { communeId: { in: communeIds } } : {},
      communeId ? { communeId } : {},
      { status: { in: [...OPEN_STATUSES] } },
    ],
  };
  const [located, withoutLocation] = await Promise.all([
    prisma.complaint.findMany({
      where: { AND: [where, { latitude: { not: null } }, { longitude: { not: null } }] },
      select: { id: true, code: true, category: true, status: true, createdAt: true, latitude: true, longitude: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 500,
    }),
    prisma.complaint.count({ where: { AND: [where, { OR: [{ latitude: null }, { longitude: null }] }] } }),
  ]);
  return { located: located.map((c) => ({ ...c, latitude: c.latitude!, longitude: c.longitude! })), withoutLocation };
}
