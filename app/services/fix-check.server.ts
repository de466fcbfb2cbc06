// The scheduled "is it fixed?" job (issue 24): every FIX_CHECK_POLL_MS, the questions that fell
// due are written to the outbox (the outbox worker sends them). Started by background.server.ts.
import { askDueFixChecks } from "~/models/complaint/fix-check.server";

export type FixCheckJob = { runOnce(now?: Date): Promise<number>; stop(): void };

export function startFixCheckJob({ intervalMs = 3_600_000 }: { intervalMs?: number } = {}): FixCheckJob {
  let running: Promise<number> | null = null;
  const runOnce = (now = new Date()) => {
    running ??= askDueFixChecks({ now }).finally(() => (running = null));
    return running;
  };
  const timer = setInterval(() => {
    runOnce().catch((e: unknown) => console.error("fix-check job failed:", e));
  }, intervalMs);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
