// Retention: what is held and what is due for erasure, per kind of personal data, and the erasure
// itself in batches. Only personal columns are touched: a report's status, category and place,
// the answers and their ratings (every figure) stay as they are.
import type { Prisma } from "~/generated/prisma/client";
import { OPEN_STATUSES } from "~/lib/complaint-workflow";
import { erasureCutoff, type RetentionSettings } from "~/lib/privacy";
import { prisma } from "~/utils/db.server";
import { deletePhotos } from "~/utils/upload.server";
import { recordAudit } from "../audit.server";

export const RETENTION_KINDS = [
  "contacts",
  "photos",
  "reportIpHashes",
  "supporterIpHashes",
  "answerIpHashes",
  "unconfirmedContacts",
  "unconfirmedFollows",
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];
export type KindCounts = Record<RetentionKind, number>;

const closed: Prisma.ComplaintWhereInput = { status: { notIn: [...OPEN_STATUSES] } };

/** A subscription with an e-mail or a phone still waiting for the resident's confirmation. */
const unconfirmed: Prisma.SubscriptionWhereInput = {
  confirmBy: { not: null },
  OR: [
    { email: { not: null }, emailConfirmedAt: null },
    { phone: { not: null }, phoneConfirmedAt: null },
  ],
};

/** The where clause of each kind: `held` = everything of the kind, `due` = past its retention. */
function clauses(settings: RetentionSettings, now: Date) {
  const contactCutoff = erasureCutoff(now, settings.contactDays);
  const photoCutoff = erasureCutoff(now, settings.photoDays);
  const ipCutoff = erasureCutoff(now, settings.ipHashDays);
  const answerCutoff = erasureCutoff(now, settings.answerIpHashDays);
  const hasContact: Prisma.ComplaintWhereInput = { OR: [{ contact: { not: null } }, { subscriptions: { some: {} } }] };
  const contactsDue: Prisma.ComplaintWhereInput = { AND: [hasContact, closed, { resolvedAt: { lt: contactCutoff } }] };
  return {
    contacts: { held: hasContact, due: contactsDue },
    photos: {
      held: { approved: false },
      due: { approved: false, complaint: { ...closed, resolvedAt: { lt: photoCutoff } } },
    },
    reportIpHashes: { held: { ipHash: { not: null } }, due: { ipHash: { not: null }, createdAt: { lt: ipCutoff } } },
    supporterIpHashes: { held: { ipHash: { not: null } }, due: { ipHash: { not: null }, createdAt: { lt: ipCutoff } } },
    answerIpHashes: { held: { ipHash: { not: null } }, due: { ipHash: { not: null }, createdAt: { lt: answerCutoff } } },
    // Decision 043: a "me too" contact's part nobody confirmed, once its link or code expired
    // (confirmBy, CONFIRM_DAYS after it was left); an area-news follow nobody confirmed, likewise.
    unconfirmedContacts: { held: unconfirmed, due: { AND: [unconfirmed, { confirmBy: { lt: now } }] } },
    unconfirmedFollows: { held: { confirmedAt: null }, due: { confirmedAt: null, confirmBy: { lt: now } } },
  };
}

async function countKinds(settings: RetentionSettings, now: Date, which: "held" | "due"): Promise<KindCounts> {
  const c = clauses(settings, now);
  const [contacts, photos, reportIpHashes, supporterIpHashes, answerIpHashes, unconfirmedContacts, unconfirmedFollows] =
    await Promise.all([
      prisma.complaint.count({ where: c.contacts[which] }),
      prisma.complaintPhoto.count({ where: c.photos[which] }),
      prisma.complaint.count({ where: c.reportIpHashes[which] }),
      prisma.supporter.count({ where: c.supporterIpHashes[which] }),
      prisma.response.count({ where: c.answerIpHashes[which] }),
      prisma.subscription.count({ where: c.unconfirmedContacts[which] }),
      prisma.areaFollow.count({ where: c.unconfirmedFollows[which] }),
    ]);
  return { contacts, photos, reportIpHashes, supporterIpHashes, answerIpHashes, unconfirmedContacts, unconfirmedFollows };
}

export const heldCounts = (settings: RetentionSettings, now = new Date()) => countKinds(settings, now, "held");
export const dueCounts = (settings: RetentionSettings, now = new Date()) => countKinds(settings, now, "due");

