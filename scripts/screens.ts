// Screenshots of the pages changed for issue 14, at phone (390×844) and desktop (1366×768)
// width, into docs/screens/ (PNG, first screen only, palette-compressed to stay small). Runs the
// production build on a fresh demo database; map tiles are a flat local fixture.
// Usage: npm run build && tsx scripts/screens.ts
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import type { Browser, Page } from "playwright-core";
import { freePort, launchChromium, prepareDatabase, serverEnv, startServer } from "./lib/harness";

const OUT = "docs/screens";
const TILE = fs.readFileSync("tests/fixtures/tile.png");
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 768 } } as const;

async function session(browser: Browser, size: keyof typeof SIZES, base: string, email?: string) {
  const context = await browser.newContext({ viewport: SIZES[size], isMobile: size === "phone", hasTouch: size === "phone" });
  await context.route(/^https?:\/\/tiles\.invalid\//, (r) => r.fulfill({ status: 200, contentType: "image/png", body: TILE }));
  const page = await context.newPage();
  if (email) {
    await page.goto(base + "/staff/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Mật khẩu").fill("demo-password-2026");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL(/\/staff(\?.*)?$/);
  }
  return { context, page };
}

async function shoot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  const png = await page.screenshot({ fullPage: false });
  const file = path.join(OUT, `${name}.png`);
  await sharp(png).png({ palette: true, colours: 64, compressionLevel: 9 }).toFile(file);
  console.log(`${file}\t${(fs.statSync(file).size / 1024).toFixed(0)} kB`);
}

const dir = path.resolve("tests/.tmp/screens");
const env = serverEnv(dir, await freePort(), { MAP_TILE_URL: "http://tiles.invalid/{z}/{x}/{y}.png" });
prepareDatabase(env, { demo: true });
const server = await startServer(env);
const browser = await launchChromium();
fs.mkdirSync(OUT, { recursive: true });
try {
  // A few located reports for the maps (the demo data has none), filed through the real form.
  const filer = await browser.newContext({ javaScriptEnabled: false });
  const f = await filer.newPage();
  for (const [text, lat, lng] of [
    ["Ổ gà lớn giữa đường trục xã, xe máy dễ ngã khi trời mưa.", "20.7012", "106.4853"],
    ["Rác đổ trộm ven kênh Tây, bốc mùi cả tuần nay.", "20.6921", "106.4738"],
    ["Đèn đường cổng chợ hỏng hai tuần chưa thay.", "20.7104", "106.4981"],
  ]) {
    await f.goto(server.url + "/c/vinh-bao/report");
    await f.getByRole("radio", { name: "Giao thông" }).check();
    await f.getByLabel("Mô tả sự việc").fill(text);
    await f.getByText("Tọa độ GPS (nếu biết)").click();
    await f.getByLabel("Vĩ độ").fill(lat);
    await f.getByLabel("Kinh độ").fill(lng);
    await f.getByRole("button", { name: "Gửi phản ánh" }).click();
    await f.waitForURL(/\/t\//);
  }
  await filer.close();

  for (const size of Object.keys(SIZES) as (keyof typeof SIZES)[]) {
    const resident = await session(browser, size, server.url);
    const p = resident.page;
    await p.goto(server.url + "/");
    await shoot(p, `home-${size}`);
    await p.goto(server.url + "/c/vinh-bao");
    await shoot(p, `commune-${size}`);
    await p.goto(server.url + "/c/vinh-bao/report");
    await p.getByTestId("open-map").click();
    await p.locator(".leaflet-tile-loaded").first().waitFor();
    const box = (await p.getByTestId("report-map").boundingBox())!;
    await p.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await p.getByTestId("report-map").scrollIntoViewIfNeeded();
    await shoot(p, `report-map-${size}`);
    await p.goto(server.url + "/c/vinh-bao/works/GT-02");
    await shoot(p, `work-${size}`);
    await resident.context.close();

    const official = await session(browser, size, server.url, "vinhbao@demo.ntm.local");
    const o = official.page;
    await o.goto(server.url + "/staff");
    await shoot(o, `inbox-${size}`);
    await o.locator(".inbox a").first().click();
    await o.waitForURL(/\/staff\/complaints\/\d+$/);
    const note = o.getByRole("button", { name: "Lưu ghi chú nội bộ" });
    if (await note.count()) {
      await o.locator("textarea[name=body]").fill("Đã gọi điện cho trưởng thôn.");
      await note.click();
      await o.getByTestId("action-done").waitFor();
    }
    await shoot(o, `complaint-${size}`);
    await o.goto(server.url + "/staff/map");
    await o.locator(".leaflet-interactive").first().waitFor();
    await shoot(o, `staff-map-${size}`);
    await official.context.close();

    const council = await session(browser, size, server.url, "hdnd@demo.ntm.local");
    const c = council.page;
    await c.goto(server.url + "/staff/council");
    await c.locator("[data-testid=dashboard-table]").scrollIntoViewIfNeeded();
    await shoot(c, `council-${size}`);
    await c.goto(server.url + "/staff/council/kien-thuy");
    await shoot(c, `dossier-${size}`);
    await c.goto(server.url + "/staff/council/works");
    await shoot(c, `works-city-${size}`);
    await council.context.close();

    const front = await session(browser, size, server.url, "mttq-vinhbao@demo.ntm.local");
    await front.page.goto(server.url + "/staff/works");
    await shoot(front.page, `front-works-${size}`);
    await front.context.close();
  }
} finally {
  await browser.close();
  server.process.kill("SIGTERM");
}
