// Attack surface through the real server: security headers on every kind of response, and an XSS
// corpus written into every text a resident or official can write, then shown in a browser.
import type { BrowserContext } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { sharedBrowser } from "../fixtures/browser";

const baseUrl = inject("baseUrl");
const getBrowser = sharedBrowser();

/** A tiny cookie jar for fetch. */
class Jar {
  cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  async into(context: BrowserContext) {
    await context.addCookies([...this.cookies].map(([name, value]) => ({ name, value, url: baseUrl })));
  }
}

async function post(jar: Jar, path: string, body: URLSearchParams | FormData) {
  const res = await fetch(baseUrl + path, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { Origin: baseUrl, Cookie: jar.header() },
  });
  jar.take(res);
  return res;
}

async function signIn(email: string) {
  const jar = new Jar();
  const res = await post(jar, "/staff/login", new URLSearchParams({ email, password: "demo-password-2026" }));
  expect(res.status).toBe(303);
  return jar;
}

const CORPUS = [
  `<script>window.__xss=1</script>`,
  `<img src=x onerror="window.__xss=1">`,
  `<a href="javascript:window.__xss=1">bấm</a>`,
  `"><svg onload=window.__xss=1>`,
  `</textarea><script>window.__xss=1</script>`,
  `<div <b>thẻ hỏng`,
  `\u202Egnp.exe\u200B\u200D\uFEFF`,
  `{{constructor.constructor('window.__xss=1')()}}`,
].join("\n");
const LONG = "Người dân phản ánh đường liên thôn hư hỏng nặng sau mùa mưa bão năm nay. ".repeat(20).trim();

describe("security headers", () => {
  it.each(["/", "/c/vinh-bao", "/c/vinh-bao/survey", "/staff/login", "/t", "/healthz", "/does-not-exist", "/favicon.svg"])(
    "are on %s",
    async (path) => {
      const res = await fetch(baseUrl + path, { redirect: "manual" });
      const csp = res.headers.get("Content-Security-Policy") ?? "";
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(res.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("X-Frame-Options")).toBe("DENY");
      expect(res.headers.get("X-Powered-By")).toBeNull();
    },
  );

  it("give every page its own nonce, used by its inline scripts", async () => {
    const nonces = await Promise.all(
      [0, 1].map(async () => (await fetch(baseUrl + "/")).headers.get("Content-Security-Policy")!.match(/nonce-([^']+)/)![1]),
    );
    expect(nonces[0]).not.toBe(nonces[1]);
    const res = await fetch(baseUrl + "/");
    const nonce = res.headers.get("Content-Security-Policy")!.match(/nonce-([^']+)/)![1];
    const html = await res.text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
    expect(inline.length).toBeGreaterThan(0);
    for (const attrs of inline) expect(attrs).toContain(`nonce="${nonce}"`);
  });
});

describe("an XSS corpus in every text field", () => {
  it("is stored as text and shown as text everywhere, and no script runs", async () => {
    // Resident: survey comment and village.
    const resident = new Jar();
    const form = await fetch(baseUrl + "/c/an-lao/survey");
    resident.take(form);
    const submissionId = (await form.text()).match(/name="submissionId" value="([^"]+)"/)![1];
    const survey = await post(
      resident,
      "/c/an-lao/survey",
      new URLSearchParams({
        r_roads: "1",
        r_environment: "2",
        r_water: "3",
        r_security: "4",
        r_overall: "5",
        comment: CORPUS,
        village: `<img src=x onerror=window.__xss=1>`,
        submissionId,
      }),
    );
    expect(survey.status).toBe(303);

    // Resident: a complaint in a commune the demo official answers.
    const complaint = new FormData();
    complaint.append("category", "other");
    complaint.append("text", `${CORPUS}\n${LONG}`.slice(0, 2000));
    complaint.append("village", `"><svg onload=window.__xss=1>`);
    const filed = await post(resident, "/c/tien-lang/report", complaint);
    expect(filed.status).toBe(303);
    const trackPath = filed.headers.get("Location")!.split("?")[0];
    const code = trackPath.split("/").pop()!;

    // Official: reply, internal note, redacted public text.
    const official = await signIn("vinhbao@demo.ntm.local");
    const inbox = await (
      await fetch(baseUrl + `/staff?q=${encodeURIComponent("phan anh duong lien thon")}`, {
        headers: { Cookie: official.header() },
      })
    ).text();
    const id = inbox.match(/href="\/staff\/complaints\/(\d+)"/)![1];
    const staffPosts: Record<string, string>[] = [
      { intent: "move", to: "acknowledged", reply: CORPUS },
      { intent: "note", body: CORPUS },
      { intent: "redact", publicText: `${CORPUS}\n(đã che)` },
    ];
    for (const body of staffPosts)
      expect((await post(official, `/staff/complaints/${id}`, new URLSearchParams(body))).status).toBe(303);

    // Council member: a review. Administrator: an account whose name is markup.
    const council = await signIn("hdnd@demo.ntm.local");
    expect((await post(council, "/staff/council/an-lao", new URLSearchParams({ verdict: "defer", reason: CORPUS }))).status).toBe(
      303,
    );
    const admin = await signIn("admin@demo.ntm.local");
    expect(
      (
        await post(
          admin,
          "/staff/users",
          new URLSearchParams({
            name: `<script>window.__xss=1</script>`,
            email: `xss-${Date.now()}@test.local`,
            role: "council",
            password: "long enough password",
          }),
        )
      ).status,
    ).toBe(303);

    const visits: [Jar, string][] = [
      [resident, "/c/an-lao/thanks"],
      [resident, "/c/tien-lang"],
      [resident, `/t/${code}`],
      [official, `/staff/complaints/${id}`],
      [official, `/staff?q=${encodeURIComponent("phan anh")}`],
      [council, "/staff/council/an-lao"],
      [admin, "/staff/users"],
    ];
    for (const [jar, path] of visits) {
      const context = await getBrowser().newContext();
      await jar.into(context);
      const page = await context.newPage();
      const dialogs: string[] = [];
      const violations: string[] = [];
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      page.on("console", (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      const res = await page.goto(baseUrl + path);
      expect(res!.status(), path).toBe(200);
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), path).toBeUndefined();
      expect(dialogs, path).toEqual([]);
      expect(await page.locator("script:not([src]):not([nonce])").count(), path).toBe(0);
      const text = await page.locator("main").innerText();
      expect(text, path).toMatch(
        /<script>window\.__xss=1<\/script>|<img src=x onerror=window\.__xss=1>|"><svg onload=window\.__xss=1>/,
      );
      expect(violations, path).toEqual([]);
      await context.close();
    }
  });
});
