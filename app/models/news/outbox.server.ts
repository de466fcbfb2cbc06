// The outbox of area news (decision 043): confirmation messages and digests, claimed and marked by
// the outbox worker exactly like report messages (models/outbox.server.ts): compare-and-set on
// claimId/claimedUntil, safe with several processes, retried with the same backoff.
import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { retryDelay } from "../outbox.server";

export async function claimDueNews({ limit = 20, leaseMs = 60_000, now = new Date() } = {}) {
  const free = { status: "pending" as const, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] };
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
    data: { claimId, claimedUntil: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } },
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
    data: { status: "sent", sentAt: now, claimId: null, claimedUntil: null, lastError: null },
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
  retry: { baseMs: number; maxMs: number; maxAttempts: number };
}) {
  const giveUp = message.attempts >= retry.maxAttempts;
  await prisma.newsMessage.updateMany({
    where: { id: message.id, claimId: message.claimId },
    data: {
      status: giveUp ? "failed" : "pending",
      lastError: error.slice(0, 500),
      claimId: null,
      claimedUntil: null,
      nextAttemptAt: new Date(now.getTime() + retryDelay(message.attempts, retry.baseMs, retry.maxMs)),
    },
  });
}
