// A report's deadlines, in one home: acknowledge-by, resolve-by (handleBy), the deadline that
// applies now (dueAt, the inbox's order) and the handling date promised to the resident all come
// from reportDeadlines(); every use case that changes an input (filing, reopening, urgency, the
// working calendar, a category's policy) calls it, and nothing else writes these columns.
import { isOpen, OPEN_STATUSES, type Category, type Status } from "~/lib/complaint-workflow";
import { computeDeadlines, dueAtFor, type CategoryPolicy, type Urgency } from "~/lib/deadline-policy";
import type { DateKey, OfficeHours, WorkingCalendar } from "~/lib/vn-time";
import { prisma, type Tx } from "~/utils/db.server";
import {
  deleteCalendarDay,
  getCategoryPolicy,
  getWorkingCalendar,
  saveCalendarDay,
  saveCategoryPolicy,
  saveOfficeHours,
} from "../working-calendar.server";
import { WorkflowError } from "./workflow.server";

export type Deadlines = { acknowledgeBy: Date; handleBy: Date; dueAt: Date | null };

/**
 * THE computation of a report's deadlines from its category's policy, its urgency, when its clock
 * started (received or reopened) and its status (which deadline applies now), on the working calendar.
 */
export function reportDeadlines(
  calendar: WorkingCalendar,
  policy: CategoryPolicy,
  report: { urgency: Urgency; clockStartedAt: Date; status: Status },
): Deadlines {
  const d = computeDeadlines(calendar, policy, report.urgency, report.clockStartedAt);
  return { ...d, dueAt: dueAtFor(report.status, d) };
}

/** reportDeadlines with the calendar and the category's policy loaded; urgency defaults to the policy's. */
export async function deadlinesFor(report: {
  category: Category;
  urgency?: Urgency;
  clockStartedAt: Date;
  status: Status;
}): Promise<Deadlines & { urgency: Urgency }> {
  const [calendar, policy] = await Promise.all([getWorkingCalendar(report.clockStartedAt), getCategoryPolicy(report.category)]);
  const urgency = report.urgency ?? policy.defaultUrgency;
  return { urgency, ...reportDeadlines(calendar, policy, { ...report, urgency }) };
}

/**
 * Writes new deadlines of an open report inside the caller's transaction. The handling date is a
 * promise once the report was acknowledged (the acknowledgement told the resident a date): when it
 * moves, a public "deadline_changed" event carries the new date, so the tracking page never keeps
 * promising the old one.
 */
async function writeDeadlines(
  tx: Tx,
  report: { id: number; acknowledgedAt: Date | null; handleBy: Date | null },
  d: Deadlines,
  now: Date,
) {
  await tx.complaint.update({
    where: { id: report.id },
    data: { acknowledgeBy: d.acknowledgeBy, handleBy: d.handleBy, dueAt: d.dueAt },
  });
  if (report.acknowledgedAt && report.handleBy?.getTime() !== d.handleBy.getTime())
    await tx.complaintEvent.create({
      data: {
        complaintId: report.id,
        kind: "deadline_changed",
        body: d.handleBy.toISOString(),
        public: true,
        createdAt: now,
      },
    });
}

const recomputeSelect = {
  id: true,
  category: true,
  urgency: true,
  status: true,
  clockStartedAt: true,
  acknowledgedAt: true,
  handleBy: true,
} as const;

/**
 * Recomputes the deadlines of reports on today's calendar and policies: those with none (filed
 * before deadlines existed; once, when the server starts: services/background.server.ts) or,
 * with `open`, every open report (after the calendar or a policy changed). One transaction.
 */
async function recompute(where: "missing" | "open", now = new Date()) {
  const rows = await prisma.complaint.findMany({
    where: where === "missing" ? { acknowledgeBy: null } : { status: { in: [...OPEN_STATUSES] } },
    select: recomputeSelect,
  });
  if (rows.length === 0) return 0;
  const calendar = await getWorkingCalendar(now);
  const policies = new Map<Category, CategoryPolicy>();
  for (const r of rows) if (!policies.has(r.category)) policies.set(r.category, await getCategoryPolicy(r.category));
  await prisma.$transaction(async (tx) => {
    for (const r of rows) await writeDeadlines(tx, r, reportDeadlines(calendar, policies.get(r.category)!, r), now);
  });
  return rows.length;
}

/** Fills the deadlines of reports that have none (once, when the server starts). */
export function ensureDeadlines() {
  return recompute("missing");
}

/** After the calendar or a policy changed: open reports get deadlines on the new rules. */
export function recomputeOpenDeadlines() {
  return recompute("open");
}

/**
 * The administrator changes the deadline rules (category policies, office hours, a day off or a
 * make-up day): the change is saved and open reports' deadlines are recomputed once.
 */
export async function changeDeadlineRules(
  change:
    | { kind: "policies"; policies: CategoryPolicy[] }
    | { kind: "officeHours"; hours: OfficeHours }
    | { kind: "addDay"; date: DateKey; dayKind: "day_off" | "make_up"; note: string }
    | { kind: "removeDay"; date: DateKey },
  // Who changed it: every change is an audit event with before and after (decision 036).
  { actorId }: { actorId: number | null },
) {
  switch (change.kind) {
    case "policies":
      for (const policy of change.policies) await saveCategoryPolicy(policy, { actorId });
      break;
    case "officeHours":
      await saveOfficeHours(change.hours, { actorId });
      break;
    case "addDay":
      await saveCalendarDay({ date: change.date, kind: change.dayKind, note: change.note, actorId });
      break;
    case "removeDay":
      await deleteCalendarDay({ date: change.date, actorId });
      break;
  }
  return recomputeOpenDeadlines();
}

/**
 * An official raises or lowers the urgency, with a reason: the deadlines, the deadline that
 * applies now and the date promised to the resident are recomputed together.
 */
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
  const c = await prisma.complaint.findUniqueOrThrow({ where: { id }, select: recomputeSelect });
  if (!isOpen(c.status)) return { ok: false, reason: "closed" };
  if (c.urgency === urgency) return { ok: false, reason: "sameUrgency" };
  const d = await deadlinesFor({ ...c, urgency });
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    const updated = await tx.complaint.updateMany({ where: { id, urgency: c.urgency, status: c.status }, data: { urgency } });
    if (updated.count !== 1) throw new WorkflowError("stale");
    await writeDeadlines(tx, c, d, now);
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
