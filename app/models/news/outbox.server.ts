// The outbox of area news (decision 043): confirmation messages and digests, claimed and marked by
// the outbox worker exactly like report messages (models/outbox.server.ts), by the same lease
// rules (models/outbox-lease.server.ts): compare-and-set on claimId/claimedUntil, safe with
// several processes, retried with the same backoff.
import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { claimable, claimData, failedData, sentData, type RetryPolicy } from "../outbox-lease.server";

export async function claimDueNews({ limit = 20, leaseMs = 60_000, now = new Date() } = {}) {
  const free = claimable(now);
  const due = await prisma.newsMessage.findMany({
    where: { ...free, nextAttemptAt: { lte: now } },
    select: { id: true },
    orderBy: { id: "asc" },
    take: limit,
  });
  if (due.length === 0) return [];
  const claimId = crypto.randomUUID();
  await prisma.newsMessage.updateMany({
    where: { ...free, id: { in: due.map((d) => d.id) } },
    data: claimData(claimId, now, leaseMs),
  });
  const rows = await prisma.newsMessage.findMany({
    where: { claimId },
    select: { id: true, recipient: true, subject: true, body: true, stopUrl: true, attempts: true },
    orderBy: { id: "asc" },
  });
  return rows.map((m) => ({ ...m, claimId }));
}

export type ClaimedNews = Awaited<ReturnType<typeof claimDueNews>>[number];

export async function markNewsSent({ id, claimId, now = new Date() }: { id: number; claimId: string; now?: Date }) {
  await prisma.newsMessage.updateMany({
    where: { id, claimId },
    data: sentData(now),
  });
}

export async function markNewsFailed({
  message,
  error,
  now = new Date(),
  retry,
}: {
  message: Pick<ClaimedNews, "id" | "claimId" | "attempts">;
  error: string;
  now?: Date;
  retry: RetryPolicy;
}) {
  await prisma.newsMessage.updateMany({
    where: { id: message.id, claimId: message.claimId },
    data: failedData(message.attempts, error, now, retry),
  });
}
