// Issue 12 on a phone with JavaScript off: the similar-reports list shows a real thumbnail of the
// approved photo (not the full photo scaled down), and after "me too" the resident leaves an
// e-mail on the confirmation page: a wrong one is refused next to the field, in Vietnamese.
import sharp from "sharp";
import { describe, expect, inject, it } from "vitest";
import { phonePage, sharedBrowser } from "../fixtures/browser";

const baseUrl = inject("baseUrl");
const getBrowser = sharedBrowser();
const VILLAGE = `Xóm Bến ${Date.now() % 100000}`;
const TEXT = "Cột đèn ở đầu xóm Bến bị nghiêng sắp đổ, rất nguy hiểm cho người đi đường.";

describe("me too, with news and thumbnails, without JavaScript", () => {
  it("shows the approved photo as a small thumbnail and takes a supporter's e-mail on the confirmation page", async () => {
    // A resident files a report with a photo.
    const first = await phonePage(getBrowser(), { javaScriptEnabled: false });
    const p1 = first.page;
    await p1.goto(baseUrl + "/c/vinh-bao/report");
    await p1.getByRole("radio", { name: "Giao thông" }).check();
    await p1.getByLabel("Mô tả sự việc").fill(TEXT);
    await p1.getByLabel("Thôn, khu dân cư (không bắt buộc)").fill(VILLAGE);
    const photo = await sharp({
      create: { width: 1600, height: 1200, channels: 3, background: "#777", noise: { type: "gaussian", mean: 120, sigma: 30 } },
    })
      .jpeg({ quality: 90 })
      .toBuffer();
    await p1.getByLabel("Ảnh (không bắt buộc)").setInputFiles({ name: "den.jpg", mimeType: "image/jpeg", buffer: photo });
    await p1.getByRole("button", { name: "Gửi phản ánh" }).click();
    await p1.waitForURL(/\/t\/[A-Z2-9]{5}-[A-Z2-9]{5}\?new=1$/);
    await first.context.close();

    // The official approves the photo.
    const official = await phonePage(getBrowser());
    const o = official.page;
    await o.goto(baseUrl + "/staff/login");
    await o.getByLabel("Email").fill("vinhbao@demo.ntm.local");
    await o.getByLabel("Mật khẩu").fill("demo-password-2026");
    await o.getByRole("button", { name: "Đăng nhập" }).click();
    await o.waitForURL(/\/staff(\?.*)?$/);
    await o.getByLabel("Tìm trong nội dung").fill("cot den dau xom ben");
    await o.getByRole("button", { name: "Lọc", exact: true }).click();
    await expect.poll(() => o.locator(".inbox a").allInnerTexts()).toEqual([expect.stringContaining("Cột đèn")]);
    await o.locator(".inbox a").first().click();
    await o.waitForURL(/\/staff\/complaints\/\d+$/);
    await o.getByRole("button", { name: "Duyệt công khai" }).click();
    await expect.poll(() => o.getByText("Đang công khai").count()).toBe(1);
    await official.context.close();

    // Another resident checks for similar reports: the thumbnail is a small image.
    const second = await phonePage(getBrowser(), { javaScriptEnabled: false });
    const p2 = second.page;
    const images: { url: string; bytes: number }[] = [];
    p2.on("response", async (r) => {
      if (r.url().includes("/photos/")) images.push({ url: r.url(), bytes: (await r.body()).byteLength });
    });
    await p2.goto(baseUrl + "/c/vinh-bao/report");
    await p2.getByRole("radio", { name: "Giao thông" }).check();
    await p2.getByLabel("Thôn, khu dân cư (không bắt buộc)").fill(VILLAGE);
    await p2.getByRole("button", { name: "Xem phản ánh tương tự" }).click();
    const similar = p2.getByTestId("similar-reports");
    await expect.poll(() => similar.innerText()).toContain("Cột đèn");
    const thumb = similar.locator("img");
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect(await thumb.getAttribute("src")).toMatch(/^\/photos\/\d+\?size=thumb$/);
    expect(await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeLessThanOrEqual(160);
    await expect.poll(() => images.length).toBe(1);
    expect(images[0].url).toContain("size=thumb");
    expect(images[0].bytes).toBeLessThan(20_000);

    // "Me too", then news: a wrong e-mail is refused next to the field and kept; a right one is saved.
    await similar.getByRole("button", { name: "Tôi cũng gặp vấn đề này" }).click();
    await p2.waitForURL(/\/c\/vinh-bao\/me-too\?id=\d+$/);
    const news = p2.getByTestId("me-too-news");
    await news.getByLabel("Email").fill("ten@mien");
    await news.locator('input[name="consent"]').check(); // consent to be contacted (decision 037)
    await news.getByRole("button", { name: "Nhận tin về phản ánh này" }).click();
    await p2.waitForLoadState();
    expect(await p2.locator(".field-error").innerText()).toBe("Email chưa đúng, ví dụ: ten@example.com.");
    expect(await p2.getByTestId("me-too-news").getByLabel("Email").inputValue()).toBe("ten@mien");
    await p2.getByTestId("me-too-news").getByLabel("Email").fill("ten@example.vn");
    await p2.getByTestId("me-too-news").getByRole("button", { name: "Nhận tin về phản ánh này" }).click();
    // Saved, and not used until the resident confirms it from the message sent to it (decision 043).
    await p2.waitForURL(/subscribed=1&email=1$/);
    expect(await p2.getByTestId("me-too-subscribed").innerText()).toContain("Đã lưu.");
    expect(await p2.content()).not.toContain("ten@example.vn");
    expect(second.errors).toEqual([]);
    await second.context.close();
  });
});
