// Units and forwarding: an official passes a report to a unit (water company, environment
// company, department, commune police) with a note; the unit accepts it and works it, or returns
// it with a reason. Each operation is one function owning its transaction; status changes go
// through applyStatusChange so that whatever accompanies a public change happens once.
import { UnitKind as UnitKindEnum, type UnitKind } from "~/generated/prisma/enums";
import { isOpen, type Status } from "~/lib/complaint-workflow";
import { prisma, type Tx } from "~/utils/db.server";
import { applyStatusChange, readStatus, WorkflowError } from "./complaint/workflow.server";
import { notifyResidents } from "./outbox.server";
import { listedSelect, reportedSelect, timelineEventSelect } from "./complaint/select.server";

export type { UnitKind };
export const UNIT_KINDS: readonly UnitKind[] = Object.values(UnitKindEnum);
const ACTIVE = ["pending", "accepted"] as const;

export function listUnits({ activeOnly = false }: { activeOnly?: boolean } = {}) {
  return prisma.unit.findMany({
    where: activeOnly ? { active: true } : {},
    select: { id: true, slug: true, name: true, kind: true, active: true },
    orderBy: { name: "asc" },
  });
}

export async function listUnitsWithMembers() {
  const units = await prisma.unit.findMany({
    select: { id: true, slug: true, name: true, kind: true, active: true, members: { select: { userId: true } } },
    orderBy: { name: "asc" },
  });
  const users = await prisma.user.findMany({
    where: { id: { in: units.flatMap((u) => u.members.map((m) => m.userId)) } },
    select: { id: true, email: true, name: true },
  });
  return units.map((u) => ({ ...u, members: users.filter((x) => u.members.some((m) => m.userId === x.id)) }));
}

export async function createUnit(input: { slug: string; name: string; kind: UnitKind; isDemo?: boolean }) {
  const taken = await prisma.unit.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (taken) return { ok: false as const, reason: "slugTaken" as const };
  const { id } = await prisma.unit.create({ data: input, select: { id: true } });
  return { ok: true as const, id };
}

/** Adds an existing account with the "unit" role to a unit. */
export async function addUnitMember({ unitId, email }: { unitId: number; email: string }) {
  const user = await prisma.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, role: true } });
  if (!user || user.role !== "unit") return { ok: false as const, reason: "memberUnknown" as const };
  await prisma.unitMember.upsert({
    where: { userId_unitId: { userId: user.id, unitId } },
    create: { userId: user.id, unitId },
    update: {},
  });
  return { ok: true as const };
}

/** The unit a unit account works for (the first one, by name, if several). */
export async function getUserUnit({ userId }: { userId: number }) {
  const m = await prisma.unitMember.findFirst({
    where: { userId, unit: { active: true } },
    select: { unit: { select: { id: true, name: true, kind: true } } },
    orderBy: { unit: { name: "asc" } },
  });
  return m?.unit ?? null;
}

async function activeForwarding(tx: Tx, complaintId: number) {
  return tx.forwarding.findFirst({
    where: { complaintId, status: { in: [...ACTIVE] } },
    select: { id: true, unitId: true, status: true, unit: { select: { name: true } } },
  });
}

/** An official forwards an open report to a unit. One unit at a time. */
export async function forwardComplaint({
  id,
  actorId,
  unitId,
  note,
}: {
  id: number;
  actorId: number;
  unitId: number;
  note: string;
}) {
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    const current = await readStatus(tx, id);
    if (!isOpen(current.status)) throw new WorkflowError("closed");
    if (await activeForwarding(tx, id)) throw new WorkflowError("alreadyForwarded");
    const unit = await tx.unit.findFirst({ where: { id: unitId, active: true }, select: { name: true } });
    if (!unit) throw new WorkflowError("stale");
    await tx.forwarding.create({ data: { complaintId: id, unitId, note, createdById: actorId, createdAt: now } });
    await tx.complaintEvent.createMany({
      data: [
        { complaintId: id, actorId, kind: "forwarded", body: unit.name, public: true, createdAt: now },
        { complaintId: id, actorId, kind: "forward_note", body: note, public: false, createdAt: now },
      ],
    });
    // The resident learns the unit's name, never the official's note.
    await notifyResidents(tx, { complaintId: id, change: { kind: "forwarded", unit: unit.name } });
  });
}

/** The official takes a report back from the unit before it answered. */
export async function withdrawForwarding({ id, actorId }: { id: number; actorId: number }) {
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    const f = await activeForwarding(tx, id);
    if (!f) throw new WorkflowError("notForwarded");
    await closeForwarding(tx, f.id, f.status, { status: "withdrawn", respondedAt: now });
    await tx.complaintEvent.create({
      data: { complaintId: id, actorId, kind: "forward_withdrawn", body: f.unit.name, public: true, createdAt: now },
    });
  });
}

async function closeForwarding(
  tx: Tx,
  forwardingId: number,
  from: string,
  data: { status: "accepted" | "returned" | "done" | "withdrawn"; respondedAt: Date; returnReason?: string },
) {
  const updated = await tx.forwarding.updateMany({
    where: { id: forwardingId, status: from as "pending" | "accepted" },
    data,
  });
  if (updated.count !== 1) throw new WorkflowError("stale");
}

