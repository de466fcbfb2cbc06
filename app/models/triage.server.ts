// Faster triage and duplicates: urgency changes, reply templates, bulk acknowledge, "me too"
// supporters, similar open reports while filing, merging duplicates, and the share handled on
// time. Each use case owns its transaction; status changes go through applyStatusChange.
import { Prisma } from "~/generated/prisma/client";
import { isOpen, OPEN_STATUSES, type Category } from "~/lib/complaint-workflow";
import { computeDeadlines, dueAtFor, type Urgency } from "~/lib/deadline-policy";
import { isNearby, type Place } from "~/lib/nearby";
import { renderTemplate, type TemplateValues } from "~/lib/reply-template";
import { cached } from "~/utils/cache.server";
import { prisma } from "~/utils/db.server";
import { applyStatusChange, readStatus, WorkflowError } from "./complaint/workflow.server";
import { getWhereabouts } from "./forwarding.server";
import { notifyResidents, subscribeSupporter } from "./outbox.server";
import { getCategoryPolicy, getWorkingCalendar } from "./working-calendar.server";
import { reportedSelect } from "./complaint/select.server";

// ---- urgency ----

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

// ---- reply templates ----

export function listTemplates({ category }: { category?: Category } = {}) {
  return prisma.replyTemplate.findMany({
    where: category ? { OR: [{ category }, { category: null }] } : {},
    select: { id: true, category: true, title: true, body: true },
    orderBy: [{ category: "asc" }, { title: "asc" }],
  });
}

export async function createTemplate(input: { category: Category | null; title: string; body: string }) {
  const { id } = await prisma.replyTemplate.create({ data: input, select: { id: true } });
  return { ok: true as const, id };
}

export async function deleteTemplate({ id }: { id: number }) {
  await prisma.replyTemplate.deleteMany({ where: { id } });
}

/** A template's text for one report (placeholders filled in the caller's language). */
export async function renderTemplateFor({
  templateId,
  complaintId,
  format,
}: {
  templateId: number;
  complaintId: number;
  format: (c: { code: string; commune: string; category: Category; createdAt: Date; handleBy: Date | null }) => TemplateValues;
}): Promise<string | null> {
  const [template, c] = await Promise.all([
    prisma.replyTemplate.findUnique({ where: { id: templateId }, select: { body: true, category: true } }),
    prisma.complaint.findUnique({
      where: { id: complaintId },
      select: { code: true, category: true, createdAt: true, handleBy: true, commune: { select: { name: true } } },
    }),
  ]);
  if (!template || !c || (template.category && template.category !== c.category)) return null;
  return renderTemplate(
    template.body,
    format({
      code: c.code,
      commune: c.commune.name,
      category: c.category,
      createdAt: c.createdAt,
      handleBy: c.handleBy,
    }),
  );
}

// ---- bulk acknowledge ----

/**
 * Acknowledges each selected report the official may write to (its commune) that is still new or
 * reopened, with the template as public reply. One transaction per report: a report someone else
 * moved meanwhile is skipped, the rest still go through.
 */
export async function bulkAcknowledge({
  ids,
  actorId,
  communeIds,
  templateId,
  format,
}: {
  ids: number[];
  actorId: number;
  communeIds: number[];
  templateId: number | null;
  format: Parameters<typeof renderTemplateFor>[0]["format"];
}) {
  let done = 0;
  let skipped = 0;
  for (const id of [...new Set(ids)]) {
    const reply = templateId ? await renderTemplateFor({ templateId, complaintId: id, format }) : null;
    try {
      await prisma.$transaction(async (tx) => {
        const current = await readStatus(tx, id);
        if (!communeIds.includes(current.communeId)) throw new WorkflowError("forbiddenTransition");
        if (current.status !== "new" && current.status !== "reopened") throw new WorkflowError("forbiddenTransition");
        await applyStatusChange(tx, {
          id,
          actorId,
          from: current.status,
          to: "acknowledged",
          reply,
          deadlines: current,
          now: new Date(),
        });
      });
      done++;
    } catch (e) {
      if (!(e instanceof WorkflowError)) throw e;
      skipped++;
    }
  }
  return { done, skipped };
}

// ---- "me too" and similar reports ----

