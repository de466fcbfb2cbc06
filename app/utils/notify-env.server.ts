// The environment of notifications (e-mail, SMS, the outbox worker) and of the Open311 API, kept
// apart from env.server.ts so that feature branches do not edit the same lines. Part of EnvSchema.
import { z } from "zod";

const bool = z.enum(["true", "false"]).transform((v) => v === "true");

export const NotifyEnvSchema = z.object({
  /** The site's address as residents reach it: tracking and unsubscribe links in messages. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  /** SMTP server for e-mails to residents. Unset: no e-mail is sent (messages wait in the outbox). */
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  SMTP_SECURE: bool.default(false),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  SMTP_FROM: z.string().min(3).default("Nông thôn mới Hải Phòng <no-reply@localhost>"),
  /** SMS gateway: off (default), log (development: written to the log), http (SMS_HTTP_URL). */
  SMS_GATEWAY: z.enum(["off", "log", "http"]).default("off"),
  SMS_HTTP_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  SMS_HTTP_TOKEN: z.string().min(1).optional(),
  /** How often the outbox worker looks for messages to send. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
  /** First retry delay; doubled after every failure up to OUTBOX_RETRY_MAX_MS. */
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
  OUTBOX_RETRY_MAX_MS: z.coerce.number().int().min(10).default(3_600_000),
  /** Attempts before a message is marked failed (with the defaults: about two days). */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(60),
  /** Area news (decision 043): the Vietnam hour from which the day's digests are composed. */
  NEWS_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(18),
  /** How often the digest job looks for digests to compose (they are composed at most once a day). */
  NEWS_POLL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(900_000),
  /** Open311 requests accepted per API key per hour. */
  OPEN311_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(300),
});

/** Rules across variables, checked by parseEnv after the schema. */
export function notifyEnvProblems(e: z.infer<typeof NotifyEnvSchema>): string[] {
  const problems: string[] = [];
  if (e.SMS_GATEWAY === "http" && !e.SMS_HTTP_URL) problems.push("SMS_HTTP_URL: required when SMS_GATEWAY=http");
  if (!!e.SMTP_USER !== !!e.SMTP_PASSWORD) problems.push("SMTP_USER, SMTP_PASSWORD: set both or neither");
  return problems;
}