/** The unit's active forwarding of a report, or an error: a unit acts only on what it holds. */
async function unitForwarding(tx: Tx, complaintId: number, unitId: number) {
  const f = await activeForwarding(tx, complaintId);
  if (!f || f.unitId !== unitId) throw new WorkflowError("notForwarded");
  return f;
}

/**
 * The unit takes the report: the forwarding becomes accepted and the report moves on (new or
 * reopened -> acknowledged; acknowledged -> in progress), as an official's move would.
 */
export async function acceptForwarding({ id, unitId, actorId }: { id: number; unitId: number; actorId: number }) {
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    const f = await unitForwarding(tx, id, unitId);
    if (f.status !== "pending") throw new WorkflowError("stale");
    await closeForwarding(tx, f.id, "pending", { status: "accepted", respondedAt: now });
    await tx.complaintEvent.create({
      data: { complaintId: id, actorId, kind: "forward_accepted", body: f.unit.name, public: true, createdAt: now },
    });
    const current = await readStatus(tx, id);
    const next: Partial<Record<Status, Status>> = { new: "acknowledged", reopened: "acknowledged", acknowledged: "in_progress" };
    const to = next[current.status];
    if (to) await applyStatusChange(tx, { id, actorId, from: current.status, to, reply: null, deadlines: current, now });
  });
}

/** The unit gives the report back to the commune with a reason (kept internal). */
export async function returnForwarding({
  id,
  unitId,
  actorId,
  reason,
}: {
  id: number;
  unitId: number;
  actorId: number;
  reason: string;
}) {
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    const f = await unitForwarding(tx, id, unitId);
    await closeForwarding(tx, f.id, f.status, { status: "returned", respondedAt: now, returnReason: reason });
    await tx.complaintEvent.createMany({
      data: [
        { complaintId: id, actorId, kind: "forward_returned", body: f.unit.name, public: true, createdAt: now },
        { complaintId: id, actorId, kind: "note", body: reason, public: false, createdAt: now },
      ],
    });
    // The reason stays internal.
    await notifyResidents(tx, { complaintId: id, change: { kind: "returned", unit: f.unit.name } });
  });
}

/** The unit has handled the report: resolved with a public reply, and the forwarding is done. */
export async function resolveByUnit({
  id,
  unitId,
  actorId,
  reply,
}: {
  id: number;
  unitId: number;
  actorId: number;
  reply: string;
}) {
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    const f = await unitForwarding(tx, id, unitId);
    if (f.status !== "accepted") throw new WorkflowError("forbiddenTransition");
    await closeForwarding(tx, f.id, "accepted", { status: "done", respondedAt: now });
    const current = await readStatus(tx, id);
    if (current.status !== "acknowledged" && current.status !== "in_progress") throw new WorkflowError("forbiddenTransition");
    await applyStatusChange(tx, { id, actorId, from: current.status, to: "resolved", reply, deadlines: current, now });
  });
}

/** Every forwarding of a report, newest first (staff pages). */
export function listForwardings({ complaintId }: { complaintId: number }) {
  return prisma.forwarding.findMany({
    where: { complaintId },
    select: {
      id: true,
      status: true,
      note: true,
      returnReason: true,
      createdAt: true,
      respondedAt: true,
      unit: { select: { id: true, name: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

/** Where a report is, in words a resident understands: with a unit (pending or accepted), or at the commune. */
export async function getWhereabouts({ complaintId }: { complaintId: number }) {
  const f = await prisma.forwarding.findFirst({
    where: { complaintId, status: { in: [...ACTIVE] } },
    select: { status: true, unit: { select: { name: true } } },
  });
  return f ? { unit: f.unit.name, accepted: f.status === "accepted" } : null;
}

/** A unit's inbox: the reports forwarded to it (active first, then the rest), newest first. */
export async function listUnitInbox({ unitId }: { unitId: number }) {
  const rows = await prisma.forwarding.findMany({
    where: { unitId },
    select: {
      id: true,
      status: true,
      note: true,
      createdAt: true,
      complaint: {
        select: {
          ...listedSelect,
          commune: { select: { name: true } },
        },
      },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  const seen = new Set<number>();
  const latest = rows.filter((r) => !seen.has(r.complaint.id) && seen.add(r.complaint.id));
  const active = (s: string) => (ACTIVE as readonly string[]).includes(s);
  return latest.sort((a, b) => Number(active(b.status)) - Number(active(a.status)));
}

/**
 * One report as a unit sees it, or null when it was never forwarded to this unit (the route
 * answers 404: a unit cannot even learn that other reports exist). No contact, no internal notes
 * other than its own forwarding notes.
 */
export async function getUnitComplaint({ id, unitId }: { id: number; unitId: number }) {
  const forwardings = await prisma.forwarding.findMany({
    where: { complaintId: id, unitId },
    select: { id: true, status: true, note: true, returnReason: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  if (forwardings.length === 0) return null;
  const c = await prisma.complaint.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      category: true,
      ...reportedSelect,
      status: true,
      urgency: true,
      createdAt: true,
      dueAt: true,
      handleBy: true,
      commune: { select: { name: true } },
      // only approved photos: /photos/:id shows a unit nothing else
      photos: { where: { approved: true }, select: { id: true, width: true, height: true }, orderBy: { id: "asc" } },
      events: {
        where: { public: true },
        select: { ...timelineEventSelect, public: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  return c ? { ...c, status: c.status, forwardings } : null;
}
