// Complaints (phản ánh): filing, the public view, the officials' inbox and the workflow.
// Public functions select only public fields; staff functions are called after a guard.
import { Prisma } from "~/generated/prisma/client";
import {
  canReopen,
  canStaffMove,
  isOpen,
  isOverdue,
  OPEN_STATUSES,
  requiresPublicReply,
  type Category,
  type Status,
} from "~/lib/complaint-workflow";
import { median } from "~/lib/score";
import { computeDeadlines, dueAtFor, type Urgency } from "~/lib/deadline-policy";
import { describeTimeLeft, workingMinutesBetween } from "~/lib/vn-time";
import { getCategoryPolicy, getWorkingCalendar } from "./working-calendar.server";
import { fold } from "~/lib/text";
import { newTrackingCode } from "~/lib/tracking-code";
import { prisma, type Tx } from "~/utils/db.server";
import { newSubscription, notifyResidents, type Contact } from "./outbox.server";
import { listedSelect, reportedSelect, timelineEventSelect } from "./complaint-select.server";

function countsByStatus(rows: { status: Status; _count: { _all: number } }[]): Partial<Record<Status, number>> {
  const counts: Partial<Record<Status, number>> = {};
  for (const r of rows) counts[r.status] = r._count._all;
  return counts;
}

export type NewComplaint = {
  communeId: number;
  category: Category;
  text: string;
  village?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  contact?: string | null;
  /** for notifications; kept apart from `contact`, which staff see (see docs/decisions/022) */
  notify?: Contact;
  /** posted through Open311 with this key; the token lets the client look it up */
  open311?: { apiKeyId: number; token: string };
  ipHash?: string | null;
  photos?: { fileName: string; width: number; height: number; bytes: number }[];
  /** the form's id: the same report sent again (retry, offline queue) is stored once */
  submissionId?: string | null;
  createdAt?: Date;
  isDemo?: boolean;
};

/** Urgency and deadlines on the working calendar for a clock starting now (filing, reopening). */
async function startClock(category: Category, at: Date, urgency?: Urgency) {
  const [calendar, policy] = await Promise.all([getWorkingCalendar(at), getCategoryPolicy(category)]);
  const chosen = urgency ?? policy.defaultUrgency;
  return { urgency: chosen, ...computeDeadlines(calendar, policy, chosen, at) };
}

/**
 * Fills the deadlines of reports that have none: those filed before deadlines existed (once, when
 * the server starts: services/background.server.ts) and open ones after the calendar or a policy
 * changed (recomputeOpenDeadlines). New reports get theirs when filed.
 */
export async function ensureDeadlines() {
  const rows = await prisma.complaint.findMany({
    where: { acknowledgeBy: null },
    select: { id: true, category: true, urgency: true, status: true, clockStartedAt: true },
  });
  if (rows.length === 0) return 0;
  const calendar = await getWorkingCalendar();
  const policies = new Map<string, Awaited<ReturnType<typeof getCategoryPolicy>>>();
  for (const r of rows) if (!policies.has(r.category)) policies.set(r.category, await getCategoryPolicy(r.category));
  await prisma.$transaction(
    rows.map((r) => {
      const d = computeDeadlines(calendar, policies.get(r.category)!, r.urgency, r.clockStartedAt);
      return prisma.complaint.updateMany({
        where: { id: r.id, acknowledgeBy: null },
        data: { ...d, dueAt: dueAtFor(r.status, d) },
      });
    }),
  );
  return rows.length;
}

/** After the calendar or a policy changed: open reports get deadlines on the new rules. */
export async function recomputeOpenDeadlines() {
  await prisma.complaint.updateMany({ where: { status: { in: [...OPEN_STATUSES] } }, data: { acknowledgeBy: null } });
  return ensureDeadlines();
}

/** The tracking code of a report already stored under this submission id, if any. */
export async function findComplaintCodeBySubmission({ submissionId }: { submissionId: string }): Promise<string | null> {
  const row = await prisma.complaint.findUnique({ where: { submissionId }, select: { code: true } });
  return row?.code ?? null;
}

