// E-mail through nodemailer over SMTP, configured from the environment (SMTP_*). Without
// SMTP_HOST there is no mailer: messages wait in the outbox until one is configured.
import type { Transporter } from "nodemailer";
import { env } from "./env.server";
import { getFixedT } from "./i18n.server";

/** stopUrl: the one-click stop link (List-Unsubscribe); absent for staff digests, which have none. */
export type Mail = { to: string; subject: string; text: string; stopUrl?: string | null };
export type Mailer = { send(mail: Mail): Promise<void>; close(): void };

export type SmtpConfig = {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
};

export function smtpConfigFromEnv(): SmtpConfig | null {
  if (!env.SMTP_HOST) return null;
  return {
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    secure: env.SMTP_SECURE,
    user: env.SMTP_USER,
    password: env.SMTP_PASSWORD,
    from: env.SMTP_FROM,
  };
}

/**
 * The mailer for this configuration. nodemailer (15 MiB of a process's memory) is loaded with the
 * first message, not with the server: most processes of a survey evening never send one.
 */
export function createMailer(config: SmtpConfig): Mailer {
  let transport: Promise<Transporter> | null = null;
  const connect = () =>
    (transport ??= import("nodemailer").then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        host: config.host,
        port: config.port,
        secure: config.secure,
        auth: config.user ? { user: config.user, pass: config.password } : undefined,
        // Fail fast: the outbox retries later, a hung connection would only hold the worker.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    ));
  return {
    async send(mail) {
      await (
        await connect()
      ).sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        // One-click unsubscribe (RFC 8058): mail clients show a "stop" button that posts here.
        // Messages to residents are in Vietnamese (models/outbox.server.ts), and so is this label.
        ...(mail.stopUrl
          ? {
              list: { unsubscribe: { url: mail.stopUrl, comment: getFixedT("vi", "notify")("message.stopComment") } },
              headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
            }
          : {}),
      });
    },
    close() {
      void transport?.then((t) => t.close());
    },
  };
}
