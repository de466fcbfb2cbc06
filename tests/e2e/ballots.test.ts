// Household ballot codes in Chromium (issue 10): the Front prints a village's slips and the QR
// code on a slip, rasterised and decoded, leads to the right /b/ address; a household answers
// with its code with JavaScript off; bad codes get a message next to the field, 400, nothing written.
import jsQR from "jsqr";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { phonePage, sharedBrowser } from "../fixtures/browser";
import { countRows as count, openE2eDatabase, signInThroughForm as signIn, thonTayCodes } from "../fixtures/demo";

const baseUrl = inject("baseUrl");
const getBrowser = sharedBrowser();

let west: string[] = [];
beforeAll(async () => {
  west = await thonTayCodes();
});

/** Decodes the QR code shown in an element of the page, from a screenshot. */
async function decodeQr(page: Page, selector: string): Promise<string | null> {
  const png = await page.locator(selector).first().screenshot();
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)?.data ?? null;
}

describe("household ballot slips", () => {
  it("the Front makes a village's codes and prints them; each slip's QR code opens that slip's /b/ address", async () => {
    const context = await getBrowser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, "mttq-vinhbao@demo.ntm.local", "/staff/rounds");
    await page.getByRole("link", { name: /trước công nhận NTM nâng cao 2026/ }).click();
    await page.waitForURL(/\/staff\/rounds\/\d+$/);
    const roundUrl = page.url();
    const vb = page.locator("section.card", { has: page.getByRole("heading", { name: "Vĩnh Bảo" }) });
    await vb.locator("details.batches > summary").click();
    await vb.getByLabel("Thôn", { exact: true }).fill("Thôn Bắc");
    await vb.getByLabel("Số mã", { exact: true }).fill("8");
    await vb.getByRole("button", { name: "Tạo mã cho thôn" }).click();
    await page.waitForURL(/batch=\d+/);
    const batchId = new URL(page.url()).searchParams.get("batch");
    await page.goto(`${baseUrl}/staff/slips/${batchId}`);
    const slips = page.locator("[data-testid=slip]");
    expect(await slips.count()).toBe(8);
    const code = (await slips.first().locator(".slip__code").innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    expect(await decodeQr(page, "[data-testid=slip] .slip__qr")).toBe(`${baseUrl}/b/${code}`);
    expect(await decodeQr(page, "[data-testid=slip]:nth-child(8) .slip__qr")).toBe(
      `${baseUrl}/b/${(await slips.nth(7).locator(".slip__code").innerText()).trim()}`,
    );
    // A household without a QR reader finds the address on the slip; the clerk is told how to print.
    const host = new URL(baseUrl).host;
    expect(await slips.first().locator(".slip__address").innerText()).toBe(`${host}/c/vinh-bao/code`);
    await expect.poll(() => page.getByTestId("duplex-hint").isVisible()).toBe(true);
    // Printed: A4 sheets, the slips page and the paper-ballot page behind it.
    await page.emulateMedia({ media: "print" });
    // The ballot side says what 1 to 5 mean, face and word, in 10 pt or more, and nothing is cut off.
    const ballot = page.locator(".slip--ballot").first();
    const scale = await ballot.locator("thead .slip__scale span").allInnerTexts();
    expect(scale.map((w) => w.replace(/\s+/g, " "))).toEqual([
      "1. Rất không hài lòng",
      "2. Không hài lòng",
      "3. Bình thường",
      "4. Hài lòng",
      "5. Rất hài lòng",
      "Không ý kiến",
    ]);
    expect(await ballot.locator("thead .face").count()).toBe(5);
    const sizes = await ballot
      .locator("thead .slip__scale span")
      .evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
    for (const px of sizes) expect(px).toBeGreaterThanOrEqual(13.33); // 10 pt
    const overflowing = await page
      .locator(".slip--ballot, [data-testid=slip]")
      .evaluateAll((els) =>
        els
          .filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
          .map((el) => `${el.className}: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`),
      );
    expect(overflowing).toEqual([]);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    expect(pdf.byteLength).toBeGreaterThan(10_000);

    // Not handed out yet: the code is refused. Sealed: it works, and the slips cannot be printed again.
    const before = await context.newPage();
    expect((await before.goto(`${baseUrl}/b/${code}`))!.status()).toBe(400);
    await page.emulateMedia({ media: "screen" });
    await page.goto(roundUrl);
    const section = page.locator("section.card", { has: page.getByRole("heading", { name: "Vĩnh Bảo" }) });
    await section.locator("details.batches > summary").click();
    await section
      .getByRole("row", { name: /Thôn Bắc/ })
      .getByRole("button", { name: "Đánh dấu đã phát" })
      .click();
    await page.waitForURL(/sealed=1/);
    expect((await before.goto(`${baseUrl}/b/${code}`))!.status()).toBe(200);
    expect((await page.goto(`${baseUrl}/staff/slips/${batchId}`))!.status()).toBe(410);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("answering with a household code", () => {
  it("works with JavaScript off, once", async () => {
    const { context, page } = await phonePage(getBrowser(), { javaScriptEnabled: false });
    const verified = () => count("SELECT COUNT(*) AS n FROM Response WHERE verified = 1");
    const before = verified();
    const res = await page.goto(`${baseUrl}/b/${west[25].toLowerCase()}`);
    expect(res!.status()).toBe(200);
    for (const key of ["roads", "environment", "water", "security", "overall"])
      await page.locator(`input[name=r_${key}][value="4"]`).check({ force: true });
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await page.waitForURL(/\/b\/thanks\?c=vinh-bao/);
    expect(await page.getByTestId("ballot-thanks").isVisible()).toBe(true);
    expect(verified()).toBe(before + 1);
    const again = await page.goto(`${baseUrl}/b/${west[25]}`);
    expect(again!.status()).toBe(400);
    expect(await page.locator("#code-error").innerText()).toContain("đã được dùng");
    await context.close();
  });

  it("on the commune page, a malformed code, a wrong check character and a closed round's code get a message next to the field, 400, nothing written", async () => {
    const { context, page } = await phonePage(getBrowser(), { javaScriptEnabled: false });
    const answers = () => count("SELECT COUNT(*) AS n FROM Response");
    const spent = () => count("SELECT COUNT(*) AS n FROM BallotCode WHERE usedOn IS NOT NULL");
    const [a0, s0] = [answers(), spent()];
    const tryCode = async (code: string) => {
      await page.goto(`${baseUrl}/c/vinh-bao/code`);
      await page.getByLabel("Mã phiếu hộ gia đình").fill(code);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        page.getByRole("button", { name: "Kiểm tra mã" }).click(),
      ]);
      await page.waitForLoadState();
      return {
        status: response.status(),
        message: await page.locator("#code-error").innerText(),
        kept: await page.getByLabel("Mã phiếu hộ gia đình").inputValue(),
      };
    };
    const malformed = await tryCode("K7Q2-9MFA");
    expect(malformed).toMatchObject({ status: 400, kept: "K7Q2-9MFA" });
    expect(malformed.message).toContain("14 chữ và số");
    const good = west[26];
    const wrong = good.slice(0, -1) + (good.endsWith("0") ? "1" : "0");
    const mistyped = await tryCode(wrong);
    expect(mistyped.status).toBe(400);
    expect(mistyped.message).toContain("gõ nhầm");

    // The demo round closes (for this test only): its codes are refused with the reason.
    const db = openE2eDatabase();
    const round = db.prepare("SELECT id, endsAt FROM SurveyRound WHERE isDemo = 1 AND codesRequired = 1").get() as {
      id: number;
      endsAt: string;
    };
    db.prepare("UPDATE SurveyRound SET endsAt = ? WHERE id = ?").run(new Date(Date.now() - 60_000).toISOString(), round.id);
    try {
      const closed = await tryCode(good);
      expect(closed.status).toBe(400);
      expect(closed.message).toContain("đã kết thúc");
    } finally {
      db.prepare("UPDATE SurveyRound SET endsAt = ? WHERE id = ?").run(round.endsAt, round.id);
      db.close();
    }
    expect([answers(), spent()]).toEqual([a0, s0]);
    await context.close();
  });

  it("with JavaScript, a wrong check character is caught in the browser before anything is sent", async () => {
    const { context, page, errors } = await phonePage(getBrowser());
    await page.goto(`${baseUrl}/c/vinh-bao/code`);
    await page.waitForLoadState("networkidle");
    let posts = 0;
    page.on("request", (r) => {
      if (r.method() === "POST") posts++;
    });
    const good = west[27];
    await page.getByLabel("Mã phiếu hộ gia đình").fill(good.slice(0, -1) + (good.endsWith("0") ? "1" : "0"));
    await page.getByRole("button", { name: "Kiểm tra mã" }).click();
    await expect.poll(() => page.locator("#code-error").innerText()).toContain("gõ nhầm");
    expect(posts).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
