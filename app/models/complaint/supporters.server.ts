// "Me too": residents who have the same problem support a report, and may ask for news about it.
import { Prisma } from "~/generated/prisma/client";
import { OPEN_STATUSES } from "~/lib/complaint-workflow";
import { prisma } from "~/utils/db.server";
import { subscribeSupporter } from "./supporter-contact.server";
import { recordConsent } from "../privacy/consent.server";

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
}): Promise<{ ok: true; emailPending: boolean; phonePending: boolean } | { ok: false; reason: "notSupporter" | "noContact" }> {
  return prisma.$transaction(async (tx) => {
    const supporter = await tx.supporter.findFirst({
      where: { complaintId, voterHash, complaint: { communeId, mergedIntoId: null } },
      select: { id: true },
    });
    if (!supporter) return { ok: false, reason: "notSupporter" };
    const subscribed = await subscribeSupporter(tx, { complaintId, voterHash, email, phone });
    if (!subscribed) return { ok: false, reason: "noContact" };
    // The consent box ticked next to the fields (the route refuses the form without it).
    await recordConsent(tx, { complaintId, source: "me_too", subscriptionId: subscribed.id });
    return { ok: true, emailPending: subscribed.emailPending, phonePending: subscribed.phonePending };
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

export async function countSupporters({ complaintId }: { complaintId: number }) {
  return prisma.supporter.count({ where: { complaintId } });
}
