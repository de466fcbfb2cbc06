// Work the server process does besides answering requests (the outbox worker), and its clean
// stop. server.js calls startBackground once listening and shutdown when it stops.
import { ensureDeadlines } from "~/models/complaint/deadlines.server";
import { disconnect } from "~/models/database.server";
import { closeRateLimitStore } from "~/utils/rate-limit.server";
import { startOutboxWorker, type OutboxWorker } from "~/services/outbox-worker.server";
import { startFixCheckJob, type FixCheckJob } from "~/services/fix-check.server";

let worker: OutboxWorker | null = null;
let fixChecks: FixCheckJob | null = null;

export function startBackground() {
  worker ??= startOutboxWorker();
  fixChecks ??= startFixCheckJob();
  // Reports filed before deadlines existed get theirs once, not on every inbox request.
  ensureDeadlines().catch((e: unknown) => console.error("filling report deadlines failed:", e));
}

/** Lets a message being sent finish, then closes the database. */
export async function shutdown() {
  fixChecks?.stop();
  fixChecks = null;
  await worker?.stop();
  worker = null;
  await disconnect();
  closeRateLimitStore();
}
