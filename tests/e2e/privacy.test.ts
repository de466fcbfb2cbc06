// Residents' personal data in the browser (issue 21): the consent box is unticked by default, a
// report goes through without it (and keeps no contact), and the tracking page offers the
// withdrawal that erases a contact given with consent.
import { describe, expect, inject, it } from "vitest";
import { phonePage, sharedBrowser } from "../fixtures/browser";

const baseUrl = inject("baseUrl");
const getBrowser = sharedBrowser();

async function fileReport(page: import("playwright-core").Page, text: string, consent: boolean) {
  await page.goto(baseUrl + "/c/vinh-bao/report");
  await page.getByRole("radio", { name: "Môi trường" }).check();
  await page.getByLabel("Mô tả sự việc").fill(text);
  await page.getByLabel("Số điện thoại", { exact: true }).fill("0912345678");
  const box = page.getByTestId("consent");
  expect(await box.isChecked()).toBe(false);
  if (consent) await box.check();
  await page.getByRole("button", { name: "Gửi phản ánh" }).click();
  await page.waitForURL(/\/t\/[A-Z2-9]{5}-[A-Z2-9]{5}\?new=1$/);
  return (await page.getByTestId("tracking-code").innerText()).trim();
}

describe("consent and rights on a phone", () => {
  it("files without the box ticked and holds no contact", async () => {
    const { page, context, errors } = await phonePage(getBrowser());
    const code = await fileReport(page, "Cống thoát nước đầu thôn 7 bị tắc, nước tràn ra đường.", false);
    await page.getByTestId("your-data").click();
    await page.waitForURL(`**/t/${code}/privacy`);
    expect(await page.getByTestId("held-contact").innerText()).toBe("Không có");
    expect(await page.getByRole("button", { name: "Rút lại đồng ý và xoá liên hệ" }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("with consent shows the contact masked, and withdrawing erases it", async () => {
    const { page, context, errors } = await phonePage(getBrowser());
    const code = await fileReport(page, "Đèn đường ngã tư thôn 8 tắt từ tuần trước, buổi tối rất tối.", true);
    await page.goto(`${baseUrl}/t/${code}/privacy`);
    const held = await page.getByTestId("held-contact").innerText();
    expect(held).toMatch(/^09\*+78$/);
    expect(await page.content()).not.toContain("0912345678");
    await page.getByRole("button", { name: "Rút lại đồng ý và xoá liên hệ" }).click();
    await expect.poll(() => page.getByTestId("rights-done").count()).toBe(1);
    expect(await page.getByTestId("held-contact").innerText()).toBe("Không có");
    expect(errors).toEqual([]);
    await context.close();
  });
});
