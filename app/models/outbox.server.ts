// Notifications to residents: who asked for them (subscriptions), the messages written to the
// outbox in the same transaction as the change they report, and what the worker needs to claim,
// send and retry them. Contacts never leave this module except as a message's recipient.
import crypto from "node:crypto";
import type { NotifyChannel } from "~/generated/prisma/enums";
import type { Category, Status } from "~/lib/complaint-workflow";
import { normaliseEmail, normalisePhone } from "~/lib/contact";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { getFixedT } from "~/utils/i18n.server";
import { claimable, claimData, failedData, sentData, type RetryPolicy } from "./outbox-lease.server";

/** A transaction (or the client itself): the functions below run inside the caller's transaction. */
export type Tx = Pick<typeof prisma, "complaint" | "subscription" | "outboxMessage">;

/** What changed, in words a resident understands. One change = one message per subscriber. */
export type NotifyChange =
  | { kind: "filed" }
  | { kind: "status"; to: Status; reply?: string | null }
  | { kind: "reply"; body: string }
  | { kind: "reopened"; reason: string }
  | { kind: "forwarded"; unit: string; note?: string | null }
  | { kind: "returned"; unit: string; reason?: string | null }
  | { kind: "merged" };

export type Contact = { email?: string | null; phone?: string | null };