/** Files a report; `replayed` when the same submission was already stored (its code is returned). */
export async function createComplaint(input: NewComplaint): Promise<{ id: number; code: string; replayed?: true }> {
  const createdAt = input.createdAt ?? new Date();
  const clock = await startClock(input.category, createdAt);
  for (let attempt = 0; ; attempt++) {
    const code = newTrackingCode();
    try {
      const subscriptions = await newSubscription({
        code,
        communeId: input.communeId,
        category: input.category,
        ...input.notify,
      });
      return await prisma.complaint.create({
        data: {
          code,
          communeId: input.communeId,
          category: input.category,
          text: input.text,
          searchKey: fold(input.text),
          village: input.village ?? null,
          latitude: input.latitude ?? null,
          longitude: input.longitude ?? null,
          contact: input.contact ?? null,
          ipHash: input.ipHash ?? null,
          submissionId: input.submissionId ?? null,
          isDemo: input.isDemo ?? false,
          createdAt,
          clockStartedAt: createdAt,
          ...clock,
          dueAt: clock.acknowledgeBy,
          photos: { create: input.photos ?? [] },
          events: { create: { kind: "filed", toStatus: "new", public: true, createdAt } },
          subscriptions,
          open311: input.open311 ? { create: input.open311 } : undefined,
        },
        select: { id: true, code: true },
      });
    } catch (e) {
      const unique = e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
      if (unique && input.submissionId) {
        // Two sends of one report raced: the first one stored it.
        const first = await prisma.complaint.findUnique({
          where: { submissionId: input.submissionId },
          select: { id: true, code: true },
        });
        if (first) return { ...first, replayed: true };
      }
      if (!unique || attempt >= 3) throw e;
    }
  }
}

/**
 * The columns anyone may read. Never the tracking code (its holder may rate and reopen), the
 * contact, the address hash or internal notes; the text is the redacted one when there is one.
 */
