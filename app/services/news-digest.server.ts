// The area-news job (decision 043): every NEWS_POLL_MS it composes the daily digests of followers
// and the council's weekly digests that are due, into the news outbox (the outbox worker sends
// them). Idempotent (one digest row per recipient and period), so several processes may run it.
// Started by services/background.server.ts; `npm run news -- --digest` runs it once.
import { composeCouncilDigests, composeDailyDigests } from "~/models/news/digest.server";
import { env } from "~/utils/env.server";
import { repeatEvery } from "~/utils/repeat.server";

export type NewsJob = { runOnce(): Promise<{ daily: number; weekly: number }>; stop(): Promise<void> };

export function startNewsJob(
  options: {
    intervalMs?: number;
    now?: () => Date;
    digestHour?: number;
    autoStart?: boolean;
    onError?: (e: unknown) => void;
  } = {},
): NewsJob {
  const now = options.now ?? (() => new Date());
  const onError = options.onError ?? ((e) => console.error("news job:", e instanceof Error ? e.message : e));
  async function runOnce() {
    const at = now();
    const daily = await composeDailyDigests({ now: at, digestHour: options.digestHour });
    const weekly = await composeCouncilDigests({ now: at, digestHour: options.digestHour });
    return { daily, weekly };
  }
  const loop = repeatEvery(runOnce, options.intervalMs ?? env.NEWS_POLL_MS, onError);
  if (options.autoStart !== false) loop.start();
  return { runOnce, stop: () => loop.stop() };
}
