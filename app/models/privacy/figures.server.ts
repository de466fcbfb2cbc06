// The privacy figures (npm run privacy, /staff/privacy): per kind of personal data, what is held,
// what is due for erasure, what the last retention run erased; residents' requests open and overdue;
// and, for a breach (docs/privacy/breach.md), what a commune holds.
import { prisma } from "~/utils/db.server";
import { requestCounts } from "./requests.server";
import { dueCounts, heldCounts, lastRun, RETENTION_KINDS, type RetentionKind } from "./retention.server";
import { getRetentionSettings } from "./settings.server";

export type PrivacyFigures = {
  kinds: Record<RetentionKind, { held: number; due: number; erasedLastRun: number }>;
  lastRunAt: string | null;
  requests: { open: number; overdue: number };
};

export async function privacyFigures(now = new Date()): Promise<PrivacyFigures> {
  const settings = await getRetentionSettings();
  const [held, due, last, requests] = await Promise.all([
    heldCounts(settings, now),
    dueCounts(settings, now),
    lastRun(),
    requestCounts(now),
  ]);
  const kinds = Object.fromEntries(
    RETENTION_KINDS.map((k) => [k, { held: held[k], due: due[k], erasedLastRun: last?.erased[k] ?? 0 }]),
  ) as PrivacyFigures["kinds"];
  return { kinds, lastRunAt: last?.at.toISOString() ?? null, requests };
}

/** For a breach: per commune, the reports holding a contact, the subscriptions and the photos. */
export async function personalDataByCommune({ since }: { since?: Date } = {}) {
  const communes = await prisma.commune.findMany({
    where: { complaints: { some: since ? { createdAt: { gte: since } } : {} } },
    select: { id: true, slug: true, name: true },
    orderBy: { sortOrder: "asc" },
  });
  const created = since ? { createdAt: { gte: since } } : {};
  return Promise.all(
    communes.map(async (c) => ({
      commune: c.slug,
      name: c.name,
      reportsWithContact: await prisma.complaint.count({ where: { communeId: c.id, contact: { not: null }, ...created } }),
      subscriptions: await prisma.subscription.count({ where: { complaint: { communeId: c.id, ...created } } }),
      photos: await prisma.complaintPhoto.count({ where: { complaint: { communeId: c.id, ...created } } }),
    })),
  );
}