/** Erases everything due, `batchSize` rows per transaction; returns the counts and records them. */
export async function eraseDue({
  settings,
  now = new Date(),
  batchSize = 200,
}: {
  settings: RetentionSettings;
  now?: Date;
  batchSize?: number;
}): Promise<KindCounts> {
  const c = clauses(settings, now);
  const erased: KindCounts = {
    contacts: 0,
    photos: 0,
    reportIpHashes: 0,
    supporterIpHashes: 0,
    answerIpHashes: 0,
    unconfirmedContacts: 0,
    unconfirmedFollows: 0,
  };

  for (;;) {
    const ids = (await prisma.complaint.findMany({ where: c.contacts.due, select: { id: true }, take: batchSize })).map(
      (r) => r.id,
    );
    if (ids.length === 0) break;
    await prisma.$transaction([
      prisma.complaint.updateMany({ where: { id: { in: ids } }, data: { contact: null } }),
      prisma.subscription.deleteMany({ where: { complaintId: { in: ids } } }),
    ]);
    erased.contacts += ids.length;
  }
  for (;;) {
    const rows = await prisma.complaintPhoto.findMany({
      where: c.photos.due,
      select: { id: true, fileName: true },
      take: batchSize,
    });
    if (rows.length === 0) break;
    await prisma.complaintPhoto.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    await deletePhotos(rows.map((r) => r.fileName));
    erased.photos += rows.length;
  }
  const clearHash = async (
    find: () => Promise<{ id: number }[]>,
    clear: (ids: number[]) => Promise<unknown>,
  ): Promise<number> => {
    let n = 0;
    for (;;) {
      const ids = (await find()).map((r) => r.id);
      if (ids.length === 0) return n;
      await clear(ids);
      n += ids.length;
    }
  };
  erased.reportIpHashes = await clearHash(
    () => prisma.complaint.findMany({ where: c.reportIpHashes.due, select: { id: true }, take: batchSize }),
    (ids) => prisma.complaint.updateMany({ where: { id: { in: ids } }, data: { ipHash: null } }),
  );
  erased.supporterIpHashes = await clearHash(
    () => prisma.supporter.findMany({ where: c.supporterIpHashes.due, select: { id: true }, take: batchSize }),
    (ids) => prisma.supporter.updateMany({ where: { id: { in: ids } }, data: { ipHash: null } }),
  );
  erased.answerIpHashes = await clearHash(
    () => prisma.response.findMany({ where: c.answerIpHashes.due, select: { id: true }, take: batchSize }),
    (ids) => prisma.response.updateMany({ where: { id: { in: ids } }, data: { ipHash: null } }),
  );
  // An unconfirmed part is erased; a subscription left with nothing confirmed goes with its consent.
  for (;;) {
    const rows = await prisma.subscription.findMany({
      where: c.unconfirmedContacts.due,
      select: { id: true, emailConfirmedAt: true, phoneConfirmedAt: true },
      take: batchSize,
    });
    if (rows.length === 0) break;
    const empty = rows.filter((r) => !r.emailConfirmedAt && !r.phoneConfirmedAt).map((r) => r.id);
    await prisma.$transaction([
      prisma.contactConsent.deleteMany({ where: { subscriptionId: { in: empty } } }),
      prisma.subscription.deleteMany({ where: { id: { in: empty } } }),
      ...rows
        .filter((r) => !empty.includes(r.id))
        .map((r) =>
          prisma.subscription.update({
            where: { id: r.id },
            data: {
              ...(r.emailConfirmedAt ? {} : { email: null }),
              ...(r.phoneConfirmedAt ? {} : { phone: null }),
              confirmToken: null,
              phoneCodeHash: null,
            },
          }),
        ),
    ]);
    erased.unconfirmedContacts += rows.length;
  }
  for (;;) {
    const ids = (
      await prisma.areaFollow.findMany({ where: c.unconfirmedFollows.due, select: { id: true }, take: batchSize })
    ).map((r) => r.id);
    if (ids.length === 0) break;
    await prisma.areaFollow.deleteMany({ where: { id: { in: ids } } });
    erased.unconfirmedFollows += ids.length;
  }
  await recordAudit(prisma, { actorId: null, action: "retention_run", detail: { at: now.toISOString(), ...erased } });
  return erased;
}

/** The counts of the last retention run (an audit event), or null before the first. */
export async function lastRun(): Promise<{ at: Date; erased: KindCounts } | null> {
  const row = await prisma.auditEvent.findFirst({
    where: { action: "retention_run" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true, detail: true },
  });
  if (!row?.detail) return null;
  const parsed = JSON.parse(row.detail) as Partial<KindCounts>;
  const erased = Object.fromEntries(RETENTION_KINDS.map((k) => [k, Number(parsed[k] ?? 0)])) as KindCounts;
  return { at: row.createdAt, erased };
}
