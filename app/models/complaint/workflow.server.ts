// The complaint workflow: the one place a status changes, officials' moves and messages, and
// what the resident does after a resolution (rate, reopen).
import { canReopen, canStaffMove, requiresPublicReply, type Status } from "~/lib/complaint-workflow";
import { dueAtFor } from "~/lib/deadline-policy";
import { prisma, type Tx } from "~/utils/db.server";
import { notifyResidents } from "../outbox.server";
import { startClock } from "./deadlines.server";

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
