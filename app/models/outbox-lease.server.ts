// The lease rules both outboxes share (report messages: models/outbox.server.ts; area news:
// models/news/outbox.server.ts): which rows a worker may claim, what a claim, a send and a failure
// write. Each outbox runs them on its own table, so the queries stay typed.

export type RetryPolicy = { baseMs: number; maxMs: number; maxAttempts: number };

/** Rows no live worker holds: pending, and never claimed or their lease over. */
export const claimable = (now: Date) => ({
  status: "pending" as const,
  OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
});

/** A claim: this worker's id, a lease, and one more attempt counted. */
export const claimData = (claimId: string, now: Date, leaseMs: number) => ({
  claimId,
  claimedUntil: new Date(now.getTime() + leaseMs),
  attempts: { increment: 1 },
});

export const sentData = (now: Date) => ({
  status: "sent" as const,
  sentAt: now,
  claimId: null,
  claimedUntil: null,
  lastError: null,
});

/** Delay before attempt n+1 after n failures: base·2^(n-1), capped, with ±20% jitter. */
export function retryDelay(attempts: number, baseMs: number, maxMs: number, random = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp * (0.8 + 0.4 * random()));
}

/** A failed send: tried again later with a growing delay, or given up after the last attempt. */
export const failedData = (attempts: number, error: string, now: Date, retry: RetryPolicy) => ({
  status: attempts >= retry.maxAttempts ? ("failed" as const) : ("pending" as const),
  lastError: error.slice(0, 500),
  claimId: null,
  claimedUntil: null,
  nextAttemptAt: new Date(now.getTime() + retryDelay(attempts, retry.baseMs, retry.maxMs)),
});
