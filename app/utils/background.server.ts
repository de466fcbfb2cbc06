// Work the server process does besides answering requests (the outbox worker), and its clean
// stop. server.js calls startBackground once listening and shutdown when it stops.
import { disconnect } from "./db.server";
import { closeRateLimitStore } from "./rate-limit.server";
import { startOutboxWorker, type OutboxWorker } from "./outbox-worker.server";

let worker: OutboxWorker | null = null;

export function startBackground() {
  worker ??= startOutboxWorker();
}

/** Lets a message being sent finish, then closes the database. */
export async function shutdown() {
  await worker?.stop();
  worker = null;
  await disconnect();
  closeRateLimitStore();
}
