// The built JavaScript and CSS through the real server (issue 25): compressed once at build time
// (gzip -9, scripts/lib/precompress.ts) and sent as files with their length, the same bytes as the
// plain file once decompressed; the plain file for a client that does not take gzip; nothing
// outside public/build however the path is written.
import http from "node:http";
import zlib from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { phonePage, sharedBrowser } from "../fixtures/browser";

const baseUrl = inject("baseUrl");
const browser = sharedBrowser();

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(baseUrl + path, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (d: Buffer) => chunks.push(d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

describe("built assets", () => {
  it("are sent precompressed with their length, and decompress to the plain file", async () => {
    const page = (await get("/c/vinh-bao/survey")).body.toString("utf8");
    const scripts = [...page.matchAll(/\/build\/[\w./$-]+\.js/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(5);
    for (const src of [...new Set(scripts)].slice(0, 8)) {
      const gz = await get(src, { "Accept-Encoding": "gzip, deflate, br" });
      const plain = await get(src);
      expect(gz.status, src).toBe(200);
      expect(gz.headers["content-encoding"], src).toBe("gzip");
      expect(Number(gz.headers["content-length"]), src).toBe(gz.body.length);
      expect(gz.headers["content-type"], src).toMatch(/javascript/);
      expect(gz.headers["cache-control"], src).toContain("immutable");
      expect(gz.headers.vary, src).toMatch(/Accept-Encoding/i);
      expect(plain.headers["content-encoding"], src).toBeUndefined();
      expect(zlib.gunzipSync(gz.body).equals(plain.body), src).toBe(true);
    }
  });

  it("never serve a file outside public/build, however the path is written", async () => {
    for (const path of ["/build/../../server.js", "/build/..%2F..%2Fserver.js", "/build/%2e%2e/%2e%2e/package.json"]) {
      const res = await get(path, { "Accept-Encoding": "gzip" });
      expect(res.status, path).not.toBe(200);
      expect(res.body.toString("latin1"), path).not.toContain("createRequestHandler");
    }
  });
});

// The home page's scripts wait for the load event (utils/scripts-after-load.ts): the page is whole
// on its HTML, the load event does not wait for 91 KB of JavaScript, and the page still becomes
// interactive, without a hydration error. The survey page keeps the usual order.
describe("scripts after the load event", () => {
  async function timings(path: string) {
    const { context, page, errors } = await phonePage(browser());
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(baseUrl + path);
    await page.waitForSelector("html[data-hydrated]", { state: "attached" });
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const scripts = performance
        .getEntriesByType("resource")
        .filter((e) => new URL(e.name).pathname.startsWith("/build/") && e.name.endsWith(".js"));
      return {
        loadStart: nav.loadEventStart,
        firstScript: Math.min(...scripts.map((e) => e.startTime)),
        scripts: scripts.length,
      };
    });
    return { context, page, errors, ...t };
  }

  it("home: no script is fetched before the load event, then the page hydrates and searches as you type", async () => {
    const html = (await get("/")).body.toString("utf8");
    expect(html).not.toMatch(/<script[^>]* type="module"/);
    expect(html).not.toContain('<link rel="modulepreload"');
    const { context, page, errors, loadStart, firstScript, scripts } = await timings("/");
    expect(scripts).toBeGreaterThan(5);
    expect(firstScript).toBeGreaterThanOrEqual(loadStart);
    // Interactive: typing filters the list through the loader, without reloading the page.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.getByLabel("Tìm xã, phường, đặc khu").fill("Vĩnh Bảo");
    await page
      .getByRole("link", { name: /Vĩnh Bảo/ })
      .first()
      .waitFor();
    await expect.poll(() => page.getByRole("link", { name: /Tiên Lãng/ }).count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("survey: the scripts are fetched as the page arrives, before the load event", async () => {
    const html = (await get("/c/vinh-bao/survey")).body.toString("utf8");
    expect(html).toMatch(/<script[^>]* type="module"/);
    const { context, errors, loadStart, firstScript } = await timings("/c/vinh-bao/survey");
    expect(firstScript).toBeLessThan(loadStart);
    expect(errors).toEqual([]);
    await context.close();
  });
});