const publicSelect = {
  id: true,
  category: true,
  text: true,
  publicText: true,
  village: true,
  status: true,
  createdAt: true,
  resolvedAt: true,
  handlingRating: true,
  commune: { select: { slug: true, name: true, kind: true } },
  photos: { where: { approved: true }, select: { id: true, width: true, height: true }, orderBy: { id: "asc" } },
  events: {
    where: { public: true },
    select: timelineEventSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ComplaintSelect;

type PublicRow = Prisma.ComplaintGetPayload<{ select: typeof publicSelect }>;

/** What anyone may see of a complaint. Every public read returns this type and nothing more. */
export type PublicComplaint = Omit<PublicRow, "publicText">;

function toPublic(row: PublicRow): PublicComplaint {
  const { text, publicText, ...rest } = row;
  return { ...rest, text: publicText ?? text };
}

/** The tracking page: the public view, plus the code its holder typed in. */
export async function getPublicComplaint({ code }: { code: string }): Promise<(PublicComplaint & { code: string }) | null> {
  const row = await prisma.complaint.findUnique({ where: { code }, select: publicSelect });
  return row ? { ...toPublic(row), code } : null;
}

export async function listRecentPublicComplaints({
  communeId,
  take = 10,
}: {
  communeId: number;
  take?: number;
}): Promise<PublicComplaint[]> {
  const rows = await prisma.complaint.findMany({
    where: { communeId },
    select: publicSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
  return rows.map(toPublic);
}

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

/** Open and past the deadline that applies now (dueAt is null once closed). */
function overdueWhere(now: Date): Prisma.ComplaintWhereInput {
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

/** Everything about one complaint, for staff who passed requireCommuneAccess. */
export async function getStaffComplaint({ id }: { id: number }) {
  const row = await prisma.complaint.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      communeId: true,
      commune: { select: { slug: true, name: true } },
      category: true,
      ...reportedSelect,
      contact: true,
      status: true,
      createdAt: true,
      clockStartedAt: true,
      resolvedAt: true,
      handlingRating: true,
      urgency: true,
      acknowledgeBy: true,
      handleBy: true,
      dueAt: true,
      mergedIntoId: true,
      _count: { select: { supporters: true } },
      photos: { select: { id: true, approved: true, width: true, height: true }, orderBy: { id: "asc" } },
      events: {
        select: { ...timelineEventSelect, public: true, actor: { select: { name: true } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  return row ? { ...row, status: row.status } : null;
}

/** A report as the pages acting on it show it (forward, urgency, merge): the list columns and its commune. */
export function getComplaintHead({ id }: { id: number }) {
  return prisma.complaint.findUnique({ where: { id }, select: { ...listedSelect, communeId: true } });
}

/** The commune a complaint belongs to, for the guard before anything else is loaded. */
export function getComplaintCommuneId({ id }: { id: number }) {
  return prisma.complaint.findUnique({ where: { id }, select: { communeId: true } }).then((r) => r?.communeId ?? null);
}

export class WorkflowError extends Error {
  constructor(
    public readonly reason: "forbiddenTransition" | "replyRequired" | "stale" | "notForwarded" | "alreadyForwarded" | "closed",
  ) {
    super(reason);
  }
}

/**
 * The one place a status changes (officials, units, bulk acknowledge, merges): compare-and-set on
 * the old status, the deadline that applies next, the public status event and an optional public
 * reply, all inside the caller's transaction. Anything that must happen with every public status
 * change (an outbox message) belongs here.
 */
export async function applyStatusChange(
  tx: Tx,
  {
    id,
    actorId,
    from,
    to,
    reply,
    deadlines,
    now,
  }: {
    id: number;
    actorId: number | null;
    from: Status;
    to: Status;
    reply: string | null;
    deadlines: { acknowledgeBy: Date | null; handleBy: Date | null };
    now: Date;
  },
) {
  const updated = await tx.complaint.updateMany({
    where: { id, status: from },
    data: {
      status: to,
      dueAt: dueAtFor(to, deadlines),
      // Resolving a new report directly also acknowledges it.
      ...(to === "acknowledged" || (from === "new" && to === "resolved") ? { acknowledgedAt: now } : {}),
      ...(to === "resolved" || to === "rejected" || to === "merged" ? { resolvedAt: now } : {}),
    },
  });
  if (updated.count !== 1) throw new WorkflowError("stale");
  await tx.complaintEvent.create({
    data: { complaintId: id, actorId, kind: "status", fromStatus: from, toStatus: to, public: true, createdAt: now },
  });
  if (reply)
    await tx.complaintEvent.create({
      data: { complaintId: id, actorId, kind: "reply", body: reply, public: true, createdAt: now },
    });
  // Residents who asked are told, through the outbox, in this same transaction. A merge sends its
  // own message (mergeComplaints).
  if (to !== "merged") await notifyResidents(tx, { complaintId: id, change: { kind: "status", to, reply } });
}

/** The status and deadlines a status change starts from. */
export async function readStatus(tx: Tx, id: number) {
  const current = await tx.complaint.findUnique({
    where: { id },
    select: { status: true, acknowledgeBy: true, handleBy: true, communeId: true },
  });
  if (!current) throw new WorkflowError("stale");
  return { ...current, status: current.status };
}

/**
 * An official moves a complaint. The transition is checked against the workflow and applied
 * only if nobody changed the status meanwhile (compare-and-set in one transaction). Resolving and
 * rejecting require a public reply, stored in the same transaction.
 */
export async function moveComplaint({
  id,
  actorId,
  to,
  reply,
}: {
  id: number;
  actorId: number;
  to: Status;
  reply: string | null;
}) {
  await prisma.$transaction(async (tx) => {
    const current = await readStatus(tx, id);
    if (!canStaffMove(current.status, to)) throw new WorkflowError("forbiddenTransition");
    if (requiresPublicReply(to) && !reply) throw new WorkflowError("replyRequired");
    await applyStatusChange(tx, { id, actorId, from: current.status, to, reply, deadlines: current, now: new Date() });
  });
}

export async function addStaffMessage({
  id,
  actorId,
  body,
  visibility,
}: {
  id: number;
  actorId: number;
  body: string;
  visibility: "public" | "internal";
}) {
  await prisma.$transaction(async (tx) => {
    await tx.complaintEvent.create({
      data: { complaintId: id, actorId, kind: visibility === "public" ? "reply" : "note", body, public: visibility === "public" },
    });
    if (visibility === "public") await notifyResidents(tx, { complaintId: id, change: { kind: "reply", body } });
  });
}

export async function setPhotoApproval({
  id,
  photoId,
  actorId,
  approved,
}: {
  id: number;
  photoId: number;
  actorId: number;
  approved: boolean;
}) {
  await prisma.$transaction(async (tx) => {
    const updated = await tx.complaintPhoto.updateMany({ where: { id: photoId, complaintId: id }, data: { approved } });
    if (updated.count !== 1) throw new WorkflowError("stale");
    await tx.complaintEvent.create({
      data: { complaintId: id, actorId, kind: approved ? "photo_approved" : "photo_hidden", body: String(photoId) },
    });
  });
}

/** One tap for every photo still waiting: each is approved with its own history entry. */
export async function approveAllPhotos({ id, actorId }: { id: number; actorId: number }) {
  await prisma.$transaction(async (tx) => {
    const pending = await tx.complaintPhoto.findMany({ where: { complaintId: id, approved: false }, select: { id: true } });
    if (pending.length === 0) throw new WorkflowError("stale");
    await tx.complaintPhoto.updateMany({ where: { id: { in: pending.map((p) => p.id) } }, data: { approved: true } });
    await tx.complaintEvent.createMany({
      data: pending.map((p) => ({ complaintId: id, actorId, kind: "photo_approved" as const, body: String(p.id) })),
    });
  });
}

/** Replaces the public text (personal data removed); the original stays for staff. null restores it. */
export async function redactComplaint({ id, actorId, publicText }: { id: number; actorId: number; publicText: string | null }) {
  await prisma.$transaction([
    prisma.complaint.update({ where: { id }, data: { publicText } }),
    prisma.complaintEvent.create({ data: { complaintId: id, actorId, kind: "redacted" } }),
  ]);
}

export async function rateHandling({ code, rating }: { code: string; rating: number }) {
  const updated = await prisma.complaint.updateMany({ where: { code, status: "resolved" }, data: { handlingRating: rating } });
  if (updated.count !== 1) throw new WorkflowError("forbiddenTransition");
  const { id } = await prisma.complaint.findUniqueOrThrow({ where: { code }, select: { id: true } });
  await prisma.complaintEvent.create({ data: { complaintId: id, kind: "rated", body: String(rating), public: true } });
}

/** The resident reopens a resolved complaint within 14 days, with a reason; the deadlines restart. */
export async function reopenComplaint({ code, reason, now = new Date() }: { code: string; reason: string; now?: Date }) {
  const c = await prisma.complaint.findUnique({
    where: { code },
    select: { id: true, status: true, resolvedAt: true, category: true, urgency: true },
  });
  if (!c || !canReopen({ status: c.status, resolvedAt: c.resolvedAt }, now)) throw new WorkflowError("forbiddenTransition");
  const clock = await startClock(c.category, now, c.urgency);
  await prisma.$transaction(async (tx) => {
    const updated = await tx.complaint.updateMany({
      where: { id: c.id, status: "resolved" },
      data: {
        status: "reopened",
        clockStartedAt: now,
        resolvedAt: null,
        handlingRating: null,
        ...clock,
        dueAt: clock.acknowledgeBy,
      },
    });
    if (updated.count !== 1) throw new WorkflowError("stale");
    await tx.complaintEvent.create({
      data: {
        complaintId: c.id,
        kind: "reopened",
        fromStatus: "resolved",
        toStatus: "reopened",
        body: reason,
        public: true,
        createdAt: now,
      },
    });
    await notifyResidents(tx, { complaintId: c.id, change: { kind: "reopened", reason } });
  });
}

/** A photo file name, if the photo may be shown to this viewer. */
export async function getPhotoForViewer({
  photoId,
  staffCommuneIds,
}: {
  photoId: number;
  staffCommuneIds: number[] | null | "none";
}) {
  const photo = await prisma.complaintPhoto.findUnique({
    where: { id: photoId },
    select: { fileName: true, approved: true, complaint: { select: { communeId: true } } },
  });
  if (!photo) return null;
  if (photo.approved) return photo.fileName;
  if (staffCommuneIds === "none") return null;
  if (staffCommuneIds === null || staffCommuneIds.includes(photo.complaint.communeId)) return photo.fileName;
  return null;
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
