// Accessibility stays at zero (issue 23): axe-core runs over every page of the README's tour, at a
// phone's width and an office screen's, as each page's user sees it (a resident, an official, a
// council member, the Front, an administrator), and fails on any WCAG 2.0/2.1 A or AA violation.
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { PHONE, sharedBrowser } from "../fixtures/browser";

const baseUrl = inject("baseUrl");
const getBrowser = sharedBrowser();

const WIDTHS = [
  { name: "phone", options: PHONE },
  { name: "1366", options: { viewport: { width: 1366, height: 768 } } },
] as const;

type Found = { page: string; width: string; rule: string; impact: string | null | undefined; targets: string[] };

async function audit(page: Page, path: string, width: string): Promise<Found[]> {
  const response = await page.goto(baseUrl + path);
  expect(response?.status(), path).toBeLessThan(400);
  await page.waitForLoadState("load");
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => ({
    page: path,
    width,
    rule: v.id,
    impact: v.impact,
    targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
  }));
}

async function signIn(page: Page, email: string) {
  await page.goto(baseUrl + "/staff/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill("demo-password-2026");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/staff/login"));
}

/** The first link on `path` whose address matches `pattern` (a demo record's page). */
async function firstLink(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(baseUrl + path);
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link like ${pattern} on ${path}`).toBeTruthy();
  return href!.replace(/^https?:\/\/[^/]+/, "");
}

/** Audits `paths` at both widths as the signed-in `email` (or a resident when null). */
async function tour(browser: Browser, email: string | null, paths: (page: Page) => Promise<string[]>) {
  const found: Found[] = [];
  for (const width of WIDTHS) {
    const context = await browser.newContext(width.options);
    const page = await context.newPage();
    if (email) await signIn(page, email);
    for (const path of await paths(page)) found.push(...(await audit(page, path, width.name)));
    await context.close();
  }
  return found;
}

// axe-core over a dozen pages at two widths takes minutes on a busy two-core machine.
const LONG = 600_000;

describe("WCAG 2.1 A/AA over the README tour (axe-core)", () => {
  it(
    "resident pages: home, commune, survey, code, ballot, report, works, tracking, privacy",
    async () => {
      // A report filed by this test gives a tracking page (and its data page) to audit.
      const context = await getBrowser().newContext(PHONE);
      const page = await context.newPage();
      await page.goto(baseUrl + "/c/vinh-bao/report");
      await page.getByRole("radio", { name: "Môi trường" }).check();
      await page.getByLabel("Mô tả sự việc").fill("Rác thải đổ bừa bãi cạnh cổng chợ, bốc mùi hôi.");
      await page.getByRole("button", { name: "Gửi phản ánh" }).click();
      await page.waitForURL(/\/t\/[A-Z2-9]{5}-[A-Z2-9]{5}\?new=1$/);
      const tracking = new URL(page.url()).pathname;
      await context.close();

      const found = await tour(getBrowser(), null, async () => [
        "/",
        "/c/vinh-bao",
        "/c/vinh-bao/survey",
        "/c/vinh-bao/code",
        // A demo household code from the README: checking it shows the form (nothing is answered).
        "/b/ST7D-BFV1-KF9M-Y2",
        "/c/vinh-bao/report",
        "/c/vinh-bao/works",
        "/c/vinh-bao/works/GT-02",
        "/t",
        tracking,
        tracking + "/privacy",
        "/privacy",
      ]);
      expect(found).toEqual([]);
    },
    LONG,
  );

  it(
    "a commune official's pages: inbox, a report, map, intake, privacy requests, works import",
    async () => {
      const found = await tour(getBrowser(), "vinhbao@demo.ntm.local", async (page) => [
        "/staff",
        await firstLink(page, "/staff", /^\/staff\/complaints\/\d+$/),
        "/staff/map",
        "/staff/complaints/new",
        "/staff/privacy",
        "/staff/works/import",
      ]);
      expect(found).toEqual([]);
    },
    LONG,
  );

  it(
    "a council member's pages: dashboard, dossier, works and money, audit trail",
    async () => {
      const found = await tour(getBrowser(), "hdnd@demo.ntm.local", async () => [
        "/staff/council",
        "/staff/council/vinh-bao",
        "/staff/council/works",
        "/staff/audit",
      ]);
      expect(found).toEqual([]);
    },
    LONG,
  );

  it(
    "the Front's pages: rounds, a round, its integrity report, works to inspect, an inspection form",
    async () => {
      const found = await tour(getBrowser(), "mttq-camgiang@demo.ntm.local", async (page) => {
        const round = await firstLink(page, "/staff/rounds", /^\/staff\/rounds\/\d+$/);
        return [
          "/staff/rounds",
          round,
          await firstLink(page, round, /^\/staff\/rounds\/\d+\/integrity\/\d+$/),
          "/staff/works",
          await firstLink(page, "/staff/works", /^\/staff\/works\/\d+\/inspect$/),
        ];
      });
      expect(found).toEqual([]);
    },
    LONG,
  );

  it(
    "an administrator's pages: users, settings, register, posters, privacy access and retention",
    async () => {
      const found = await tour(getBrowser(), "admin@demo.ntm.local", async () => [
        "/staff/users",
        "/staff/settings",
        "/staff/settings/thresholds",
        "/staff/settings/complaints",
        "/staff/settings/integrity",
        "/staff/register",
        "/staff/posters",
        "/staff/privacy/access",
        "/staff/privacy/settings",
      ]);
      expect(found).toEqual([]);
    },
    LONG,
  );
});
