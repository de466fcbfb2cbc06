// "Is it fixed?" (issue 24): some weeks after a report is resolved (setting, default 4), the filer
// who left a contact gets one message with a yes and a no link; "no" reopens the report with the
// answer as its reason, "yes" is recorded. Without a contact, the tracking page asks the same.
import crypto from "node:crypto";
import type { FixAnswer } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { getFixedT } from "~/utils/i18n.server";
import { publicUrl, stopUrl, trackingUrl } from "../outbox.server";
import { getFixCheckWeeks } from "../setting.server";
import { reopenComplaint, WorkflowError } from "./workflow.server";

const WEEK = 7 * 86_400_000;

export const fixCheckUrl = (token: string, answer: "yes" | "no") => `${publicUrl()}/fix/${token}?answer=${answer}`;

/**
 * Makes the due questions: one per resolution older than the setting's weeks, written with its
 * e-mail to the outbox in one transaction (the filer's active subscription with an e-mail; the
 * tracking page asks the others). Returns how many were made. Run by services/fix-check.server.ts.
 */
export async function askDueFixChecks({ now = new Date(), limit = 100 }: { now?: Date; limit?: number } = {}) {
  const weeks = await getFixCheckWeeks();
  const due = await prisma.complaint.findMany({
    where: { status: "resolved", resolvedAt: { lte: new Date(now.getTime() - weeks * WEEK) } },
    select: {
      id: true,
      code: true,
      resolvedAt: true,
      commune: { select: { name: true } },
      fixChecks: { select: { resolvedAt: true } },
      subscriptions: {
        where: { role: "filer", stoppedAt: null, email: { not: null } },
        select: { id: true, email: true, token: true },
        take: 1,
      },
    },
    take: limit * 2,
  });
  const t = getFixedT("vi", "reach");
  let made = 0;
  for (const c of due) {
    const resolvedAt = c.resolvedAt!;
    if (c.fixChecks.some((f) => f.resolvedAt.getTime() === resolvedAt.getTime())) continue;
    if (made >= limit) break;
    const token = crypto.randomBytes(24).toString("base64url");
    const s = c.subscriptions[0];
    await prisma.$transaction(async (tx) => {
      await tx.fixCheck.create({
        data: {
          complaintId: c.id,
          resolvedAt,
          dueAt: new Date(resolvedAt.getTime() + weeks * WEEK),
          token,
          askedAt: s ? now : null,
        },
      });
      if (s?.email)
        await tx.outboxMessage.create({
          data: {
            subscriptionId: s.id,
            channel: "email",
            recipient: s.email,
            subject: t("fix.subject", { code: c.code }),
            body: [
              t("fix.greeting"),
              t("fix.question", { code: c.code, commune: c.commune.name, weeks }),
              t("fix.yes", { url: fixCheckUrl(token, "yes") }),
              t("fix.no", { url: fixCheckUrl(token, "no") }),
              t("fix.track", { url: trackingUrl(c.code) }),
              `-- \n${t("fix.signature")}\n${t("fix.stop", { url: stopUrl(s.token) })}`,
            ].join("\n\n"),
            nextAttemptAt: now,
            createdAt: now,
          },
        });
    });
    made++;
  }
  return made;
}

/** The question behind a link: the report's code and whether it was answered. */
export async function getFixCheck({ token }: { token: string }) {
  return prisma.fixCheck.findUnique({
    where: { token },
    select: { id: true, answer: true, complaint: { select: { code: true, status: true, resolvedAt: true } }, resolvedAt: true },
  });
}

/** The question the tracking page asks when nobody could be written to (or the resident did not answer). */
export async function openFixCheckForCode({ code, now = new Date() }: { code: string; now?: Date }) {
  const weeks = await getFixCheckWeeks();
  const c = await prisma.complaint.findUnique({ where: { code }, select: { id: true, status: true, resolvedAt: true } });
  if (!c || c.status !== "resolved" || !c.resolvedAt || c.resolvedAt.getTime() > now.getTime() - weeks * WEEK) return null;
  const resolvedAt = c.resolvedAt;
  const existing = await prisma.fixCheck.findUnique({
    where: { complaintId_resolvedAt: { complaintId: c.id, resolvedAt } },
    select: { token: true, answer: true },
  });
  if (existing) return existing.answer ? null : { token: existing.token };
  const token = crypto.randomBytes(24).toString("base64url");
  await prisma.fixCheck.create({
    data: { complaintId: c.id, resolvedAt, dueAt: new Date(resolvedAt.getTime() + weeks * WEEK), token },
  });
  return { token };
}

export type FixAnswerInput = { token: string; answer: FixAnswer; body: string | null; photoFileName: string | null; now?: Date };

/** Records the answer once; "not_held" reopens the report with the resident's words (or a default) as the reason. */
export async function answerFixCheck({
  token,
  answer,
  body,
  photoFileName,
  now = new Date(),
}: FixAnswerInput): Promise<{ ok: true; code: string } | { ok: false; reason: "notFound" | "answered" }> {
  const check = await getFixCheck({ token });
  if (!check) return { ok: false, reason: "notFound" };
  const claimed = await prisma.fixCheck.updateMany({
    where: { id: check.id, answer: null },
    data: { answer, answeredAt: now, body, photoFileName },
  });
  if (claimed.count !== 1) return { ok: false, reason: "answered" };
  const { code, status, resolvedAt } = check.complaint;
  // Only the resolution asked about is reopened (not one made since, nor a report already reopened).
  if (answer === "not_held" && status === "resolved" && resolvedAt?.getTime() === check.resolvedAt.getTime()) {
    const reason = body ?? getFixedT("vi", "reach")("fix.defaultReason");
    try {
      await reopenComplaint({ code, reason, now, afterFixCheck: true });
    } catch (e) {
      if (!(e instanceof WorkflowError)) throw e;
    }
  }
  return { ok: true, code };
}

/** Per commune: answered fix checks and how many held (the share of fixes that held). */
export async function fixHeldByCommune({ communeIds }: { communeIds: number[] | null }) {
  const rows = await prisma.fixCheck.findMany({
    where: { answer: { not: null }, ...(communeIds ? { complaint: { communeId: { in: communeIds } } } : {}) },
    select: { answer: true, complaint: { select: { communeId: true } } },
  });
  const by = new Map<number, { answered: number; held: number }>();
  for (const r of rows) {
    const v = by.get(r.complaint.communeId) ?? { answered: 0, held: 0 };
    v.answered++;
    if (r.answer === "held") v.held++;
    by.set(r.complaint.communeId, v);
  }
  return by;
}
