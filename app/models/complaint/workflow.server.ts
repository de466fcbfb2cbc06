// The complaint workflow: the one place a status changes, officials' moves and messages, and
// what the resident does after a resolution (rate, reopen).
import { canReopen, canStaffMove, requiresPublicReply, type Status } from "~/lib/complaint-workflow";
import { dueAtFor } from "~/lib/deadline-policy";
import { prisma, type Tx } from "~/utils/db.server";
import { notifyResidents } from "../outbox.server";
import { deadlinesFor } from "./deadlines.server";

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
    reopenReason,
  }: {
    id: number;
    actorId: number | null;
    from: Status;
    to: Status;
    reply: string | null;
    /** the report's deadlines; for a reopening, the new ones (the clock restarts at `now`) */
    deadlines: { acknowledgeBy: Date | null; handleBy: Date | null; dueAt?: Date | null };
    now: Date;
    /** the resident's reason when they reopen a resolved report */
    reopenReason?: string;
  },
) {
  const reopening = to === "reopened";
  const updated = await tx.complaint.updateMany({
    where: { id, status: from },
    data: {
      status: to,
      dueAt: dueAtFor(to, deadlines),
      // Resolving a new report directly also acknowledges it.
      ...(to === "acknowledged" || (from === "new" && to === "resolved") ? { acknowledgedAt: now } : {}),
      ...(to === "resolved" || to === "rejected" || to === "merged" ? { resolvedAt: now } : {}),
      // Reopening restarts the clock on new deadlines and clears the resolution and its rating.
      ...(reopening
        ? {
            clockStartedAt: now,
            acknowledgeBy: deadlines.acknowledgeBy,
            handleBy: deadlines.handleBy,
            resolvedAt: null,
            handlingRating: null,
          }
        : {}),
    },
  });
  if (updated.count !== 1) throw new WorkflowError("stale");
  await tx.complaintEvent.create({
    data: {
      complaintId: id,
      actorId,
      kind: reopening ? "reopened" : "status",
      fromStatus: from,
      toStatus: to,
      body: reopening ? (reopenReason ?? null) : null,
      public: true,
      createdAt: now,
    },
  });
  if (reply)
    await tx.complaintEvent.create({
      data: { complaintId: id, actorId, kind: "reply", body: reply, public: true, createdAt: now },
    });
  // Residents who asked are told, through the outbox, in this same transaction. A merge sends its
  // own message (mergeComplaints).
  if (reopening) await notifyResidents(tx, { complaintId: id, change: { kind: "reopened", reason: reopenReason ?? "" } });
  else if (to !== "merged") await notifyResidents(tx, { complaintId: id, change: { kind: "status", to, reply } });
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

/**
 * The resident rates how a resolved report was handled: the rating and its public event are
 * written in one transaction (both or neither).
 */
export async function rateHandling({ code, rating }: { code: string; rating: number }) {
  await prisma.$transaction(async (tx) => {
    const c = await tx.complaint.findUnique({ where: { code }, select: { id: true, status: true, mergedIntoId: true } });
    // A merged duplicate's reporter rates the handling of the report it was merged into, once
    // that is resolved; the rating stays on their own report (one per tracking code).
    const kept =
      c?.status === "merged" && c.mergedIntoId !== null
        ? await tx.complaint.findUnique({ where: { id: c.mergedIntoId }, select: { status: true } })
        : null;
    const rated = c?.status === "merged" ? kept?.status : c?.status;
    if (!c || rated !== "resolved") throw new WorkflowError("forbiddenTransition");
    const updated = await tx.complaint.updateMany({ where: { code, status: c.status }, data: { handlingRating: rating } });
    if (updated.count !== 1) throw new WorkflowError("forbiddenTransition");
    await tx.complaintEvent.create({ data: { complaintId: c.id, kind: "rated", body: String(rating), public: true } });
  });
}

/**
 * The resident reopens a resolved complaint within 14 days, with a reason: a status change like
 * any other (applyStatusChange), on deadlines restarted from now. After "is it fixed?" answered
 * "no" (fix-check.server.ts), asked weeks later, the 14 days do not apply.
 */
export async function reopenComplaint({
  code,
  reason,
  now = new Date(),
  afterFixCheck = false,
}: {
  code: string;
  reason: string;
  now?: Date;
  afterFixCheck?: boolean;
}) {
  const c = await prisma.complaint.findUnique({
    where: { code },
    select: { id: true, status: true, resolvedAt: true, category: true, urgency: true },
  });
  const allowed = c && (afterFixCheck ? c.status === "resolved" : canReopen({ status: c.status, resolvedAt: c.resolvedAt }, now));
  if (!c || !allowed) throw new WorkflowError("forbiddenTransition");
  const deadlines = await deadlinesFor({ category: c.category, urgency: c.urgency, clockStartedAt: now, status: "reopened" });
  await prisma.$transaction((tx) =>
    applyStatusChange(tx, {
      id: c.id,
      actorId: null,
      from: "resolved",
      to: "reopened",
      reply: null,
      deadlines,
      now,
      reopenReason: reason,
    }),
  );
}
