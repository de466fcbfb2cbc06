// The retention job: once an hour (and once at start) it erases the personal data that is past its
// retention period (contacts, unapproved photos, network-address hashes), in batches, and logs the
// counts. Started by services/background.server.ts like the outbox worker; safe with several
// processes (each batch re-reads what is still due, and erasing twice changes nothing).
import { eraseDue, type KindCounts } from "~/models/privacy/retention.server";
import { getRetentionSettings } from "~/models/privacy/settings.server";
import { repeatEvery } from "~/utils/repeat.server";

export type RetentionJobOptions = {
  intervalMs?: number;
  batchSize?: number;
  /** the clock; tests move it */
  now?: () => Date;
  log?: (counts: KindCounts) => void;
  onError?: (e: unknown) => void;
};

export type RetentionJob = { runOnce(): Promise<KindCounts>; stop(): Promise<void> };

export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

export function startRetentionJob(options: RetentionJobOptions & { autoStart?: boolean } = {}): RetentionJob {
  const intervalMs = options.intervalMs ?? RETENTION_INTERVAL_MS;
  const now = options.now ?? (() => new Date());
  const log =
    options.log ??
    ((counts: KindCounts) => {
      if (Object.values(counts).some((n) => n > 0)) console.info("retention: erased", JSON.stringify(counts));
    });
  const onError = options.onError ?? ((e) => console.error("retention job:", e instanceof Error ? e.message : e));

  async function runOnce(): Promise<KindCounts> {
    const settings = await getRetentionSettings();
    const counts = await eraseDue({ settings, now: now(), batchSize: options.batchSize });
    log(counts);
    return counts;
  }

  const loop = repeatEvery(runOnce, intervalMs, onError);
  if (options.autoStart !== false) loop.start();

  return {
    runOnce,
    async stop() {
      await loop.stop();
    },
  };
}
