// npm run page-weight: the resident pages on a weak connection. Chromium (DevTools protocol)
// throttled to about 400 kbit/s with a 400 ms round trip, cache off, then again with the CPU
// slowed four times (a cheap Android phone) and uploads at 200 kbit/s: compressed sizes of the
// HTML, CSS and JavaScript of the first load, the time until the page can be used, until it has
// loaded and until its network is quiet (the service worker installed included), and the time
// until an answer is sent. The service worker's precache is reported per kind of file.
// `--json` prints one JSON object. Against BASE_URL if given (a server that is already up),
// otherwise against a server of its own (the production build, a fresh database with the demo
// data, in tests/.tmp/page-weight). Byte counts are response BODIES (what gzip sends); response
// headers (about 1 KB a file, mostly helmet's security headers) are reported apart as wireBytes.
// Budgets: docs/decisions/040-page-weight-budgets.md.
import http from "node:http";
import path from "node:path";
import type { Browser } from "playwright-core";
import { freePort, launchChromium, prepareDatabase, serverEnv, startServer, type RunningServer } from "./lib/harness";

const JSON_OUT = process.argv.includes("--json");
let BASE = process.env.BASE_URL ?? "";
const SURVEY = process.env.PAGE ?? "/c/vinh-bao/survey";
const PAGES: { name: string; path: string; ready: string }[] = [
  { name: "survey", path: SURVEY, ready: "form.survey button[type=submit]" },
  { name: "commune", path: SURVEY.replace(/\/survey$/, ""), ready: "main h1" },
  { name: "home", path: "/", ready: "main h1" },
];
const RATE = 50_000; // bytes per second, about 400 kbit/s

/** Bytes on the wire (gzip, as the server sends them) of one URL, without the headers. */
function wireBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "Accept-Encoding": "gzip" } }, (res) => {
        let n = 0;
        res.on("data", (d: Buffer) => (n += d.length));
        res.on("end", () => resolve(n));
      })
      .on("error", reject);
  });
}

type Load = {
  htmlBytes: number;
  cssBytes: number;
  jsBytes: number;
  /** JavaScript fetched after the load event (the offline queue, workbox-window: when idle) */
  laterJsBytes: number;
  /** everything on the wire before the load event, response headers included */
  wireBytes: number;
  requests: number;
  usableMs: number;
  loadedMs: number;
  /** when React has hydrated the page (interactive with JavaScript: live search, client navigation) */
  hydratedMs: number;
  networkIdleMs: number;
};