/** The base of links in messages: PUBLIC_URL, or this server on localhost. */
export function publicUrl(): string {
  return (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}

export const trackingUrl = (code: string) => `${publicUrl()}/t/${encodeURIComponent(code)}`;
export const stopUrl = (token: string) => `${publicUrl()}/unsubscribe/${token}`;

export const newToken = () => crypto.randomBytes(24).toString("base64url");

export function cleanContact({ email, phone }: Contact) {
  const e = email ? normaliseEmail(email) : null;
  const p = phone ? normalisePhone(phone) : null;
  return e || p ? { email: e, phone: p } : null;
}

/**
 * The filer's subscription with its first message ("sent successfully"), as a nested create for
 * the complaint's own insert, so the complaint, the contact and the message are one statement.
 * Undefined when the resident left no e-mail and no phone.
 */
export async function newSubscription({
  code,
  communeId,
  category,
  ...contact
}: { code: string; communeId: number; category: Category } & Contact) {
  const clean = cleanContact(contact);
  if (!clean) return undefined;
  const commune = await prisma.commune.findUniqueOrThrow({ where: { id: communeId }, select: { name: true } });
  const token = newToken();
  const messages = composeMessages({
    complaint: { code, category, commune: commune.name },
    subscriber: { ...clean, token, role: "filer" },
    change: { kind: "filed" },
  });
  const now = new Date();
  return {
    create: {
      ...clean,
      token,
      role: "filer" as const,
      messages: { create: messages.map((m) => ({ ...m, nextAttemptAt: now, createdAt: now })) },
    },
  };
}

function whatKey(change: NotifyChange): string {
  switch (change.kind) {
    case "status":
      return change.to;
    default:
      return change.kind;
  }
}

function detail(change: NotifyChange, t: ReturnType<typeof getFixedT>): string | null {
  switch (change.kind) {
    case "status":
      return change.reply ? `${t("message.replyLabel")}\n${change.reply}` : null;
    case "reply":
      return `${t("message.replyLabel")}\n${change.body}`;
    case "reopened":
      return `${t("message.reasonLabel")} ${change.reason}`;
    case "forwarded":
      return change.note ? `${t("message.noteLabel")} ${change.note}` : null;
    case "returned":
      return change.reason ? `${t("message.reasonLabel")} ${change.reason}` : null;
    default:
      return null;
  }
}

type Subscriber = { email: string | null; phone: string | null; token: string; role: string };

/** The e-mail and SMS texts for one subscriber and one change, in Vietnamese. */
export function composeMessages({
  complaint,
  subscriber: s,
  change,
}: {
  complaint: { code: string; category: Category; commune: string };
  subscriber: Subscriber;
  change: NotifyChange;
}) {
  const t = getFixedT("vi", "notify");
  const tc = getFixedT("vi", "complaint");
  const unit = change.kind === "forwarded" || change.kind === "returned" ? change.unit : undefined;
  const what = t(`message.what.${whatKey(change)}`, { unit });
  const vars = {
    code: complaint.code,
    category: tc(`category.${complaint.category}`).toLowerCase(),
    commune: complaint.commune,
    what,
  };
  const track = trackingUrl(complaint.code);
  const stop = stopUrl(s.token);
  const subject = t("message.subject", vars);
  const out: { channel: NotifyChannel; recipient: string; subject: string; body: string }[] = [];
  if (s.email) {
    const body = [
      t("message.greeting"),
      t(s.role === "supporter" ? "message.intro_supporter" : "message.intro_filer", vars),
      detail(change, t),
      t("message.track", { url: track }),
      `-- \n${t("message.signature")}\n${t("message.stop", { url: stop })}`,
    ]
      .filter(Boolean)
      .join("\n\n");
    out.push({ channel: "email", recipient: s.email, subject, body });
  }
  if (s.phone && env.SMS_GATEWAY !== "off")
    out.push({
      channel: "sms",
      recipient: s.phone,
      subject,
      body: t("message.sms", { code: complaint.code, what, url: track, stopUrl: stop }),
    });
  return out;
}

/**
 * A "me too" contact is used only once the resident confirmed it (decision 043): `confirmBy` set
 * means it had to be confirmed, and each of the e-mail and the phone counts only once confirmed.
 */
export function confirmedParts<
  S extends Subscriber & { confirmBy: Date | null; emailConfirmedAt: Date | null; phoneConfirmedAt: Date | null },
>(s: S): Subscriber {
  if (s.confirmBy === null) return s;
  return { ...s, email: s.emailConfirmedAt ? s.email : null, phone: s.phoneConfirmedAt ? s.phone : null };
}

/**
 * Writes one message per active subscriber and channel for this change, inside the caller's
 * transaction: if the change commits, the messages exist; if it rolls back, they do not. SMS only
 * when a gateway is configured.
 */
export async function notifyResidents(tx: Tx, { complaintId, change }: { complaintId: number; change: NotifyChange }) {
  const c = await tx.complaint.findUnique({
    where: { id: complaintId },
    select: {
      code: true,
      category: true,
      commune: { select: { name: true } },
      subscriptions: {
        where: { stoppedAt: null },
        select: {
          id: true,
          email: true,
          phone: true,
          token: true,
          role: true,
          confirmBy: true,
          emailConfirmedAt: true,
          phoneConfirmedAt: true,
        },
      },
    },
  });
  if (!c) return 0;
  const now = new Date();
  let n = 0;
  for (const s of c.subscriptions) {
    const complaint = { code: c.code, category: c.category, commune: c.commune.name };
    for (const m of composeMessages({ complaint, subscriber: confirmedParts(s), change })) {
      await tx.outboxMessage.create({ data: { ...m, subscriptionId: s.id, nextAttemptAt: now, createdAt: now } });
      n++;
    }
  }
  return n;
}

/** For the stop page: what the link is about (never the contact itself). */
export async function getSubscriptionByToken({ token }: { token: string }) {
  const s = await prisma.subscription.findUnique({
    where: { token },
    select: { stoppedAt: true, complaint: { select: { category: true, commune: { select: { name: true } } } } },
  });
  return s ? { stopped: s.stoppedAt !== null, category: s.complaint.category, commune: s.complaint.commune.name } : null;
}

/** The resident's "stop": no further messages, and those still waiting are not sent. */
export async function stopSubscription({ token, now = new Date() }: { token: string; now?: Date }) {
  return prisma.$transaction(async (tx) => {
    const s = await tx.subscription.findUnique({ where: { token }, select: { id: true, stoppedAt: true } });
    if (!s) return { ok: false as const, reason: "notFound" as const };
    if (!s.stoppedAt) await tx.subscription.update({ where: { id: s.id }, data: { stoppedAt: now } });
    await tx.outboxMessage.updateMany({ where: { subscriptionId: s.id, status: "pending" }, data: { status: "stopped" } });
    return { ok: true as const, alreadyStopped: s.stoppedAt !== null };
  });
}

// ---- the worker's side ----

/**
 * Claims up to `limit` due messages for this worker. Two statements, but safe with several
 * processes: the UPDATE re-checks that nobody holds a live claim (SQLite runs one writer at a
 * time), and only rows carrying our fresh claimId are returned. A claim expires after `leaseMs`,
 * so a worker that died mid-send does not hold its messages forever (they are sent again: at
 * least once, never lost).
 */
export async function claimDueMessages({
  channels,
  limit = 20,
  leaseMs = 60_000,
  now = new Date(),
}: {
  channels: NotifyChannel[];
  limit?: number;
  leaseMs?: number;
  now?: Date;
}) {
  if (channels.length === 0) return [];
  const free = claimable(now);
  const due = await prisma.outboxMessage.findMany({
    where: { ...free, channel: { in: channels }, nextAttemptAt: { lte: now } },
    select: { id: true },
    orderBy: { id: "asc" },
    take: limit,
  });
  if (due.length === 0) return [];
  const claimId = crypto.randomUUID();
  await prisma.outboxMessage.updateMany({
    where: { ...free, id: { in: due.map((d) => d.id) } },
    data: claimData(claimId, now, leaseMs),
  });
  const rows = await prisma.outboxMessage.findMany({
    where: { claimId },
    select: {
      id: true,
      claimId: true,
      channel: true,
      recipient: true,
      subject: true,
      body: true,
      attempts: true,
      subscription: { select: { token: true } },
    },
    orderBy: { id: "asc" },
  });
  return rows.map(({ subscription, ...m }) => ({ ...m, claimId: m.claimId!, stopUrl: stopUrl(subscription.token) }));
}

export type ClaimedMessage = Awaited<ReturnType<typeof claimDueMessages>>[number];

export async function markSent({ id, claimId, now = new Date() }: { id: number; claimId: string; now?: Date }) {
  await prisma.outboxMessage.updateMany({
    where: { id, claimId },
    data: sentData(now),
  });
}

export async function markFailed({
  message,
  error,
  now = new Date(),
  retry,
}: {
  message: Pick<ClaimedMessage, "id" | "claimId" | "attempts">;
  error: string;
  now?: Date;
  retry: RetryPolicy;
}) {
  await prisma.outboxMessage.updateMany({
    where: { id: message.id, claimId: message.claimId },
    data: failedData(message.attempts, error, now, retry),
  });
}

/**
 * From a form with `email`, `phone` and the older single `contact` field (still accepted from
 * pages cached before the split): the contact staff see, and the contact for notifications.
 */
export function contactFields({
  contact,
  email,
  phone,
}: {
  contact?: string | null;
  email?: string | null;
  phone?: string | null;
}) {
  const legacyEmail = contact && contact.includes("@") ? contact : null;
  const legacyPhone = contact && !contact.includes("@") ? contact : null;
  const e = email ?? legacyEmail;
  const p = phone ?? legacyPhone;
  return {
    contact: contact ?? ([p, e].filter(Boolean).join(" · ") || null),
    notify: { email: e, phone: p },
  };
}
