// A "me too" supporter's contact (issue 26, decision 043): kept unconfirmed until the resident
// confirms it, so that nobody can sign a stranger up. An e-mail gets one message with a link (an
// unguessable token, valid CONFIRM_DAYS); a phone, only when an SMS gateway is configured, gets a
// 6-digit code to type on the "me too" page (PHONE_CODE_TRIES tries). Without a gateway a phone is
// not kept at all. Until confirmed, no other message goes to the contact (confirmedParts in
// ../outbox.server.ts); the retention job erases what is still unconfirmed after the deadline.
import crypto from "node:crypto";
import { confirmDeadline, PHONE_CODE_TRIES } from "~/lib/news";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { keyedHash } from "~/utils/hash.server";
import { getFixedT } from "~/utils/i18n.server";
import { cleanContact, newToken, publicUrl, type Contact, type Tx } from "../outbox.server";

export const contactConfirmUrl = (token: string) => `${publicUrl()}/confirm/${token}`;

/** Whether a phone left for news can be used at all: only with an SMS gateway. */
export const phoneNewsAvailable = () => env.SMS_GATEWAY !== "off";

const codeHash = (subscriptionId: number, code: string) => keyedHash("sms-code", `${subscriptionId}:${code}`);

/**
 * The supporter's subscription, inside the caller's transaction: one per supporter (voterHash)
 * and report, so sending the form again replaces the contact. A value already confirmed and sent
 * again stays confirmed; a new value waits for its confirmation, which is written to the outbox
 * here. Null without a usable contact (a phone without a gateway is dropped).
 */
export async function subscribeSupporter(
  tx: Tx,
  {
    complaintId,
    voterHash,
    now = new Date(),
    ...contact
  }: { complaintId: number; voterHash?: string | null; now?: Date } & Contact,
): Promise<{ id: number; emailPending: boolean; phonePending: boolean } | null> {
  const clean = cleanContact({ email: contact.email, phone: phoneNewsAvailable() ? contact.phone : null });
  if (!clean) return null;
  const existing = voterHash
    ? await tx.subscription.findFirst({
        where: { complaintId, voterHash },
        select: { id: true, email: true, phone: true, emailConfirmedAt: true, phoneConfirmedAt: true, token: true },
      })
    : null;
  const emailKept = !!existing?.emailConfirmedAt && existing.email === clean.email && clean.email !== null;
  const phoneKept = !!existing?.phoneConfirmedAt && existing.phone === clean.phone && clean.phone !== null;
  const emailPending = clean.email !== null && !emailKept;
  const phonePending = clean.phone !== null && !phoneKept;
  const confirmToken = emailPending ? newToken() : null;
  const code = phonePending ? String(crypto.randomInt(0, 1_000_000)).padStart(6, "0") : null;
  const state = {
    ...clean,
    stoppedAt: null,
    confirmBy: emailPending || phonePending ? confirmDeadline(now) : now,
    confirmToken,
    emailConfirmedAt: emailKept ? existing!.emailConfirmedAt : null,
    phoneConfirmedAt: phoneKept ? existing!.phoneConfirmedAt : null,
    phoneCodeTries: 0,
  };
  const sub = existing
    ? await tx.subscription.update({ where: { id: existing.id }, data: state, select: { id: true, token: true } })
    : await tx.subscription.create({
        data: { complaintId, voterHash: voterHash ?? null, role: "supporter", token: newToken(), ...state },
        select: { id: true, token: true },
      });
  await tx.subscription.update({ where: { id: sub.id }, data: { phoneCodeHash: code ? codeHash(sub.id, code) : null } });
  // Messages waiting for the old contact are not sent to a replaced one.
  const kept = [emailKept ? clean.email! : null, phoneKept ? clean.phone! : null].filter((v): v is string => v !== null);
  await tx.outboxMessage.updateMany({
    where: { subscriptionId: sub.id, status: "pending", recipient: { notIn: kept } },
    data: { status: "stopped" },
  });
  const t = getFixedT("vi", "news");
  const subject = t("confirmContact.subject");
  const stop = `${publicUrl()}/unsubscribe/${sub.token}`;
  if (confirmToken)
    await tx.outboxMessage.create({
      data: {
        subscriptionId: sub.id,
        channel: "email",
        recipient: clean.email!,
        subject,
        body: [
          t("message.greeting"),
          t("confirmContact.intro"),
          t("confirmContact.link", { url: contactConfirmUrl(confirmToken) }),
          t("message.confirmIgnore"),
          `-- \n${t("message.signature")}\n${t("message.stop", { url: stop })}`,
        ].join("\n\n"),
        nextAttemptAt: now,
        createdAt: now,
      },
    });
  if (code)
    await tx.outboxMessage.create({
      data: {
        subscriptionId: sub.id,
        channel: "sms",
        recipient: clean.phone!,
        subject,
        body: t("confirmContact.sms", { code }),
        nextAttemptAt: now,
        createdAt: now,
      },
    });
  return { id: sub.id, emailPending, phonePending };
}