const thumbSelect = {
  where: { approved: true },
  select: { id: true, width: true, height: true },
  orderBy: { id: "asc" },
  take: 1,
} as const;

/**
 * Open reports of the same commune and category near a place (200 m or the same village), for a
 * resident about to file: public fields only (no code, no contact), with one approved photo.
 */
export async function findSimilarOpen({ communeId, category, place }: { communeId: number; category: Category; place: Place }) {
  const rows = await prisma.complaint.findMany({
    where: { communeId, category, status: { in: [...OPEN_STATUSES] }, mergedIntoId: null },
    select: {
      id: true,
      ...reportedSelect,
      status: true,
      createdAt: true,
      photos: thumbSelect,
      _count: { select: { supporters: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 300,
  });
  return rows
    .filter((r) => isNearby(place, r))
    .slice(0, 10)
    .map((r) => ({
      id: r.id,
      text: r.publicText ?? r.text,
      village: r.village,
      status: r.status,
      createdAt: r.createdAt,
      photo: r.photos[0] ?? null,
      supporters: r._count.supporters,
    }));
}

/**
 * "I have this problem too": one per resident (their signed cookie id) and report, only on an
 * open report of the commune the resident is on. Returns the new count.
 */
export async function supportComplaint({
  complaintId,
  communeId,
  voterHash,
  ipHash,
}: {
  complaintId: number;
  communeId: number;
  voterHash: string;
  ipHash: string | null;
}): Promise<{ ok: true; count: number; again: boolean } | { ok: false; reason: "notFound" }> {
  const c = await prisma.complaint.findFirst({
    where: { id: complaintId, communeId, status: { in: [...OPEN_STATUSES] }, mergedIntoId: null },
    select: { id: true },
  });
  if (!c) return { ok: false, reason: "notFound" };
  let again = false;
  try {
    await prisma.supporter.create({ data: { complaintId, voterHash, ipHash } });
  } catch (e) {
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
    again = true;
  }
  const count = await prisma.supporter.count({ where: { complaintId } });
  return { ok: true, count, again };
}

/**
 * A supporter leaves an e-mail and/or a phone for news about a report they said "me too" to.
 * Only someone who supported it may: their cookie id's hash must be on a Supporter row of this
 * report (of this commune, not merged away), so a forged post cannot attach contacts to any
 * report. One subscription per supporter and report: sending again replaces the contact.
 */
export async function subscribeAsSupporter({
  complaintId,
  communeId,
  voterHash,
  email,
  phone,
}: {
  complaintId: number;
  communeId: number;
  voterHash: string;
  email: string | null;
  phone: string | null;
}): Promise<{ ok: true } | { ok: false; reason: "notSupporter" | "noContact" }> {
  return prisma.$transaction(async (tx) => {
    const supporter = await tx.supporter.findFirst({
      where: { complaintId, voterHash, complaint: { communeId, mergedIntoId: null } },
      select: { id: true },
    });
    if (!supporter) return { ok: false, reason: "notSupporter" };
    const subscribed = await subscribeSupporter(tx, { complaintId, voterHash, email, phone });
    return subscribed ? { ok: true } : { ok: false, reason: "noContact" };
  });
}

/** Whether this resident (cookie id hash) supports the report: the "me too" page offers news then. */
export async function isSupporter({ complaintId, voterHash }: { complaintId: number; voterHash: string }) {
  return (await prisma.supporter.count({ where: { complaintId, voterHash } })) > 0;
}

/** The public summary a supporter sees after saying "me too" (no code, no contact). */
export async function getSupportedSummary({ complaintId, communeId }: { complaintId: number; communeId: number }) {
  const c = await prisma.complaint.findFirst({
    where: { id: complaintId, communeId },
    select: { text: true, publicText: true, status: true, _count: { select: { supporters: true } } },
  });
  return c ? { text: c.publicText ?? c.text, status: c.status, supporters: c._count.supporters } : null;
}

// ---- merging duplicates ----

/** Other open reports an official may merge this one into: same commune and category. */
export function listMergeTargets({ id, communeId, category }: { id: number; communeId: number; category: Category }) {
  return prisma.complaint.findMany({
    where: { communeId, category, id: { not: id }, status: { in: [...OPEN_STATUSES] }, mergedIntoId: null },
    select: { id: true, code: true, text: true, village: true, createdAt: true, _count: { select: { supporters: true } } },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}

/**
 * Merges a duplicate into another open report of the same commune: the duplicate closes as
 * "merged"; its supporters move over (a resident who supported both counts once) and its author
 * becomes a supporter of the kept report.
 */
export async function mergeComplaints({ id, targetId, actorId }: { id: number; targetId: number; actorId: number }) {
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    const dup = await readStatus(tx, id);
    const target = await tx.complaint.findUnique({
      where: { id: targetId },
      select: { communeId: true, status: true, mergedIntoId: true, code: true },
    });
    if (!target || targetId === id || target.communeId !== dup.communeId || target.mergedIntoId !== null)
      throw new WorkflowError("forbiddenTransition");
    if (!isOpen(dup.status) || !isOpen(target.status)) throw new WorkflowError("closed");
    const { code: dupCode, ipHash } = await tx.complaint.findUniqueOrThrow({
      where: { id },
      select: { code: true, ipHash: true },
    });
    await applyStatusChange(tx, { id, actorId, from: dup.status, to: "merged", reply: null, deadlines: dup, now });
    await tx.complaint.update({ where: { id }, data: { mergedIntoId: targetId } });
    // Supporters of both are kept: move the duplicate's, dropping a resident's second support.
    const kept = await tx.supporter.findMany({
      where: { complaintId: targetId, voterHash: { not: null } },
      select: { voterHash: true },
    });
    await tx.supporter.deleteMany({ where: { complaintId: id, voterHash: { in: kept.map((k) => k.voterHash!) } } });
    await tx.supporter.updateMany({ where: { complaintId: id }, data: { complaintId: targetId, fromComplaintId: id } });
    await tx.supporter.create({ data: { complaintId: targetId, fromComplaintId: id, ipHash, createdAt: now } });
    // Whoever follows the duplicate is told, then follows the kept report as a supporter, unless
    // they follow it already (the same supporter, or the same e-mail and phone): one message per
    // change, not two. Those stay on the duplicate, which changes no more.
    await notifyResidents(tx, { complaintId: id, change: { kind: "merged" } });
    const contact = { voterHash: true, email: true, phone: true } as const;
    const following = await tx.subscription.findMany({ where: { complaintId: targetId }, select: contact });
    const moving = (await tx.subscription.findMany({ where: { complaintId: id }, select: { id: true, ...contact } })).filter(
      (s) =>
        !following.some(
          (f) => (s.voterHash !== null && f.voterHash === s.voterHash) || (f.email === s.email && f.phone === s.phone),
        ),
    );
    await tx.subscription.updateMany({
      where: { id: { in: moving.map((s) => s.id) } },
      data: { complaintId: targetId, role: "supporter" },
    });
    // Reports merged into the duplicate earlier now point at the kept one.
    await tx.complaint.updateMany({ where: { mergedIntoId: id }, data: { mergedIntoId: targetId } });
    await tx.complaintEvent.createMany({
      data: [
        { complaintId: id, actorId, kind: "merged", public: true, createdAt: now },
        { complaintId: targetId, actorId, kind: "merged_from", body: dupCode, public: false, createdAt: now },
      ],
    });
  });
}

/** What a merged report's tracking page shows of the report it was merged into (no code). */
export async function getMergeTarget({ id }: { id: number }) {
  const c = await prisma.complaint.findUnique({ where: { id }, select: { mergedIntoId: true } });
  if (!c?.mergedIntoId) return null;
  const t = await prisma.complaint.findUnique({
    where: { id: c.mergedIntoId },
    select: { status: true, _count: { select: { supporters: true } } },
  });
  return t ? { status: t.status, supporters: t._count.supporters } : null;
}

export async function countSupporters({ complaintId }: { complaintId: number }) {
  return prisma.supporter.count({ where: { complaintId } });
}

// ---- handled on time ----

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

/** What the resident's tracking page adds: where the report is, its supporters, what it was merged into. */
export async function getPublicTriage({ complaintId }: { complaintId: number }) {
  const [whereabouts, supporters, mergedInto] = await Promise.all([
    getWhereabouts({ complaintId }),
    countSupporters({ complaintId }),
    getMergeTarget({ id: complaintId }),
  ]);
  return { whereabouts, supporters, mergedInto };
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
