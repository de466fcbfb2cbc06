// "Me too" on a phone with JavaScript off, then forwarding: the official forwards the report to
// the water company, the resident's page says where it is, and the company's account accepts it.
import { describe, expect, inject, it } from "vitest";
import { phonePage, sharedBrowser } from "../fixtures/browser";

const baseUrl = inject("baseUrl");
const getBrowser = sharedBrowser();
const VILLAGE = `Thôn Mới ${Date.now() % 100000}`;
const TEXT = "Nước máy ở xóm chợ có màu vàng đục, mùi clo rất nặng từ ba hôm nay.";

async function signIn(page: import("playwright-core").Page, email: string) {
  await page.goto(baseUrl + "/staff/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill("demo-password-2026");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(/\/staff(\/unit)?$/);
}

describe("duplicates and forwarding", () => {
  let code = "";

  it("a second resident finds the same problem without JavaScript and says 'me too'", async () => {
    const first = await phonePage(getBrowser(), { javaScriptEnabled: false });
    const p1 = first.page;
    await p1.goto(baseUrl + "/c/vinh-bao/report");
    await p1.getByRole("radio", { name: "Nước sinh hoạt" }).check();
    await p1.getByLabel("Mô tả sự việc").fill(TEXT);
    await p1.getByLabel("Thôn, khu dân cư (không bắt buộc)").fill(VILLAGE);
    await p1.getByRole("button", { name: "Gửi phản ánh" }).click();
    await p1.waitForURL(/\/t\/[A-Z2-9]{5}-[A-Z2-9]{5}\?new=1$/);
    code = (await p1.getByTestId("tracking-code").innerText()).trim();
    await first.context.close();

    const second = await phonePage(getBrowser(), { javaScriptEnabled: false });
    const p2 = second.page;
    await p2.goto(baseUrl + "/c/vinh-bao/report");
    await p2.getByRole("radio", { name: "Nước sinh hoạt" }).check();
    // Typed in lower case without the accents: the village still matches.
    await p2.getByLabel("Thôn, khu dân cư (không bắt buộc)").fill(VILLAGE.toLowerCase().replace("ô", "o").replace("ớ", "o"));
    await p2.getByLabel("Mô tả sự việc").fill("Nước bẩn");
    await p2.getByRole("button", { name: "Xem phản ánh tương tự" }).click();
    const similar = p2.getByTestId("similar-reports");
    await expect.poll(() => similar.innerText()).toContain("màu vàng đục");
    // The form comes back as typed, and nothing was filed.
    expect(await p2.getByLabel("Mô tả sự việc").inputValue()).toBe("Nước bẩn");
    await similar.getByRole("button", { name: "Tôi cũng gặp vấn đề này" }).first().click();
    await p2.waitForURL(/\/c\/vinh-bao\/me-too\?id=\d+$/);
    expect(await p2.getByTestId("me-too-done").innerText()).toContain("1 người cùng phản ánh");
    expect(await p2.content()).not.toContain(code);
    expect(second.errors).toEqual([]);
    await second.context.close();

    // With JavaScript (and the offline agent) the same button only looks: nothing is filed.
    const withJs = await phonePage(getBrowser());
    const p3 = withJs.page;
    await p3.goto(baseUrl + "/c/vinh-bao/report");
    await p3.getByRole("radio", { name: "Nước sinh hoạt" }).check();
    await p3.getByLabel("Thôn, khu dân cư (không bắt buộc)").fill(VILLAGE);
    await p3.getByLabel("Mô tả sự việc").fill("Nước đục quá, không dùng được.");
    await p3.getByRole("button", { name: "Xem phản ánh tương tự" }).click();
    await expect.poll(() => p3.getByTestId("similar-reports").innerText()).toContain("màu vàng đục");
    expect(new URL(p3.url()).pathname).toBe("/c/vinh-bao/report");
    expect(await p3.getByLabel("Mô tả sự việc").inputValue()).toBe("Nước đục quá, không dùng được.");
    expect(withJs.errors).toEqual([]);
    await withJs.context.close();

    const resident = await phonePage(getBrowser());
    await resident.page.goto(`${baseUrl}/t/${code}`);
    expect(await resident.page.getByTestId("supporters").innerText()).toBe("1 người cùng phản ánh");
    expect(await resident.page.getByTestId("whereabouts").innerText()).toBe("Phản ánh đang do UBND xã xử lý.");
    await resident.context.close();
  });

  it("the official forwards it to the water company, which accepts it; the resident reads where it is", async () => {
    const official = await phonePage(getBrowser());
    const o = official.page;
    await signIn(o, "vinhbao@demo.ntm.local");
    await o.getByLabel("Tìm trong nội dung").fill("mau vang duc");
    await o.getByRole("button", { name: "Lọc" }).click();
    await o.waitForURL(/q=mau\+vang/);
    await expect.poll(() => o.locator(".inbox a").allInnerTexts()).toEqual([expect.stringContaining("1 người cùng phản ánh")]);
    await o.locator(".inbox a").first().click();
    await o.waitForURL(/\/staff\/complaints\/\d+$/);
    await o.getByRole("link", { name: "Chuyển đơn vị" }).click();
    await o.waitForURL(/\/forward$/);
    await o.getByRole("button", { name: "Chuyển" }).click(); // nothing chosen: the browser asks first
    await o.getByLabel("Đơn vị", { exact: true }).selectOption({ label: "Công ty nước sạch Hải Phòng (Công ty nước)" });
    await o.getByLabel("Ghi chú cho đơn vị (nội bộ)").fill("Nhờ công ty kiểm tra đường ống xóm chợ.");
    await o.getByRole("button", { name: "Chuyển" }).click();
    await o.waitForURL(/\/staff\/complaints\/\d+\?done=forwarded#done$/);
    expect(await o.getByTestId("forwarded-to").innerText()).toBe("Đang ở: Công ty nước sạch Hải Phòng (chờ đơn vị tiếp nhận)");

    const resident = await phonePage(getBrowser());
    await resident.page.goto(`${baseUrl}/t/${code}`);
    expect(await resident.page.getByTestId("whereabouts").innerText()).toBe("Phản ánh đã chuyển Công ty nước sạch Hải Phòng.");
    expect(await resident.page.content()).not.toContain("đường ống xóm chợ"); // the note is internal

    const unit = await phonePage(getBrowser());
    const u = unit.page;
    await signIn(u, "nuocsach@demo.ntm.local");
    await u.goto(baseUrl + "/staff");
    await u.waitForURL(/\/staff\/unit$/); // a unit account has no commune inbox
    await u.locator(".inbox a", { hasText: "màu vàng đục" }).click();
    await u.waitForURL(/\/staff\/unit\/\d+$/);
    expect(await u.getByTestId("forward-note").innerText()).toBe("Nhờ công ty kiểm tra đường ống xóm chợ.");
    await u.getByRole("button", { name: "Tiếp nhận" }).click();
    await expect.poll(() => u.getByTestId("status").innerText()).toBe("Đã tiếp nhận");

    await resident.page.reload();
    expect(await resident.page.getByTestId("whereabouts").innerText()).toBe("Công ty nước sạch Hải Phòng đang xử lý phản ánh.");
    const id = o.url().match(/complaints\/(\d+)/)![1];
    // The unit cannot open the commune's page of the report, nor a report it was not given.
    expect((await u.goto(`${baseUrl}/staff/complaints/${id}`))!.status()).toBe(404);
    expect((await u.goto(`${baseUrl}/staff/unit/${Number(id) - 1}`))!.status()).toBe(404);
    for (const ctx of [official, resident, unit]) {
      expect(ctx.errors).toEqual([]);
      await ctx.context.close();
    }
  });
});
