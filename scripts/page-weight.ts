// npm run page-weight: the survey page on a weak connection. Chromium (DevTools protocol) throttled
// to about 400 kbit/s with a 400 ms round trip, cache off: compressed transfer sizes of the HTML,
// CSS and JavaScript, the time until the form can be used and until an answer is sent.
// Run against a server that is already up: BASE_URL (default http://127.0.0.1:3000).
import { launchChromium } from "./lib/harness";

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
  console.log(`Survey page ${PATH} on ~400 kbit/s, 400 ms round trip, cache off (390x844 phone):`);
  console.log(
    `  HTML ${kb(html)}   CSS ${kb(css)}   HTML + CSS ${kb(html + css)} (target < 40 KB)   JavaScript ${kb(js)} (compressed, on the wire)`,
  );
  console.log(`  form usable after ${usable} ms (target < 3000 ms); page fully loaded (JavaScript included) after ${loaded} ms`);

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
  console.log(`  answer sent and thank-you shown ${Date.now() - t1} ms after pressing send`);
  await browser.close();
  if (html + css > 40 * 1024 || usable > 3000) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
