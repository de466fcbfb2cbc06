// A resident reports a problem with a photo on a phone; an official answers it; the resident
// sees the answer and rates the handling.
import sharp from "sharp";
import { describe, expect, inject, it } from "vitest";
import { phonePage, sharedBrowser } from "../fixtures/browser";

const baseUrl = inject("baseUrl");
const getBrowser = sharedBrowser();

describe("complaints on a phone", () => {
  it("files, is answered by the commune official, and is rated by the resident", async () => {
    const resident = await phonePage(getBrowser());
    const page = resident.page;
    await page.goto(baseUrl + "/c/vinh-bao");
    await page.getByRole("link", { name: "Gửi phản ánh" }).click();
    await page.waitForURL("**/c/vinh-bao/report");
    await page.getByRole("radio", { name: "Môi trường" }).check();
    const text = "Bãi rác tạm cạnh trường mầm non thôn 5 bốc mùi <b>rất nặng</b>.";
    await page.getByLabel("Mô tả sự việc").fill(text);
    await page.getByLabel("Thôn, khu dân cư (không bắt buộc)").fill("Thôn 5");
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 90, g: 90, b: 40 } } })
      .jpeg()
      .toBuffer();
    await page.getByLabel("Ảnh (không bắt buộc)").setInputFiles({ name: "rac.jpg", mimeType: "image/jpeg", buffer: photo });
    await page.getByLabel("Số điện thoại", { exact: true }).fill("0912345678");
    await page.getByTestId("consent").check();
    await page.getByRole("button", { name: "Gửi phản ánh" }).click();
    await page.waitForURL(/\/t\/[A-Z2-9]{5}-[A-Z2-9]{5}\?new=1$/);
    const code = (await page.getByTestId("tracking-code").innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(await page.getByTestId("status").innerText()).toBe("Mới nhận");
    expect(await page.locator(".complaint-text").innerText()).toBe(text);
    expect(await page.content()).not.toContain("0912345678");
    expect(await page.locator(".photos img").count()).toBe(0); // not approved yet

    // The official signs in, finds it in the inbox, acknowledges, approves the photo and resolves it.
    const officialCtx = await phonePage(getBrowser());
    const o = officialCtx.page;
    await o.goto(baseUrl + "/staff");
    await o.waitForURL("**/staff/login**");
    await o.getByLabel("Email").fill("vinhbao@demo.ntm.local");
    await o.getByLabel("Mật khẩu").fill("demo-password-2026");
    await o.getByRole("button", { name: "Đăng nhập" }).click();
    await o.waitForURL(/\/staff$/);
    await o.getByLabel("Tìm trong nội dung").fill("bai rac mam non");
    await o.getByRole("button", { name: "Lọc" }).click();
    await o.waitForURL(/q=bai\+rac/);
    // Wait for the filtered list (the URL changes a moment before it renders), then open the report.
    await expect.poll(() => o.locator(".inbox a").allInnerTexts()).toEqual([expect.stringContaining("mầm non")]);
    await o.locator(".inbox a").first().click();
    await o.waitForURL(/\/staff\/complaints\/\d+$/);
    // The contact is behind "show contact" (a logged post), here opened in a second tab.
    await expect.poll(() => o.getByTestId("show-contact").count()).toBe(1);
    const tab = await officialCtx.context.newPage();
    await tab.goto(`${o.url()}/contact`);
    await tab.getByTestId("show-contact").click();
    await expect.poll(() => tab.getByTestId("contact").count()).toBe(1);
    expect(await tab.getByTestId("contact").innerText()).toBe("0912345678");
    await tab.close();
    await o.getByRole("radio", { name: /Đã tiếp nhận/ }).check();
    await o.getByRole("button", { name: "Cập nhật trạng thái" }).click();
    await expect.poll(() => o.getByTestId("status").innerText()).toBe("Đã tiếp nhận");
    await o.getByRole("button", { name: "Duyệt công khai" }).click();
    await expect.poll(() => o.getByText("Đang công khai").count()).toBe(1);
    await o.getByRole("radio", { name: /Đã giải quyết/ }).check();
    await o
      .getByLabel("Trả lời công khai (bắt buộc khi giải quyết hoặc từ chối)")
      .fill("Xã đã cho xe chở rác đi và khử mùi khu vực.");
    await o.getByRole("button", { name: "Cập nhật trạng thái" }).click();
    await expect.poll(() => o.getByTestId("status").innerText()).toBe("Đã giải quyết");
    expect(officialCtx.errors).toEqual([]);

    // The resident comes back with the code and rates the handling.
    await page.goto(baseUrl + "/t");
    await page.getByLabel("Mã theo dõi").fill(code.toLowerCase());
    await page.getByRole("button", { name: "Xem" }).click();
    await page.waitForURL(`**/t/${code}`);
    expect(await page.getByTestId("status").innerText()).toBe("Đã giải quyết");
    expect(await page.locator(".timeline").innerText()).toContain("Xã đã cho xe chở rác đi và khử mùi khu vực.");
    await expect.poll(() => page.locator(".photos img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(800);
    await page.getByRole("radio", { name: "4 Tốt" }).check();
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await expect.poll(() => page.locator(".timeline").innerText()).toContain("Đánh giá việc xử lý: 4/5");
    expect(resident.errors).toEqual([]);
    await resident.context.close();
    await officialCtx.context.close();
  });

  it("files a complaint with a photo with JavaScript turned off, and a bad file comes back with a message", async () => {
    const { page, context, errors } = await phonePage(getBrowser(), { javaScriptEnabled: false });
    await page.goto(baseUrl + "/c/tien-lang/report");
    // The location button needs JavaScript: without it, it is not offered at all.
    expect(await page.getByRole("button", { name: "Dùng vị trí hiện tại của tôi" }).count()).toBe(0);
    await page.getByRole("radio", { name: "Nước sinh hoạt" }).check();
    await page.getByLabel("Mô tả sự việc").fill("Nước máy đục và có mùi từ tuần trước.");
    await page
      .getByLabel("Ảnh (không bắt buộc)")
      .setInputFiles({ name: "nuoc.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not really a jpeg") });
    await page.getByRole("button", { name: "Gửi phản ánh" }).click();
    await page.waitForLoadState();
    expect(await page.locator(".field-error").innerText()).toBe("Có tệp không phải ảnh JPEG, PNG hoặc WebP. Hãy chọn lại ảnh.");
    expect(await page.getByLabel("Mô tả sự việc").inputValue()).toBe("Nước máy đục và có mùi từ tuần trước.");
    const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 10, g: 60, b: 200 } } })
      .png()
      .toBuffer();
    await page.getByLabel("Ảnh (không bắt buộc)").setInputFiles({ name: "nuoc.png", mimeType: "image/png", buffer: photo });
    await page.getByRole("button", { name: "Gửi phản ánh" }).click();
    await page.waitForURL(/\/t\/[A-Z2-9]{5}-[A-Z2-9]{5}\?new=1$/);
    expect(await page.getByTestId("status").innerText()).toBe("Mới nhận");
    expect(errors).toEqual([]);
    await context.close();
  });
});