async function load(
  browser: Browser,
  path: string,
  ready: string,
  slow: boolean,
  after?: (page: import("playwright-core").Page) => Promise<void>,
) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 400,
    downloadThroughput: RATE,
    uploadThroughput: slow ? 25_000 : RATE,
  });
  if (slow) await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });

  type Seen = { type: string; url: string; headers: number; bytes: number; late: boolean; end: number };
  const seen = new Map<string, Seen>();
  let loadedAt = Infinity;
  let inFlight = 0;
  cdp.on("Network.requestWillBeSent", () => inFlight++);
  cdp.on("Network.responseReceived", (e) =>
    seen.set(e.requestId, {
      type: e.type,
      url: e.response.url,
      headers: e.response.encodedDataLength ?? 0,
      bytes: 0,
      late: Date.now() > loadedAt,
      end: 0,
    }),
  );
  const done = (id: string, total: number) => {
    inFlight = Math.max(0, inFlight - 1);
    const s = seen.get(id);
    if (s) {
      s.bytes = Math.max(0, total - s.headers);
      s.end = Date.now();
    }
  };
  cdp.on("Network.loadingFinished", (e) => done(e.requestId, e.encodedDataLength));
  cdp.on("Network.loadingFailed", (e) => done(e.requestId, 0));

  const t0 = Date.now();
  await page.goto(BASE + path, { waitUntil: "commit" });
  await page.waitForSelector(ready, { state: "visible" });
  // Usable without JavaScript as soon as the content and its stylesheet are there.
  await page.waitForFunction(() => [...document.styleSheets].length > 0 && document.readyState !== "loading");
  const usableMs = Date.now() - t0;
  await page.waitForLoadState("load");
  loadedAt = Date.now();
  const loadedMs = loadedAt - t0;
  await page.waitForSelector("html[data-hydrated]", { state: "attached", timeout: 60_000 });
  const hydratedMs = Date.now() - t0;
  // Quiet: the page's own requests are over (Playwright's networkidle: none for 500 ms) and the
  // service worker, registered when the browser is idle, has installed (its precache is done).
  await page.waitForLoadState("networkidle");
  const worker = await page.evaluate(() =>
    Promise.race([
      navigator.serviceWorker.ready.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 60_000)),
    ]),
  );
  for (let waited = 0; inFlight > 0 && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  const lastEnd = Math.max(...[...seen.values()].map((s) => s.end), loadedAt);
  const networkIdleMs = Math.max(lastEnd, worker ? Date.now() - 500 : 0) - t0;

  const mine = [...seen.values()].filter((s) => s.url.startsWith(BASE));
  const sum = (list: Seen[], f: (s: Seen) => number) => list.reduce((a, s) => a + f(s), 0);
  const first = mine.filter((s) => !s.late);
  const result: Load = {
    htmlBytes: sum(
      first.filter((s) => s.type === "Document"),
      (s) => s.bytes,
    ),
    cssBytes: sum(
      first.filter((s) => s.type === "Stylesheet"),
      (s) => s.bytes,
    ),
    jsBytes: sum(
      first.filter((s) => s.type === "Script"),
      (s) => s.bytes,
    ),
    laterJsBytes: sum(
      mine.filter((s) => s.late && s.type === "Script"),
      (s) => s.bytes,
    ),
    wireBytes: sum(first, (s) => s.bytes + s.headers),
    requests: first.length,
    usableMs,
    loadedMs,
    hydratedMs,
    networkIdleMs,
  };
  await after?.(page);
  await context.close();
  return result;
}

/** What the service worker precached, per kind of file, compressed as the server sends it. */
async function precacheOf(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(BASE + SURVEY);
  const urls = await page.evaluate(async () => {
    const reg = await Promise.race([navigator.serviceWorker.ready, new Promise<null>((r) => setTimeout(() => r(null), 60_000))]);
    if (!reg) return null;
    const all: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.includes("precache")) continue;
      for (const req of await (await caches.open(name)).keys()) all.push(req.url);
    }
    return all;
  });
  await context.close();
  if (!urls) return null;
  const byKind: Record<string, { files: number; bytes: number }> = {};
  let bytes = 0;
  for (const url of urls) {
    const clean = url.replace(/\?__WB_REVISION__=.*$/, "");
    const n = await wireBytes(clean);
    const ext = /\.(\w+)$/.exec(new URL(clean).pathname)?.[1] ?? "other";
    const kind =
      ext === "js" ? "script" : ext === "css" ? "style" : ext === "html" ? "page" : /png|svg|ico/.test(ext) ? "image" : "other";
    byKind[kind] ??= { files: 0, bytes: 0 };
    byKind[kind].files++;
    byKind[kind].bytes += n;
    bytes += n;
  }
  return { files: urls.length, bytes, byKind, estimatedMs: Math.round((bytes / RATE) * 1000) };
}

async function main() {
  let own: RunningServer | undefined;
  if (!BASE) {
    const env = serverEnv(path.resolve("tests/.tmp/page-weight"), await freePort());
    prepareDatabase(env, { demo: true });
    own = await startServer(env);
    BASE = own.url;
  }
  try {
    await measure();
  } finally {
    own?.process.kill("SIGTERM");
  }
}

