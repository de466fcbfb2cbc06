// What residents, officials and a unit tripped over (issue 23, points 3-4), in a real browser:
// the send button and its progress, one confirmation (focused, on screen) after each action, the
// unit named where it acted, a merged reporter who follows and rates the kept report, merge
// candidates with place and photo, the unit's deadline/map/photos, the household code's ways on,
// and the survey's face labels and skipped questions.
import path from "node:path";
import Database from "better-sqlite3";
import type { Page, Route } from "playwright-core";
import sharp from "sharp";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { phonePage, sharedBrowser } from "../fixtures/browser";
import { thonTayCodes } from "../fixtures/demo";

const baseUrl = inject("baseUrl");
const getBrowser = sharedBrowser();
const DB_FILE = path.resolve("tests/.tmp/e2e/app.db");
const DESKTOP = { viewport: { width: 1366, height: 768 } };

function row<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(DB_FILE, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

async function signIn(page: Page, email: string, landing: RegExp) {
  await page.goto(baseUrl + "/staff/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill("demo-password-2026");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(landing);
}

/** The confirmation: at the top of what the screen shows, with the focus (a screen reader reads it). */
async function expectConfirmation(page: Page, text: string) {
  await expect.poll(() => page.getByTestId("action-done").innerText()).toContain(text);
  expect(await page.getByTestId("action-done").getAttribute("role")).toBe("status");
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("done");
  const box = (await page.getByTestId("action-done").boundingBox())!;
  const height = page.viewportSize()!.height;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(height);
}

/** A request held until `release()`; `seen()` counts the matching requests. */
function hold(pattern: (url: string, method: string) => boolean) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let seen = 0;
  const handler = async (route: Route) => {
    const req = route.request();
    if (!pattern(req.url(), req.method())) return route.fallback();
    seen++;
    await gate;
    await route.continue();
  };
  return { handler, release: () => release(), seen: () => seen };
}

let photo: Buffer;
beforeAll(async () => {
  photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 40, g: 90, b: 140 } } })
    .jpeg({ quality: 95 })
    .toBuffer();
});

