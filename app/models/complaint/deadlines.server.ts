// A report's deadlines: the clock on the working calendar and the category policy.
import { OPEN_STATUSES, type Category } from "~/lib/complaint-workflow";
import { computeDeadlines, dueAtFor, type Urgency } from "~/lib/deadline-policy";
import { prisma } from "~/utils/db.server";
import { getCategoryPolicy, getWorkingCalendar } from "../working-calendar.server";
import { isOpen } from "~/lib/complaint-workflow";
import { WorkflowError } from "./workflow.server";

/** Urgency and deadlines on the working calendar for a clock starting now (filing, reopening). */
export async function startClock(category: Category, at: Date, urgency?: Urgency) {
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

/** An official raises or lowers the urgency, with a reason; the handling deadline is recomputed. */
export async function changeUrgency({
  id,
  actorId,
  urgency,
  reason,
}: {
  id: number;
  actorId: number;
  urgency: Urgency;
  reason: string;
}): Promise<{ ok: true } | { ok: false; reason: "sameUrgency" | "closed" }> {
  const c = await prisma.complaint.findUniqueOrThrow({
    where: { id },
    select: { category: true, urgency: true, status: true, clockStartedAt: true },
  });
  if (!isOpen(c.status)) return { ok: false, reason: "closed" };
  if (c.urgency === urgency) return { ok: false, reason: "sameUrgency" };
  const [calendar, policy] = await Promise.all([getWorkingCalendar(), getCategoryPolicy(c.category)]);
  const d = computeDeadlines(calendar, policy, urgency, c.clockStartedAt);
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    const updated = await tx.complaint.updateMany({
      where: { id, urgency: c.urgency, status: c.status },
      data: { urgency, ...d, dueAt: dueAtFor(c.status, d) },
    });
    if (updated.count !== 1) throw new WorkflowError("stale");
    await tx.complaintEvent.create({
      data: {
        complaintId: id,
        actorId,
        kind: urgency === "urgent" ? "urgency_raised" : "urgency_lowered",
        body: reason,
        public: false,
        createdAt: now,
      },
    });
  });
  return { ok: true };
}
