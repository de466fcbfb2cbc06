// Works (issue 22, "What must show") in Chromium against the production build with the demo data:
// a resident on a phone reports about a work from the work's own page; the official sees the
// warranty notice and forwards the report to the contractor, whose unit gets it and whose
// forwarding shows on the work's public history; the Front's supervision board records a
// "degraded" inspection with a photo, public on the work's page and in the official's inbox.
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { phonePage, sharedBrowser } from "../fixtures/browser";
import { jpegWithGps } from "../fixtures/images";

const baseUrl = inject("baseUrl");
const getBrowser = sharedBrowser();
const RUN = Date.now() % 100000;
const REPORT = `Đoạn đường liên thôn gần cống số ${RUN} bị sụt lún, nước đọng sau mưa.`;
const FINDINGS = `Tường nhà văn hóa nứt chân, mái thấm dột ở ${RUN} vị trí, sân bong tróc.`;
const CONTRACTOR = "Công ty CP Xây dựng Giao thông Vĩnh Bảo";
/** WCAG 2.0/2.1 A and AA violations on the page as it is (the same rules as a11y.test.ts). */
async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const DESKTOP = { viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 };

async function signIn(page: Page, email: string) {
  await page.goto(baseUrl + "/staff/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill("demo-password-2026");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(/\/staff(\/unit)?$/);
}

/** The official's inbox, filtered to one text. */
async function findInInbox(page: Page, words: string) {
  await page.goto(baseUrl + "/staff");
  await page.getByLabel("Tìm trong nội dung").fill(words);
  await page.getByRole("button", { name: "Lọc" }).click();
  await page.waitForURL(/q=/);
  const row = page.locator(".inbox li", { hasText: words });
  await expect.poll(() => row.count()).toBe(1);
  return row;
}

describe("works on the public pages and in the staff area", () => {
  it("a resident on a phone finds a work, reports about it from its page, and the report is linked to it", async () => {
    const { context, page, errors } = await phonePage(getBrowser());
    await page.goto(baseUrl + "/c/vinh-bao");
    await page.getByTestId("works-link").click();
    await page.waitForURL(/\/c\/vinh-bao\/works$/);
    await page.getByTestId("work-GT-02").getByRole("link").click();
    await page.waitForURL(/\/c\/vinh-bao\/works\/GT-02$/);
    expect(await page.getByTestId("work-name").innerText()).toBe("Đường liên thôn (demo)");
    expect(await page.getByTestId("warranty").first().innerText()).toContain("bảo hành");
    // The page fits the phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByTestId("work-report").click();
    await page.waitForURL(/\/c\/vinh-bao\/report\?work=GT-02$/);
    const picker = page.getByLabel("Phản ánh về công trình (không bắt buộc)");
    expect(await picker.inputValue()).toBe("GT-02");
    await page.getByRole("radio", { name: "Giao thông" }).check();
    await page.getByLabel("Mô tả sự việc").fill(REPORT);
    await page.getByRole("button", { name: "Gửi phản ánh" }).click();
    await page.waitForURL(/\/t\/[A-Z2-9]{5}-[A-Z2-9]{5}\?new=1$/);
    // The tracking page names the work and leads back to it.
    expect(await page.getByTestId("report-work").innerText()).toBe("Về công trình: Đường liên thôn (demo)");
    await page.getByTestId("report-work").getByRole("link").click();
    await page.waitForURL(/\/c\/vinh-bao\/works\/GT-02$/);
    await expect.poll(() => page.getByTestId("work-reports").innerText()).toContain(REPORT);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the official sees the warranty notice, forwards to the contractor; the history and the contractor's queue show it", async () => {
    const official = await phonePage(getBrowser(), DESKTOP);
    const o = official.page;
    await signIn(o, "vinhbao@demo.ntm.local");
    const row = await findInInbox(o, `cống số ${RUN}`);
    expect(await row.getByTestId("warranty-notice").innerText()).toMatch(
      new RegExp(`^Trong thời hạn bảo hành đến \\d{2}/\\d{2}/\\d{4} — nhà thầu ${CONTRACTOR}$`),
    );
    await row.getByRole("link").click();
    await o.waitForURL(/\/staff\/complaints\/\d+$/);
    expect(await o.getByTestId("warranty-notice").innerText()).toContain(`nhà thầu ${CONTRACTOR}`);
    const form = o.getByTestId("forward-contractor");
    expect(await form.getByRole("textbox").inputValue()).toContain("(GT-02) còn bảo hành đến");
    await form.getByRole("button", { name: "Chuyển nhà thầu xử lý theo bảo hành" }).click();
    await o.waitForURL(/\/staff\/complaints\/\d+$/);
    await expect.poll(() => o.getByTestId("with-contractor").innerText()).toBe("Đã chuyển nhà thầu.");

    // The work's public history names the contractor.
    const resident = await phonePage(getBrowser());
    await resident.page.goto(baseUrl + "/c/vinh-bao/works/GT-02");
    expect(await resident.page.getByTestId("work-history").innerText()).toContain(`Chuyển đến ${CONTRACTOR}`);

    // The contractor's account finds it in its unit's queue.
    const unit = await phonePage(getBrowser(), DESKTOP);
    await signIn(unit.page, "nhathau@demo.ntm.local");
    await unit.page.goto(baseUrl + "/staff/unit");
    await expect.poll(() => unit.page.locator(".inbox").innerText()).toContain(`cống số ${RUN}`);
    for (const ctx of [official, resident, unit]) {
      expect(ctx.errors).toEqual([]);
      await ctx.context.close();
    }
  });

  it("the Front records a degraded inspection with a photo: public on the work's page and in the official's inbox", async () => {
    const front = await phonePage(getBrowser(), DESKTOP);
    const f = front.page;
    await signIn(f, "mttq-vinhbao@demo.ntm.local");
    await f.getByRole("link", { name: "Công trình", exact: true }).click();
    await f.waitForURL(/\/staff\/works$/);
    // The demo Front covers more than one commune: the row of Vĩnh Bảo's cultural house.
    const work = f.locator("[data-testid^=inspect-]", { hasText: "Nhà văn hóa xã (demo)" }).filter({ hasText: "Vĩnh Bảo" });
    await work.getByRole("link", { name: "Ghi biên bản giám sát" }).click();
    await f.waitForURL(/\/staff\/works\/\d+\/inspect$/);

    // Findings too short: the form comes back with the message next to the field, the rest kept.
    await f.getByLabel("Thành viên đoàn giám sát").fill("Nguyễn Văn An, Trần Thị Bình");
    await f.getByLabel("Nhận xét, phát hiện").fill("Nứt");
    await f.getByRole("radio", { name: "Xuống cấp" }).check();
    await f.getByLabel("Nhận xét, phát hiện").evaluate((el) => el.removeAttribute("minlength"));
    await f.getByRole("button", { name: "Ghi kết quả" }).click();
    await expect.poll(() => f.locator("#findings-error").innerText()).toBe("Ghi nhận xét (10–2000 ký tự).");
    expect(await f.getByLabel("Thành viên đoàn giám sát").inputValue()).toBe("Nguyễn Văn An, Trần Thị Bình");

    await f.getByLabel("Nhận xét, phát hiện").fill(FINDINGS);
    await f.getByRole("radio", { name: "Xuống cấp" }).check();
    await f.getByLabel("Ảnh chụp công trình (không bắt buộc)").setInputFiles({
      name: "IMG_2001.jpg",
      mimeType: "image/jpeg",
      buffer: await jpegWithGps(1200, 900),
    });
    await f.getByRole("button", { name: "Ghi kết quả" }).click();
    await f.waitForURL(/\/staff\/works\?saved=\d+&filed=1$/);
    expect(await f.getByTestId("inspection-saved").innerText()).toContain("đã tạo phản ánh trong hộp thư của xã");
    expect(await work.innerText()).toContain("Xuống cấp");

    // Public: the inspection, its verdict and its photo on the work's page.
    await f.getByTestId("inspection-saved").getByRole("link").click();
    await f.waitForURL(/\/c\/vinh-bao\/works\/KH-01$/);
    const inspections = f.getByTestId("work-inspections");
    expect(await inspections.innerText()).toContain(FINDINGS);
    const photo = inspections.locator("li", { hasText: FINDINGS }).getByRole("img", { name: "Ảnh giám sát số 1" });
    await photo.scrollIntoViewIfNeeded();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

    // The official's inbox: a report of the board, with the warranty notice.
    const official = await phonePage(getBrowser(), DESKTOP);
    await signIn(official.page, "vinhbao@demo.ntm.local");
    const row = await findInInbox(official.page, `dột ở ${RUN} vị trí`);
    expect(await row.innerText()).toContain("[Ban giám sát đầu tư của cộng đồng] Nhà văn hóa xã (demo)");
    expect(await row.getByTestId("warranty-notice").innerText()).toContain("Trong thời hạn bảo hành đến");
    for (const ctx of [front, official]) {
      expect(ctx.errors).toEqual([]);
      await ctx.context.close();
    }
  });

  it("on a phone, the Front blurs a passer-by in that inspection photo: a new public photo, a confirmation", async () => {
    const { page, context, errors } = await phonePage(getBrowser());
    await signIn(page, "mttq-vinhbao@demo.ntm.local");
    await page.goto(baseUrl + "/staff/works");
    const work = page.locator("[data-testid^=inspect-]", { hasText: "Nhà văn hóa xã (demo)" }).filter({ hasText: "Vĩnh Bảo" });
    await work.getByRole("link", { name: "Ghi biên bản giám sát" }).click();
    await page.waitForURL(/\/staff\/works\/\d+\/inspect$/);
    const photos = page.getByTestId("inspection-photos-to-blur");
    const link = photos.getByRole("link", { name: "Làm mờ ảnh 1" }).first();
    const img = photos.getByRole("img").first();
    const publicUrl = await img.getAttribute("src");
    const before = await page.request.get(baseUrl + publicUrl);
    expect(await violations(page)).toEqual([]);
    await link.click();
    await page.waitForURL(/\/staff\/works\/\d+\/inspections\/\d+\/photos\/0$/);
    expect(await violations(page)).toEqual([]);
    await page.getByLabel("Cách mép trái (%)").first().fill("10");
    await page.getByLabel("Cách mép trên (%)").first().fill("20");
    await page.getByLabel("Chiều rộng (%)").first().fill("30");
    await page.getByLabel("Chiều cao (%)").first().fill("30");
    await page.getByRole("button", { name: "Làm mờ vĩnh viễn" }).click();
    await page.waitForURL(/\/inspect\?done=redacted#done$/);
    expect(await page.getByTestId("action-done").innerText()).toContain("Đã làm mờ ảnh");
    // The public address now serves another file (its version tag changed); the old one is gone.
    // (The bytes may be alike: the test photo is flat grey, so blurring changes no pixel.)
    const after = await page.request.get(baseUrl + publicUrl);
    expect(after.status()).toBe(200);
    expect(after.headers()["content-type"]).toBe("image/jpeg");
    expect(before.headers().etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(after.headers().etag).not.toBe(before.headers().etag);
    expect(errors).toEqual([]);
    await context.close();
  });
});
