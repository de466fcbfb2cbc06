// Area news (issue 24 point 4, decision 043) end to end: a resident follows Vĩnh Bảo on the
// commune page on a phone, confirms through the link in the e-mail a REAL SMTP server (smtp-server)
// received, a report is filed on the site and answered by the commune's official, the digest job
// runs (npm run news -- --digest), and the follower receives exactly one digest with the day's
// report and its answer, and a working one-click stop header. Its own server (production build).
import { execFile } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase, serverEnv, startServer, type RunningServer } from "../../scripts/lib/harness";
import { phonePage, sharedBrowser } from "../fixtures/browser";
import { freePort } from "../../scripts/lib/harness";
import { startSmtp, type TestSmtp } from "../fixtures/smtp";

const DIR = path.resolve("tests/.tmp/area-news-e2e");
const FOLLOWER = "nguoi.theo.doi@example.vn";
const TEXT = `Mương thoát nước thôn Hạ bị lấp đất, mưa là ngập đường (${Date.now() % 100000}).`;
const REPLY = "Xã đã cho nạo vét mương thôn Hạ, dự kiến xong trong ba ngày.";
const getBrowser = sharedBrowser();
let env: ReturnType<typeof serverEnv>;
let BASE = "";
let server: RunningServer | null = null;
let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startSmtp();
  const port = await freePort();
  BASE = `http://127.0.0.1:${port}`;
  env = serverEnv(DIR, port, {
    PUBLIC_URL: BASE,
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(smtp.port),
    SMTP_FROM: "NTM Hải Phòng <no-reply@example.vn>",
    OUTBOX_POLL_MS: "200",
  });
  prepareDatabase(env, { demo: true });
  server = await startServer(env);
}, 240_000);

afterAll(async () => {
  if (server) {
    const exited = once(server.process, "exit");
    server.process.kill("SIGTERM");
    await exited;
  }
  await smtp?.stop();
});

function dbQuery<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(DIR, "app.db"), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
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

const runDigestJob = () =>
  promisify(execFile)("npx", ["tsx", "scripts/news.ts", "--digest", "--json"], { env: { ...env, NEWS_DIGEST_HOUR: "0" } });

describe("area news by e-mail, on a phone", () => {
  it("subscribes, confirms by the e-mailed link, and gets exactly one digest with the day's report and answer", async () => {
    const { page, context, errors } = await phonePage(getBrowser());
    await page.goto(`${BASE}/c/vinh-bao`);
    const follow = page.getByTestId("follow");
    await follow.getByLabel("Email").fill(FOLLOWER);
    await follow.locator('input[name="consent"]').check();
    await follow.getByRole("button", { name: "Nhận tin khu vực" }).click();
    await page.waitForURL(/\/c\/vinh-bao\/follow\?sent=1$/);
    expect(await page.getByTestId("follow-sent").innerText()).toContain("Hãy mở email");

    // The confirmation e-mail, through the real SMTP server: one link, and nothing else yet.
    const confirm = await smtp.waitFor((m) => m.to.includes(FOLLOWER), 15_000);
    expect(confirm.subject).toBe("Xác nhận nhận tin khu vực Vĩnh Bảo");
    expect(confirm.headers["list-unsubscribe"]).toMatch(/\/news\/stop\/[A-Za-z0-9_-]{32}/);
    const link = new RegExp(`${BASE}/news/confirm/[A-Za-z0-9_-]{32}`).exec(confirm.text)![0];
    await page.goto(link);
    await page.getByRole("button", { name: "Xác nhận" }).click();
    await expect.poll(() => page.getByTestId("follow-confirmed").count()).toBe(1);

    // A resident files a report on the site; the commune's official answers it publicly.
    await page.goto(`${BASE}/c/vinh-bao/report`);
    await page.getByRole("radio", { name: "Môi trường" }).check();
    await page.getByLabel("Mô tả sự việc").fill(TEXT);
    await page.getByRole("button", { name: "Gửi phản ánh" }).click();
    await page.waitForURL(/\/t\/[A-Z2-9]{5}-[A-Z2-9]{5}\?new=1$/);
    expect(errors).toEqual([]);
    await context.close();
    const official = await signIn("vinhbao@demo.ntm.local");
    const id = dbQuery<{ id: number }>("SELECT id FROM Complaint WHERE text = ?", TEXT)[0].id;
    const replied = await fetch(`${BASE}/staff/complaints/${id}`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: BASE, cookie: official, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "reply", body: REPLY }).toString(),
    });
    expect(replied.status).toBe(303);

    // The digest job runs (twice: the second run writes nothing); the server's worker sends it.
    const first = JSON.parse((await runDigestJob()).stdout);
    expect(first.daily).toBe(1);
    expect(JSON.parse((await runDigestJob()).stdout).daily).toBe(0);
    const digest = await smtp.waitFor((m) => m.to.includes(FOLLOWER) && m.subject.startsWith("Tin khu vực"), 15_000);
    expect(digest.subject).toBe("Tin khu vực Vĩnh Bảo: 2 tin mới");
    expect(digest.text).toContain(TEXT);
    expect(digest.text).toContain(REPLY);
    expect(digest.text).toContain(`${BASE}/c/vinh-bao`);
    const stop = new RegExp(`${BASE}/news/stop/[A-Za-z0-9_-]{32}`).exec(digest.text)![0];
    expect(digest.headers["list-unsubscribe"]).toContain(stop);
    expect(digest.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.mails.filter((m) => m.to.includes(FOLLOWER))).toHaveLength(2);

    // The one-click stop (what a mail client posts from the header) erases the follow.
    const stopped = await fetch(stop, { method: "POST", body: "List-Unsubscribe=One-Click" });
    expect(stopped.status).toBe(200);
    expect((await fetch(stop)).status).toBe(404);
  }, 180_000);
});