async function measure() {
  const browser = await launchChromium();
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  const log = (line: string) => {
    if (!JSON_OUT) console.log(line);
  };
  const pages: Record<string, { normal: Load; cpu4: Load }> = {};
  let sentMs = 0;
  for (const p of PAGES) {
    const normal = await load(browser, p.path, p.ready, false, async (page) => {
      if (p.name !== "survey") return;
      for (const [group, label] of [
        ["Giao thông", "Hài lòng"],
        ["Môi trường", "Bình thường"],
        ["Nước sinh hoạt", "Rất hài lòng"],
        ["An ninh trật tự", "Không ý kiến"],
        ["Đánh giá chung", "Hài lòng"],
      ]) {
        await page.getByRole("group", { name: group }).getByRole("radio", { name: label, exact: true }).check();
      }
      const t1 = Date.now();
      await page.getByRole("button", { name: "Gửi đánh giá" }).click();
      await page.waitForURL("**/thanks");
      await page.getByRole("heading", { name: "Cảm ơn bạn đã đánh giá!" }).waitFor();
      sentMs = Date.now() - t1;
    });
    const cpu4 = await load(browser, p.path, p.ready, true);
    pages[p.name] = { normal, cpu4 };
    log(`${p.name} ${p.path} (390x844 phone, ~400 kbit/s, 400 ms round trip, cache off):`);
    log(
      `  first load: HTML ${kb(normal.htmlBytes)} + CSS ${kb(normal.cssBytes)} = ${kb(normal.htmlBytes + normal.cssBytes)}, JavaScript ${kb(normal.jsBytes)} (compressed bodies; ${kb(normal.wireBytes)} on the wire with headers, ${normal.requests} requests); later when idle ${kb(normal.laterJsBytes)}`,
    );
    log(
      `  usable ${normal.usableMs} ms, loaded ${normal.loadedMs} ms, interactive ${normal.hydratedMs} ms, network quiet ${normal.networkIdleMs} ms`,
    );
    log(
      `  CPU x4, uploads 200 kbit/s: usable ${cpu4.usableMs} ms, loaded ${cpu4.loadedMs} ms, interactive ${cpu4.hydratedMs} ms, network quiet ${cpu4.networkIdleMs} ms`,
    );
  }
  log(`survey answer sent and thank-you shown ${sentMs} ms after pressing send`);
  const precache = await precacheOf(browser);
  if (precache) {
    const kinds = Object.entries(precache.byKind)
      .map(([k, v]) => `${k} ${v.files} files ${kb(v.bytes)}`)
      .join(", ");
    log(
      `service worker precache (after the load, when the browser is idle): ${precache.files} files, ${kb(precache.bytes)} compressed (${kinds}), about ${Math.round(precache.estimatedMs / 1000)} s at the same rate`,
    );
  } else log("no service worker (public/sw.js missing: run npm run build)");
  await browser.close();

  const survey = pages.survey.normal;
  const home = pages.home.cpu4;
  const pass =
    survey.htmlBytes + survey.cssBytes <= 20_000 &&
    survey.jsBytes <= 100_000 &&
    survey.usableMs <= 1000 &&
    home.loadedMs <= 3000 &&
    home.networkIdleMs <= 8000 &&
    (precache?.bytes ?? 0) <= 120_000;
  if (JSON_OUT) {
    console.log(
      JSON.stringify({
        page: SURVEY,
        htmlBytes: survey.htmlBytes,
        cssBytes: survey.cssBytes,
        jsBytes: survey.jsBytes,
        laterJsBytes: survey.laterJsBytes,
        wireBytes: survey.wireBytes,
        usableMs: survey.usableMs,
        loadedMs: survey.loadedMs,
        hydratedMs: survey.hydratedMs,
        networkIdleMs: survey.networkIdleMs,
        sentMs,
        cpu4: Object.fromEntries(Object.entries(pages).map(([k, v]) => [k, pick(v.cpu4)])),
        pages: Object.fromEntries(Object.entries(pages).map(([k, v]) => [k, v.normal])),
        precache,
        pass,
      }),
    );
  } else log(pass ? "within the budgets (decision 040)" : "OVER a budget (decision 040)");
  if (!pass) process.exitCode = 1;
}

function pick(l: Load) {
  return { usableMs: l.usableMs, loadedMs: l.loadedMs, hydratedMs: l.hydratedMs, networkIdleMs: l.networkIdleMs };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