/** What a confirmation link is about (never the contact): for the confirm page. */
export async function getContactConfirmation({ token, now = new Date() }: { token: string; now?: Date }) {
  const s = await prisma.subscription.findUnique({
    where: { confirmToken: token },
    select: {
      confirmBy: true,
      emailConfirmedAt: true,
      complaint: { select: { category: true, commune: { select: { name: true } } } },
    },
  });
  if (!s) return null;
  return {
    category: s.complaint.category,
    commune: s.complaint.commune.name,
    confirmed: s.emailConfirmedAt !== null,
    expired: s.emailConfirmedAt === null && (s.confirmBy === null || s.confirmBy < now),
  };
}

/** The click on the e-mail's link (a POST): the e-mail may now receive news about the report. */
export async function confirmContactEmail({
  token,
  now = new Date(),
}: {
  token: string;
  now?: Date;
}): Promise<{ ok: true } | { ok: false; reason: "notFound" | "expired" }> {
  const s = await prisma.subscription.findUnique({
    where: { confirmToken: token },
    select: { id: true, confirmBy: true, emailConfirmedAt: true, email: true },
  });
  if (!s || !s.email) return { ok: false, reason: "notFound" };
  if (s.emailConfirmedAt) return { ok: true };
  if (!s.confirmBy || s.confirmBy < now) return { ok: false, reason: "expired" };
  await prisma.subscription.update({ where: { id: s.id }, data: { emailConfirmedAt: now } });
  return { ok: true };
}

/** Whether this supporter's phone waits for its SMS code (the "me too" page shows the code field). */
export async function phoneCodePending({
  complaintId,
  voterHash,
  now = new Date(),
}: {
  complaintId: number;
  voterHash: string;
  now?: Date;
}) {
  const n = await prisma.subscription.count({
    where: { complaintId, voterHash, phoneCodeHash: { not: null }, phoneConfirmedAt: null, confirmBy: { gt: now } },
  });
  return n > 0;
}

/**
 * The code typed on the "me too" page: right confirms the phone; wrong counts a try, and after
 * PHONE_CODE_TRIES the code is void (sending the form again sends a new one).
 */
export async function confirmSupporterPhone({
  complaintId,
  voterHash,
  code,
  now = new Date(),
}: {
  complaintId: number;
  voterHash: string;
  code: string;
  now?: Date;
}): Promise<{ ok: true } | { ok: false; reason: "noCode" | "wrong" | "tooMany" }> {
  return prisma.$transaction(async (tx) => {
    const s = await tx.subscription.findFirst({
      where: { complaintId, voterHash, phoneCodeHash: { not: null }, phoneConfirmedAt: null, confirmBy: { gt: now } },
      select: { id: true, phoneCodeHash: true, phoneCodeTries: true },
    });
    if (!s) return { ok: false, reason: "noCode" };
    const given = Buffer.from(codeHash(s.id, code));
    const expected = Buffer.from(s.phoneCodeHash!);
    if (given.length === expected.length && crypto.timingSafeEqual(given, expected)) {
      await tx.subscription.update({ where: { id: s.id }, data: { phoneConfirmedAt: now, phoneCodeHash: null } });
      return { ok: true };
    }
    const tries = s.phoneCodeTries + 1;
    await tx.subscription.update({
      where: { id: s.id },
      data: { phoneCodeTries: tries, ...(tries >= PHONE_CODE_TRIES ? { phoneCodeHash: null } : {}) },
    });
    return { ok: false, reason: tries >= PHONE_CODE_TRIES ? "tooMany" : "wrong" };
  });
}
