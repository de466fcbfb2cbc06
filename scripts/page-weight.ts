// npm run page-weight: the survey page on a weak connection. Chromium (DevTools protocol) throttled
// to about 400 kbit/s with a 400 ms round trip, cache off: compressed transfer sizes of the HTML,
// CSS and JavaScript, the time until the form can be used and until an answer is sent.
// The service worker's precache (the app shell, fetched after the page has loaded, by the worker)
// is reported separately: it is not part of the first load. `--json` prints one JSON object.
// Run against a server that is already up: BASE_URL (default http://127.0.0.1:3000).
import http from "node:http";
import { launchChromium } from "./lib/harness";

const JSON_OUT = process.argv.includes("--json");

/** Bytes on the wire (gzip, as the server sends them) of one URL. */
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

const BASE = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const PATH = process.env.PAGE ?? "/c/vinh-bao/survey";

async function main() {
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 400,
    downloadThroughput: 50_000,
    uploadThroughput: 50_000,
  });

  const sizes = new Map<string, { type: string; url: string; bytes: number }>();
  cdp.on("Network.responseReceived", (e) => sizes.set(e.requestId, { type: e.type, url: e.response.url, bytes: 0 }));
  cdp.on("Network.loadingFinished", (e) => {
    const s = sizes.get(e.requestId);
    if (s) s.bytes = e.encodedDataLength;
  });

  const t0 = Date.now();
  await page.goto(BASE + PATH, { waitUntil: "commit" });
  await page.waitForSelector("form.survey button[type=submit]", { state: "visible" });
  // Usable without JavaScript as soon as the form and its stylesheet are there.
  await page.waitForFunction(() => [...document.styleSheets].length > 0 && document.readyState !== "loading");
  const usable = Date.now() - t0;
  await page.waitForLoadState("load");
  const loaded = Date.now() - t0;
  await page.waitForLoadState("networkidle");

  const byType = (t: string) =>
    [...sizes.values()].filter((s) => s.type === t && s.url.startsWith(BASE)).reduce((a, s) => a + s.bytes, 0);
  const html = byType("Document");
  const css = byType("Stylesheet");
  const js = byType("Script");
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  const log = (line: string) => {
    if (!JSON_OUT) console.log(line);
  };
  log(`Survey page ${PATH} on ~400 kbit/s, 400 ms round trip, cache off (390x844 phone):`);
  log(
    `  HTML ${kb(html)}   CSS ${kb(css)}   HTML + CSS ${kb(html + css)} (target < 40 KB)   JavaScript ${kb(js)} (compressed, on the wire)`,
  );
  log(`  form usable after ${usable} ms (target < 3000 ms); page fully loaded (JavaScript included) after ${loaded} ms`);

  // Later, in the background: the service worker installs and precaches the app shell.
  const precached = await page.evaluate(async () => {
    const reg = await Promise.race([navigator.serviceWorker.ready, new Promise<null>((r) => setTimeout(() => r(null), 120_000))]);
    if (!reg) return null;
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.includes("precache")) continue;
      for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
    }
    return urls;
  });
  let precache: { files: number; bytes: number } | null = null;
  if (precached) {
    const sizes = await Promise.all(precached.map((u) => wireBytes(u.replace(/\?__WB_REVISION__=.*$/, ""))));
    precache = { files: precached.length, bytes: sizes.reduce((a, b) => a + b, 0) };
    // The worker's requests are not throttled here (the emulation applies to the page): the time
    // on the phone's link is estimated from the bytes, at the same 50 KB/s.
    log(
      `  later, service worker precache (app shell, in the background): ${precache.files} files, ${kb(precache.bytes)} compressed, about ${Math.round(precache.bytes / 50_000)} s at the same rate (files the page already loaded come from the browser's HTTP cache on a real phone)`,
    );
  } else log("  no service worker (public/sw.js missing: run npm run build)");

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
  const sent = Date.now() - t1;
  log(`  answer sent and thank-you shown ${sent} ms after pressing send`);
  await browser.close();
  const pass = html + css <= 40 * 1024 && usable <= 3000;
  if (JSON_OUT) {
    console.log(
      JSON.stringify({
        page: PATH,
        htmlBytes: html,
        cssBytes: css,
        jsBytes: js,
        usableMs: usable,
        loadedMs: loaded,
        sentMs: sent,
        precache,
        pass,
      }),
    );
  }
  if (!pass) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