describe("a report, merged, forwarded, handled by the water company and rated", () => {
  const stamp = Date.now() % 100000;
  const KEPT = `Nước máy xóm Giếng ${stamp} đục ngầu, có mùi bùn, đã ba ngày nay không dùng được.`;
  const DUP = `Nước ở xóm Giếng ${stamp} bẩn, đục như nước ao, gia đình tôi phải mua nước bình.`;
  const REPLY = `Công ty đã súc rửa đường ống xóm Giếng ${stamp}, nước đã trong trở lại.`;
  let keptCode = "";
  let dupCode = "";

  it("sends once: the button disabled and the upload's progress beside it, a second tap sends nothing", async () => {
    const { context, page, errors } = await phonePage(getBrowser(), {
      serviceWorkers: "block",
      geolocation: { latitude: 20.6812, longitude: 106.5023 },
      permissions: ["geolocation"],
    });
    await page.goto(baseUrl + "/c/vinh-bao/report");
    // The offline agent, which sends with progress, arrives after the load event.
    await page.waitForFunction(() => document.documentElement.dataset.offlineAgent === "ready");
    await page.getByRole("radio", { name: "Nước sinh hoạt" }).check();
    await page.getByLabel("Mô tả sự việc").fill(KEPT);
    await page.getByLabel("Thôn, khu dân cư (không bắt buộc)").fill("Xóm Giếng");
    await page.getByRole("button", { name: "Dùng vị trí hiện tại của tôi" }).click();
    await expect.poll(() => page.getByTestId("location-set").innerText()).toContain("20.681200");
    await page.getByLabel("Ảnh (không bắt buộc)").setInputFiles({ name: "nuoc.jpg", mimeType: "image/jpeg", buffer: photo });

    const post = hold((url, method) => method === "POST" && url.includes("/c/vinh-bao/report"));
    await context.route(/\/c\/vinh-bao\/report/, post.handler);
    const next = hold((url) => /\/t\/[A-Z2-9-]+\?new=1/.test(url));
    await context.route(/\/t\//, next.handler);
    const send = page.locator("form.report .send-row button");
    // The thumb taps the button at the bottom edge of the screen: the progress appears below it.
    await send.evaluate((el) => el.scrollIntoView({ block: "end" }));
    await send.click();
    await expect.poll(() => post.seen(), { timeout: 10_000 }).toBe(1);
    // While the upload runs: the button is disabled, the progress is right under it, on screen.
    expect(await send.isDisabled()).toBe(true);
    const progress = page.getByTestId("send-progress");
    await expect.poll(() => progress.innerText()).toMatch(/Đang gửi… \d+%/);
    const b = (await send.boundingBox())!;
    const p = (await progress.boundingBox())!;
    expect(p.y).toBeGreaterThanOrEqual(b.y + b.height - 1);
    expect(p.y - (b.y + b.height)).toBeLessThan(40);
    expect(p.y + p.height).toBeLessThanOrEqual(844);
    expect(p.y).toBeGreaterThanOrEqual(0);
    await send.click({ force: true, noWaitAfter: true });
    post.release();
    // Sent; the tracking page is still loading: the button stays disabled, another tap sends nothing.
    await expect.poll(() => next.seen(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await send.isDisabled()).toBe(true);
    await send.click({ force: true, noWaitAfter: true });
    await page.waitForTimeout(300);
    next.release();
    await page.waitForURL(/\/t\/[A-Z2-9]{5}-[A-Z2-9]{5}\?new=1$/);
    expect(post.seen()).toBe(1);
    keptCode = (await page.getByTestId("tracking-code").innerText()).trim();
    // No contact left: the page says no message will come, and how to see news.
    expect(await page.getByTestId("news-by").innerText()).toContain("sẽ không có tin nhắn");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("keeps working without JavaScript (a second report, near the first)", async () => {
    const { context, page, errors } = await phonePage(getBrowser(), { javaScriptEnabled: false });
    await page.goto(baseUrl + "/c/vinh-bao/report");
    await page.getByRole("radio", { name: "Nước sinh hoạt" }).check();
    await page.getByLabel("Mô tả sự việc").fill(DUP);
    await page.getByLabel("Thôn, khu dân cư (không bắt buộc)").fill("Xóm Giếng");
    await page.getByText("Tọa độ GPS (nếu biết)").click();
    await page.getByLabel("Vĩ độ").fill("20.6822");
    await page.getByLabel("Kinh độ").fill("106.5023");
    await page.getByRole("button", { name: "Gửi phản ánh" }).click();
    await page.waitForURL(/\/t\/[A-Z2-9]{5}-[A-Z2-9]{5}\?new=1$/);
    dupCode = (await page.getByTestId("tracking-code").innerText()).trim();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the official merges (candidates with place and photo), forwards and changes urgency: a confirmation after each", async () => {
    const context = await getBrowser().newContext(DESKTOP);
    const o = await context.newPage();
    const errors: string[] = [];
    o.on("pageerror", (e) => errors.push(e.message));
    await signIn(o, "vinhbao@demo.ntm.local", /\/staff(\?.*)?$/);
    // Row checkboxes of the inbox: 24 × 24 px at least.
    const box = (await o.locator("input.inbox__select").first().boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);

    const dupId = row<{ id: number }>("SELECT id FROM Complaint WHERE code = ?", dupCode).id;
    const keptId = row<{ id: number }>("SELECT id FROM Complaint WHERE code = ?", keptCode).id;
    await o.goto(`${baseUrl}/staff/complaints/${dupId}/merge`);
    const candidate = o.locator("label.choice", { hasText: keptCode });
    // The place: the village and how far from this report (about 111 m north), and the photo.
    expect(await candidate.getByTestId("merge-place").innerText()).toMatch(/^Xóm Giếng · cách phản ánh này 1\d\d m$/);
    const thumb = candidate.locator("img");
    expect(await thumb.getAttribute("src")).toMatch(/^\/photos\/\d+\?size=thumb$/);
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    // The nearest candidate comes first.
    expect(await o.locator("label.choice").first().innerText()).toContain(keptCode);
    await candidate.locator("input").check();
    await o.getByRole("button", { name: "Gộp" }).click();
    await o.waitForURL(new RegExp(`/staff/complaints/${keptId}\\?done=merged#done$`));
    await expectConfirmation(o, "Đã gộp phản ánh trùng vào phản ánh này.");

    // The photo, public, so that the unit and the residents see it.
    await o.getByRole("button", { name: "Duyệt công khai" }).first().click();
    await expectConfirmation(o, "Đã cập nhật ảnh.");

    await o.goto(`${baseUrl}/staff/complaints/${keptId}/urgency`);
    await o.getByRole("radio", { name: "Khẩn" }).check();
    await o.getByLabel("Lý do").fill("Cả xóm không có nước sạch để dùng.");
    await o.getByRole("button", { name: "Lưu" }).click();
    await o.waitForURL(/\?done=urgency#done$/);
    await expectConfirmation(o, "Đã đổi mức độ khẩn và tính lại hạn xử lý.");

    await o.goto(`${baseUrl}/staff/complaints/${keptId}/forward`);
    await o
      .getByLabel("Đơn vị")
      .selectOption({ label: "Công ty nước sạch Hải Phòng (Công ty nước)" })
      .catch(async () => {
        const value = await o
          .locator("select[name=unitId] option", { hasText: "Công ty nước sạch Hải Phòng" })
          .getAttribute("value");
        await o.locator("select[name=unitId]").selectOption(value!);
      });
    await o.getByLabel("Ghi chú cho đơn vị (nội bộ)").fill("Nhờ công ty kiểm tra đường ống xóm Giếng.");
    await o.getByRole("button", { name: "Chuyển", exact: true }).click();
    await o.waitForURL(/\?done=forwarded#done$/);
    await expectConfirmation(o, "Đã chuyển phản ánh cho đơn vị.");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the water company sees the deadline, the map link and the photo; accepts and resolves it", async () => {
    const context = await getBrowser().newContext(DESKTOP);
    const u = await context.newPage();
    await signIn(u, "nuocsach@demo.ntm.local", /\/staff\/unit$/);
    const keptId = row<{ id: number }>("SELECT id FROM Complaint WHERE code = ?", keptCode).id;
    await u.goto(`${baseUrl}/staff/unit/${keptId}`);
    expect(await u.getByTestId("unit-deadline").innerText()).toMatch(/\d{1,2}\/\d{1,2}\/\d{4}|\d{4}/);
    expect(await u.getByTestId("unit-map").getAttribute("href")).toContain("mlat=20.6812&mlon=106.5023");
    const img = u.getByTestId("unit-photos").locator("img");
    expect(await img.count()).toBe(1);
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
    await u.getByRole("button", { name: "Tiếp nhận" }).click();
    await u.getByLabel("Trả lời công khai cho người dân khi xử lý xong").fill(REPLY);
    await u.getByRole("button", { name: "Đã xử lý xong" }).click();
    await expect.poll(() => u.getByTestId("status").innerText()).toBe("Đã giải quyết");
    await context.close();
  });

  it("residents see the company named where it acted; the merged reporter follows and rates the kept report", async () => {
    const { context, page, errors } = await phonePage(getBrowser());
    await page.goto(`${baseUrl}/t/${keptCode}`);
    const reply = page.locator(".timeline__item--reply");
    expect(await reply.locator(".timeline__meta").innerText()).toContain("Công ty nước sạch Hải Phòng");
    expect(await reply.innerText()).toContain(REPLY);
    expect(await page.locator(".timeline__item--forward_accepted .timeline__meta").innerText()).toContain(
      "Công ty nước sạch Hải Phòng",
    );
    // Rating: the confirmation at the top of the reloaded page, focused.
    await page.getByText("4 Tốt").click();
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await page.waitForURL(/\?done=rated#done$/);
    await expectConfirmation(page, "Đã ghi nhận đánh giá của bạn.");

    // The commune page names the company next to its reply.
    await page.goto(`${baseUrl}/c/vinh-bao`);
    const line = page.locator(".complaint-list__reply", { hasText: REPLY });
    expect(await line.locator("strong").innerText()).toBe("Công ty nước sạch Hải Phòng:");

    // The duplicate's reporter: the kept report's replies (its code never shown) and a rating.
    await page.goto(`${baseUrl}/t/${dupCode}`);
    const kept = page.getByTestId("kept-report");
    expect(await kept.innerText()).toContain(REPLY);
    expect(await kept.innerText()).toContain("Công ty nước sạch Hải Phòng");
    expect(await page.content()).not.toContain(keptCode);
    await page.getByText("5 Rất tốt").click();
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await page.waitForURL(/\?done=rated#done$/);
    await expectConfirmation(page, "Đã ghi nhận đánh giá của bạn.");
    expect(row<{ r: number | null }>("SELECT handlingRating AS r FROM Complaint WHERE code = ?", dupCode).r).toBe(5);
    expect(row<{ r: number | null }>("SELECT handlingRating AS r FROM Complaint WHERE code = ?", keptCode).r).toBe(4);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("household code and survey", () => {
  let codes: string[] = [];
  beforeAll(async () => {
    codes = await thonTayCodes();
  });

  it("offers a report when the comment describes a problem; a used code shows its dashes and the ways on", async () => {
    const { context, page, errors } = await phonePage(getBrowser(), { serviceWorkers: "block" });
    const code = codes[28];
    await page.goto(`${baseUrl}/b/${code.replace(/-/g, "").toLowerCase()}`);
    for (const key of ["roads", "environment", "water", "security", "overall"])
      await page.locator(`input[name=r_${key}][value="3"]`).check({ force: true });
    await page.getByLabel(/Góp ý/).fill("Đường trục thôn Tây bị sụt lún, ổ gà sâu, trời mưa ngập nước.");
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await page.waitForURL(/\/b\/thanks\?c=vinh-bao/);
    const prompt = page.getByTestId("thanks-report");
    expect(await prompt.getAttribute("class")).toContain("report-prompt--problem");
    expect(await prompt.getByRole("link").getAttribute("href")).toBe("/c/vinh-bao/report");

    const res = await page.goto(`${baseUrl}/b/${code.replace(/-/g, "")}`);
    expect(res!.status()).toBe(400);
    expect(await page.locator("input[name=code]").inputValue()).toBe(code);
    const ways = page.getByTestId("ways-on");
    expect(await ways.getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual([
      "/c/vinh-bao",
      "/c/vinh-bao/report",
      "/t",
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("face labels are 14 px or more and at most two lines at 390 px; a skipped question is pointed at", async () => {
    const { context, page, errors } = await phonePage(getBrowser(), { serviceWorkers: "block" });
    await page.goto(`${baseUrl}/c/an-lao/survey`);
    const labels = page.locator(".rating__faces .rating__label");
    const sizes = await labels.evaluateAll((els) =>
      els.map((el) => ({
        what: `${el.textContent} ${Math.round(el.getBoundingClientRect().width)}px`,
        px: parseFloat(getComputedStyle(el).fontSize),
        lines: Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)),
      })),
    );
    expect(sizes.length).toBeGreaterThanOrEqual(25);
    for (const s of sizes) {
      expect(s.px).toBeGreaterThanOrEqual(14);
      expect(s.lines, s.what).toBeLessThanOrEqual(2);
    }
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Every question but "water" answered: the focus goes to it, with the message next to it.
    for (const key of ["roads", "environment", "security", "overall"])
      await page.locator(`input[name=r_${key}][value="4"]`).check({ force: true });
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("r_water-fieldset");
    expect(await page.locator("#r_water-fieldset .field-error").innerText()).toBe("Hãy chọn một mức, hoặc “Không ý kiến”.");
    const f = (await page.locator("#r_water-fieldset").boundingBox())!;
    expect(f.y).toBeLessThan(844);
    expect(f.y + 40).toBeGreaterThan(0);
    expect(page.url()).toMatch(/\/c\/an-lao\/survey$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("without JavaScript a skipped question comes back from the server: 400, the message next to it, answers kept", async () => {
    const { context, page, errors } = await phonePage(getBrowser(), { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/c/an-lao/survey`);
    for (const key of ["roads", "environment", "security", "overall"])
      await page.locator(`input[name=r_${key}][value="2"]`).check({ force: true });
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Gửi đánh giá" }).click(),
    ]);
    expect(res.status()).toBe(400);
    await page.waitForLoadState();
    expect(await page.locator("#r_water-fieldset .field-error").innerText()).toBe("Hãy chọn một mức, hoặc “Không ý kiến”.");
    for (const key of ["roads", "environment", "security", "overall"])
      expect(await page.locator(`input[name=r_${key}][value="2"]`).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
