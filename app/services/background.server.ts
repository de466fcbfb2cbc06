// Work the server process does besides answering requests (the outbox worker, the retention job),
// and its clean stop. server.js calls startBackground once listening and shutdown when it stops.
import { ensureDeadlines } from "~/models/complaint/deadlines.server";
import { disconnect } from "~/models/database.server";
import { closeRateLimitStore } from "~/utils/rate-limit.server";
import { startOutboxWorker, type OutboxWorker } from "~/services/outbox-worker.server";
import { startFixCheckJob, type FixCheckJob } from "~/services/fix-check.server";
import { startRetentionJob, type RetentionJob } from "~/services/retention.server";
import { startNewsJob, type NewsJob } from "~/services/news-digest.server";
let worker: OutboxWorker | null = null;
let fixChecks: FixCheckJob | null = null;
let retention: RetentionJob | null = null;
let news: NewsJob | null = null;
export function startBackground() {
  worker ??= startOutboxWorker();
  fixChecks ??= startFixCheckJob();
  // Personal data past its retention period is erased by itself (decision 037).
  retention ??= startRetentionJob();
  // Area news and the council's weekly digest (decision 043).
  news ??= startNewsJob();
  // Reports filed before deadlines existed get theirs once, not on every inbox request.
  ensureDeadlines().catch((e: unknown) => console.error("filling report deadlines failed:", e));
}

/** Lets a message being sent finish, then closes the database. */
export async function shutdown() {
  fixChecks?.stop();
  fixChecks = null;
  await Promise.all([worker?.stop(), retention?.stop(), news?.stop()]);
  worker = null;
  retention = null;
  news = null;
  await disconnect();
  closeRateLimitStore();
}
