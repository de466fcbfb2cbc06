// A resident on a phone: find the commune without diacritics, answer, see the thank-you.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { phonePage, sharedBrowser } from "../fixtures/browser";

const baseUrl = inject("baseUrl");
const getBrowser = sharedBrowser();

async function answerSurvey(page: Page, comment: string) {
  // Roads: dissatisfied; environment: satisfied; water: very satisfied; security: no opinion; overall: neutral.
  const choose = async (criterion: string, label: string) => {
    await page.getByRole("group", { name: criterion }).getByRole("radio", { name: label, exact: true }).check();
  };
  await choose("Giao thông", "Không hài lòng");
  await choose("Môi trường", "Hài lòng");
  await choose("Nước sinh hoạt", "Rất hài lòng");
  await choose("An ninh trật tự", "Không ý kiến");
  await choose("Đánh giá chung", "Bình thường");
  await page.getByLabel("Góp ý thêm (không bắt buộc)").fill(comment);
  await page.getByLabel("Thôn, khu dân cư (không bắt buộc)").fill("Thôn Đông");
}

describe("survey on a phone", () => {
  it("finds a commune typed without diacritics, answers, and sees the thank-you with scores", async () => {
    const { page, context, errors } = await phonePage(getBrowser());
    await page.goto(baseUrl + "/");
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe("vi");
    await page.getByLabel("Tìm xã, phường, đặc khu").pressSequentially("vinh bao", { delay: 30 });
    // Filters as you type (JavaScript on): Vĩnh Bảo stays, others go.
    await expect.poll(() => page.locator(".commune-group a").count()).toBeLessThan(5);
    expect(await page.locator(".commune-group a").allInnerTexts()).toContain("Xã Vĩnh Bảo");
    await page.getByRole("link", { name: "Xã Vĩnh Bảo" }).click();
    await page.waitForURL("**/c/vinh-bao");
    await page.getByRole("link", { name: "Đánh giá xã, phường này" }).click();
    await page.waitForURL("**/c/vinh-bao/survey");

    const evil = `<img src=x onerror="alert('xss')"><script>alert(1)</script> Đường hỏng`;
    await answerSurvey(page, evil);
    // Touch targets: each face is at least 48px high.
    const box = await page.locator(".rating__choice").first().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await page.waitForURL("**/c/vinh-bao/thanks");
    await expect.poll(() => page.getByRole("heading", { name: "Cảm ơn bạn đã đánh giá!" }).isVisible()).toBe(true);
    expect(await page.getByTestId("my-comment").innerText()).toBe(evil);
    expect(await page.locator(".score-table tbody tr").count()).toBe(5);
    // The chart (chart.js, loaded on demand) drew something.
    await expect.poll(() => page.locator(".score-chart canvas").evaluate((c: HTMLCanvasElement) => c.width > 0)).toBe(true);

    // Coming back to the survey in the same quarter: a polite "already answered".
    await page.goto(baseUrl + "/c/vinh-bao/survey");
    expect(await page.locator(".notice").innerText()).toContain("Bạn đã đánh giá xã này");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("works with JavaScript turned off (plain form posts)", async () => {
    const { page, context, errors } = await phonePage(getBrowser(), { javaScriptEnabled: false });
    await page.goto(baseUrl + "/");
    await page.getByLabel("Tìm xã, phường, đặc khu").fill("cam giang");
    await page.getByRole("button", { name: "Tìm" }).click();
    await page.waitForURL("**/?q=cam+giang");
    // Both "Cẩm Giàng" and "Cẩm Giang" are found, each with its own page.
    const links = await page.locator(".commune-group a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links).toEqual(expect.arrayContaining(["/c/cam-giang", "/c/cam-giang-2"]));
    await page.goto(baseUrl + "/c/cam-giang-2/survey");
    await answerSurvey(page, "Nước máy có mùi");
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await page.waitForURL("**/c/cam-giang-2/thanks");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Cảm ơn bạn đã đánh giá!");
    expect(await page.getByTestId("my-comment").innerText()).toBe("Nước máy có mùi");
    expect(await page.locator(".score-table").isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("without JavaScript, a missing answer comes back with a message next to it and the rest kept", async () => {
    const { page, context } = await phonePage(getBrowser(), { javaScriptEnabled: false });
    await page.goto(baseUrl + "/c/tien-lang/survey");
    await page.getByRole("group", { name: "Giao thông" }).getByRole("radio", { name: "Hài lòng", exact: true }).check();
    await page.getByLabel("Góp ý thêm (không bắt buộc)").fill("Giữ lại nội dung này");
    // Leave the other criteria unanswered, past the browser's own "required" check.
    await page.locator("form.survey").evaluate((f: HTMLFormElement) => (f.noValidate = true));
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Gửi đánh giá" }).click(),
    ]);
    expect(response.status()).toBe(400);
    await page.waitForLoadState();
    expect(await page.locator("#form-error").innerText()).toContain("mục cần sửa");
    expect(await page.getByRole("group", { name: "Môi trường" }).locator(".field-error").innerText()).toBe(
      "Hãy chọn một mức, hoặc “Không ý kiến”.",
    );
    expect(await page.getByLabel("Góp ý thêm (không bắt buộc)").inputValue()).toBe("Giữ lại nội dung này");
    expect(await page.getByRole("group", { name: "Giao thông" }).locator("input[value='4']").isChecked()).toBe(true);
    await context.close();
  });
});

describe("the commune page in English", () => {
  it("switches language, remembers it, and shows recognition next to the scores", async () => {
    const { page, context, errors } = await phonePage(getBrowser());
    await page.goto(baseUrl + "/c/vinh-bao");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe("en");
    // The page's English words may arrive a moment after the language (per-page namespaces).
    await expect.poll(() => page.getByRole("heading", { name: "Residents' satisfaction" }).isVisible()).toBe(true);
    expect(await page.locator(".recognition__label").innerText()).toContain("New Rural Development recognition");
    expect(await page.locator(".demo-banner").innerText()).toContain("Demo data.");
    // A new page load keeps English.
    await page.goto(baseUrl + "/c/tien-lang");
    expect(await page.getByRole("link", { name: "Rate this commune" }).isVisible()).toBe(true);
    expect(await page.locator("th", { hasText: "Roads and transport" }).count()).toBe(1);
    // Unknown commune: 404 in English.
    const res = await page.goto(baseUrl + "/c/does-not-exist");
    expect(res!.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Page not found");
    expect(errors).toEqual([]);
    await context.close();
  });
});
