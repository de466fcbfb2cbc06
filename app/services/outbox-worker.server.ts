// The outbox worker: every few seconds it claims due messages, sends them by e-mail or SMS, and
// marks them sent or schedules a retry with exponential backoff. Started by server.js in every
// server process; claims are atomic (see claimDueMessages), so several processes may run it.
import type { NotifyChannel } from "~/generated/prisma/enums";
import { claimDueMessages, markFailed, markSent, type ClaimedMessage } from "~/models/outbox.server";
import { claimDueNews, markNewsFailed, markNewsSent } from "~/models/news/outbox.server";
import { env } from "~/utils/env.server";
import { createMailer, smtpConfigFromEnv, type Mailer } from "~/utils/mailer.server";
import { smsGatewayFromEnv, type SmsGateway } from "~/utils/sms.server";
import { repeatEvery } from "~/utils/repeat.server";

export type WorkerOptions = {
  mailer?: Mailer | null;
  sms?: SmsGateway | null;
  pollMs?: number;
  retry?: { baseMs: number; maxMs: number; maxAttempts: number };
  onError?: (e: unknown) => void;
};

export type OutboxWorker = { runOnce(): Promise<number>; stop(): Promise<void> };

export function startOutboxWorker(options: WorkerOptions = {}): OutboxWorker {
  const smtp = smtpConfigFromEnv();
  const mailer = options.mailer !== undefined ? options.mailer : smtp ? createMailer(smtp) : null;
  const sms = options.sms !== undefined ? options.sms : smsGatewayFromEnv();
  const pollMs = options.pollMs ?? env.OUTBOX_POLL_MS;
  const retry = options.retry ?? {
    baseMs: env.OUTBOX_RETRY_BASE_MS,
    maxMs: env.OUTBOX_RETRY_MAX_MS,
    maxAttempts: env.OUTBOX_MAX_ATTEMPTS,
  };
  const onError = options.onError ?? ((e) => console.error("outbox worker:", e instanceof Error ? e.message : e));
  const channels: NotifyChannel[] = [...(mailer ? ["email" as const] : []), ...(sms ? ["sms" as const] : [])];

  async function deliver(m: ClaimedMessage) {
    if (m.channel === "email") await mailer!.send({ to: m.recipient, subject: m.subject, text: m.body, stopUrl: m.stopUrl });
    else await sms!.send(m.recipient, m.body);
  }

  /** Area news and staff digests (decision 043): their own table, e-mail only. */
  async function sendNews(): Promise<number> {
    let sent = 0;
    if (!mailer) return sent;
    for (;;) {
      const batch = await claimDueNews();
      if (batch.length === 0) return sent;
      for (const m of batch) {
        try {
          await mailer.send({ to: m.recipient, subject: m.subject, text: m.body, stopUrl: m.stopUrl });
          await markNewsSent({ id: m.id, claimId: m.claimId });
          sent++;
        } catch (e) {
          await markNewsFailed({ message: m, error: e instanceof Error ? e.message : String(e), retry });
        }
      }
    }
  }

  async function runOnce(): Promise<number> {
    let sent = await sendNews();
    for (;;) {
      const batch = await claimDueMessages({ channels });
      if (batch.length === 0) return sent;
      for (const m of batch) {
        try {
          await deliver(m);
          await markSent({ id: m.id, claimId: m.claimId });
          sent++;
        } catch (e) {
          await markFailed({ message: m, error: e instanceof Error ? e.message : String(e), retry });
        }
      }
    }
  }

  const loop = repeatEvery(runOnce, pollMs, onError);
  if (channels.length > 0) loop.start();

  return {
    runOnce,
    async stop() {
      await loop.stop();
      mailer?.close();
    },
  };
}
