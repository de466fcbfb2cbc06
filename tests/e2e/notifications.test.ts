// Notifications and Open311 through the real server process (production build, server.js):
// the Open311 client script posts and reads back; an official's change commits while SMTP is
// down; the e-mail arrives once SMTP is back; and a message still waiting when the server stops
// is sent after SMTP comes back and the server restarts.
import { execFile } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase, serverEnv, startServer, type RunningServer } from "../../scripts/lib/harness";
import { freePort } from "../../scripts/lib/harness";
import { startSmtp, type TestSmtp } from "../fixtures/smtp";

const DIR = path.resolve("tests/.tmp/notify-e2e");
let env: ReturnType<typeof serverEnv>;
let BASE = "";
let server: RunningServer | null = null;
let smtp: TestSmtp | null = null;
let smtpPort = 0;
const EMAIL = "theo.doi@example.vn";

const db = () => new Database(path.join(DIR, "app.db"), { readonly: true });
function query<T>(sql: string, ...params: unknown[]): T[] {
  const d = db();
  try {
    return d.prepare(sql).all(...params) as T[];
  } finally {
    d.close();
  }
}

async function stopServer() {
  if (!server) return;
  const exited = once(server.process, "exit");
  server.process.kill("SIGTERM");
  await exited;
  server = null;
}

async function signIn(email: string) {
  const res = await fetch(`${BASE}/staff/login`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: BASE, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: "demo-password-2026", redirectTo: "/staff" }).toString(),
  });
  expect(res.status).toBe(303);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function staffMove(cookie: string, id: number, to: string, reply = "") {
  const res = await fetch(`${BASE}/staff/complaints/${id}`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: BASE, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "move", to, reply }).toString(),
  });
  expect(res.status).toBe(303);
}

beforeAll(async () => {
  smtpPort = await freePort();
  const port = await freePort();
  BASE = `http://127.0.0.1:${port}`;
  env = serverEnv(DIR, port, {
    // The links in messages and the endpoint announced by discovery point at this server.
    PUBLIC_URL: BASE,
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(smtpPort),
    SMTP_FROM: "NTM Hải Phòng <no-reply@example.vn>",
    OUTBOX_POLL_MS: "200",
    OUTBOX_RETRY_BASE_MS: "200",
    OUTBOX_RETRY_MAX_MS: "1000",
  });
  prepareDatabase(env, { demo: true });
  server = await startServer(env);
});

afterAll(async () => {
  await stopServer();
  await smtp?.stop();
});

