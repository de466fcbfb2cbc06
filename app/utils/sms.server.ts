// Text messages through a small gateway interface. Off by default; "log" writes messages to the
// log (development); "http" posts them as JSON to SMS_HTTP_URL with SMS_HTTP_TOKEN as a bearer
// token, the shape most Vietnamese SMS brandname providers' relays accept.
import { env } from "./env.server";

export interface SmsGateway {
  send(to: string, text: string): Promise<void>;
}

export class LogSmsGateway implements SmsGateway {
  constructor(private readonly log: (line: string) => void = (l) => console.info(l)) {}
  async send(to: string, text: string) {
    // Development only: the number is masked even here, the text is what would be sent.
    this.log(`[sms] to ${to.slice(0, 3)}****${to.slice(-3)}: ${text}`);
  }
}

export class HttpSmsGateway implements SmsGateway {
  constructor(
    private readonly url: string,
    private readonly token?: string,
    private readonly timeoutMs = 10_000,
  ) {}
  async send(to: string, text: string) {
    const res = await fetch(this.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ to, text }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
  }
}

export function smsGatewayFromEnv(): SmsGateway | null {
  if (env.SMS_GATEWAY === "log") return new LogSmsGateway();
  if (env.SMS_GATEWAY === "http") return new HttpSmsGateway(env.SMS_HTTP_URL!, env.SMS_HTTP_TOKEN);
  return null;
}
