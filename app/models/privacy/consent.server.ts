// Consent to being contacted: recorded with the contact (notice version, time), withdrawn by the
// resident with the tracking code, which erases the contact at once. Also what the tracking page
// shows a resident about the data held on their report (contact masked).
import type { ConsentSource } from "~/generated/prisma/enums";
import { maskContact, PRIVACY_NOTICE_VERSION } from "~/lib/privacy";
import { prisma, type Tx } from "~/utils/db.server";
import { recordAudit } from "../audit.server";

/** The consent row written in the same transaction as the contact it covers. */
export function consentRecord(source: ConsentSource, givenAt: Date, subscriptionId: number | null = null) {
  return { source, noticeVersion: PRIVACY_NOTICE_VERSION, givenAt, subscriptionId };
}

export function recordConsent(
  db: Pick<Tx, "contactConsent">,
  input: { complaintId: number; source: ConsentSource; givenAt?: Date; subscriptionId?: number | null },
) {
  return db.contactConsent.create({
    data: {
      complaintId: input.complaintId,
      ...consentRecord(input.source, input.givenAt ?? new Date(), input.subscriptionId ?? null),
    },
    select: { id: true },
  });
}

/** What is held about the resident on their report, for the tracking page: nothing in clear. */
export async function getHeldData({ code }: { code: string }) {
  const row = await prisma.complaint.findUnique({
    where: { code },
    select: {
      id: true,
      contact: true,
      text: true,
      village: true,
      latitude: true,
      longitude: true,
      resolvedAt: true,
      _count: { select: { photos: true, subscriptions: { where: { role: "filer" } } } },
      consents: {
        where: { subscriptionId: null },
        select: { givenAt: true, withdrawnAt: true, noticeVersion: true },
        orderBy: { id: "desc" },
        take: 1,
      },
      dataRequests: {
        select: { id: true, kind: true, status: true, createdAt: true, dueAt: true, answer: true, answeredAt: true },
        orderBy: { id: "desc" },
      },
    },
  });
  if (!row) return null;
  const consent = row.consents[0] ?? null;
  return {
    contact: maskContact(row.contact),
    hasContact: row.contact !== null || row._count.subscriptions > 0,
    textLength: row.text.length,
    village: row.village,
    hasLocation: row.latitude !== null,
    photos: row._count.photos,
    consent,
    requests: row.dataRequests,
  };
}

/**
 * The resident withdraws consent: the report's contact and the filer's subscriptions (with their
 * queued messages) are erased now, the consent is marked withdrawn, and an audit event says so.
 */
export async function withdrawConsent({ code, now = new Date() }: { code: string; now?: Date }) {
  return prisma.$transaction(async (tx) => {
    const row = await tx.complaint.findUnique({ where: { code }, select: { id: true, communeId: true } });
    if (!row) return { ok: false as const, reason: "notFound" as const };
    await tx.complaint.update({ where: { id: row.id }, data: { contact: null } });
    const subs = await tx.subscription.deleteMany({ where: { complaintId: row.id, role: "filer" } });
    await tx.contactConsent.updateMany({
      where: { complaintId: row.id, subscriptionId: null, withdrawnAt: null },
      data: { withdrawnAt: now },
    });
    await recordAudit(tx, {
      actorId: null,
      action: "consent_withdrawn",
      communeId: row.communeId,
      detail: { complaintId: row.id, subscriptions: subs.count },
    });
    return { ok: true as const };
  });
}