describe("notifications through the real server and a real SMTP server", () => {
  let complaintId = 0;
  let code = "";
  let official = "";

  it("the Open311 client script posts a request and reads it back in JSON and XML", async () => {
    const admin = await signIn("admin@demo.ntm.local");
    const issued = await fetch(`${BASE}/staff/api-keys`, {
      method: "POST",
      headers: { origin: BASE, cookie: admin, "content-type": "application/x-www-form-urlencoded" },
      body: "intent=issue&name=Client+script",
    });
    const key = /ntm_[A-Za-z0-9_-]{32}/.exec(await issued.text())![0];
    const { stdout } = await promisify(execFile)(
      "npx",
      [
        "tsx",
        "scripts/open311-client.ts",
        "--url",
        BASE,
        "--key",
        key,
        "--email",
        EMAIL,
        "--consent",
        "--service",
        "water",
        "--json",
      ],
      { env: { ...process.env } },
    );
    const out = JSON.parse(stdout);
    expect(out.ok).toBe(true);
    expect(out.endpoint).toBe(`${BASE}/open311/v2`);
    expect(out.checks.length).toBeGreaterThan(10);
    complaintId = Number(out.service_request_id);
    code = /([A-Z2-9]{5}-[A-Z2-9]{5})/.exec(out.service_notice)![1];
    expect(query<{ code: string }>("SELECT code FROM Complaint WHERE id = ?", complaintId)[0].code).toBe(code);

    // A web app on another site may post too (the key is the credential): the route answers, in
    // the specification's format, and a wrong key writes nothing.
    const before = query<{ n: number }>("SELECT count(*) AS n FROM Complaint")[0].n;
    const foreign = await fetch(`${BASE}/open311/v2/requests.json`, {
      method: "POST",
      headers: { origin: "https://civic-app.example", "content-type": "application/x-www-form-urlencoded" },
      body: "api_key=ntm_wrong&service_code=roads&lat=20.7&long=106.4&description=Kh%C3%B4ng%20c%C3%B3%20kh%C3%B3a%20%C4%91%C3%BAng",
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await foreign.json()).toEqual([{ code: 403, description: "api_key is missing or not valid" }]);
    expect(query<{ n: number }>("SELECT count(*) AS n FROM Complaint")[0].n).toBe(before);
  }, 60_000);

  it("an official's change commits while SMTP is down; the e-mail arrives when SMTP is back", async () => {
    official = await signIn("vinhbao@demo.ntm.local");
    await staffMove(official, complaintId, "acknowledged");
    expect(query<{ status: string }>("SELECT status FROM Complaint WHERE id = ?", complaintId)[0].status).toBe("acknowledged");
    // The worker tried and failed (nothing listens on the SMTP port), and will try again.
    await expect
      .poll(
        () =>
          query<{ status: string; attempts: number }>(
            "SELECT m.status, m.attempts FROM OutboxMessage m JOIN Subscription s ON s.id = m.subscriptionId WHERE s.complaintId = ?",
            complaintId,
          ),
        { timeout: 10_000 },
      )
      .toEqual([
        { status: "pending", attempts: expect.toSatisfy((n: number) => n >= 1) },
        { status: "pending", attempts: expect.toSatisfy((n: number) => n >= 1) },
      ]);

    smtp = await startSmtp(smtpPort);
    const back = Date.now();
    const mail = await smtp.waitFor((m) => m.subject === `Phản ánh ${code}: đã được tiếp nhận`, 5000);
    expect(mail.receivedAt - back).toBeLessThan(5000);
    expect(mail.to).toEqual([EMAIL]);
    expect(mail.text).toContain(`${BASE}/t/${code}`);
    expect(mail.text).toMatch(new RegExp(`${BASE}/unsubscribe/[A-Za-z0-9_-]{32}`));
    await smtp.waitFor((m) => m.subject === `Phản ánh ${code}: đã được gửi thành công`, 5000);
  });

  it("a message waiting when the server stops is sent after SMTP comes back and the server restarts", async () => {
    await smtp!.stop();
    smtp = null;
    await staffMove(official, complaintId, "resolved", "Công ty nước sạch đã thay đồng hồ và súc rửa đường ống.");
    expect(query<{ status: string }>("SELECT status FROM Complaint WHERE id = ?", complaintId)[0].status).toBe("resolved");
    await expect
      .poll(
        () =>
          query<{ attempts: number }>(
            "SELECT attempts FROM OutboxMessage WHERE subject LIKE ? AND status = 'pending'",
            `%${code}: đã được giải quyết`,
          )[0]?.attempts ?? 0,
        { timeout: 10_000 },
      )
      .toBeGreaterThanOrEqual(1);
    await stopServer();

    smtp = await startSmtp(smtpPort);
    server = await startServer(env);
    const restarted = Date.now();
    const mail = await smtp.waitFor((m) => m.subject === `Phản ánh ${code}: đã được giải quyết`, 5000);
    expect(mail.receivedAt - restarted).toBeLessThan(5000);
    expect(mail.text).toContain("Công ty nước sạch đã thay đồng hồ và súc rửa đường ống.");
    expect(mail.text).toContain(`${BASE}/t/${code}`);
    // Sent once, and the stop link in it works without a login.
    expect(smtp.mails.filter((m) => m.subject.includes("đã được giải quyết"))).toHaveLength(1);
    const stop = new RegExp(`${BASE}/unsubscribe/[A-Za-z0-9_-]+`).exec(mail.text)![0];
    const page = await fetch(stop);
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain(EMAIL);
    const done = await fetch(stop, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(done.status).toBe(200);
    expect(query<{ n: number }>("SELECT count(*) AS n FROM Subscription WHERE stoppedAt IS NOT NULL")[0].n).toBe(1);
  });
});
