// Issue 24 in a real Chromium: the results notice prints on one A4 page with a QR code that leads
// to the commune page; an official enters a phone report and the resident follows it with the
// code printed on the receipt. Needs `npm run build`.
import path from "node:path";
import Database from "better-sqlite3";
import jsQR from "jsqr";
import type { Locator, Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, inject, it } from "vitest";
import { phonePage, sharedBrowser } from "../fixtures/browser";

const baseUrl = inject("baseUrl");
const getBrowser = sharedBrowser();
const dbFile = path.resolve("tests/.tmp/e2e/app.db");

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

async function signIn(page: Page, path: string, email: string) {
  await page.goto(baseUrl + path);
  await page.waitForURL("**/staff/login**");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill("demo-password-2026");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(`**${path}`);
}

async function decodeQr(el: Locator): Promise<string | undefined> {
  const png = await el.screenshot();
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)?.data;
}

describe("results notice for the community hall", () => {
  it("prints one A4 page per commune with the figures in words a villager reads, and a QR code of the commune page", async () => {
    const [round] = query<{ id: number }>("SELECT id FROM SurveyRound WHERE name LIKE '%Cẩm Giàng (demo, đã kết thúc)%'");
    const { page, context, errors } = await phonePage(getBrowser(), {
      viewport: { width: 900, height: 1300 },
      isMobile: false,
      hasTouch: false,
    });
    await signIn(page, `/staff/rounds/${round.id}/notice?commune=cam-giang`, "camgiang@demo.ntm.local");
    const notice = page.locator(".results-notice");
    await expect.poll(() => notice.count()).toBe(1);
    const text = await notice.innerText();
    expect(text).toMatch(/Giao thông: \d+ trên \d+ hộ trả lời hài lòng/);
    expect(text).toContain("Kết luận:");
    expect(text).toContain("Người ban hành: Cán bộ Cẩm Giàng (demo)");
    expect(await decodeQr(page.locator(".results-notice .poster__qr-code"))).toBe(`${baseUrl}/c/cam-giang`);

    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);

    // The loudspeaker script of the same results: words only.
    const script = await page.request.get(`${baseUrl}/staff/rounds/${round.id}/loudspeaker?commune=cam-giang&kind=results`);
    expect(script.status()).toBe(200);
    const spoken = await script.text();
    expect(spoken).toContain("Thông báo của Ủy ban nhân dân xã Cẩm Giàng.");
    expect(spoken).not.toMatch(/[0-9%]/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("a report received by phone", () => {
  it("is entered by the official, and the resident follows it with the code printed on the receipt", async () => {
    const browser = getBrowser();
    const { page, context, errors } = await phonePage(browser, {
      viewport: { width: 900, height: 1300 },
      isMobile: false,
      hasTouch: false,
    });
    await signIn(page, "/staff/complaints/new", "camgiang@demo.ntm.local");
    // Bad input first: the message by the field, the input kept.
    await page.getByRole("radio", { name: "Điện thoại (đường dây nóng)" }).check();
    await page.getByLabel("Lĩnh vực").selectOption("water");
    const words = "Bà Tư gọi điện: nước máy xóm Đông mất hai ngày nay, xin kiểm tra đường ống.";
    await page.getByLabel("Mô tả sự việc").fill(words);
    await page.locator("#notify-phone").fill("0912345678");
    await page.getByRole("button", { name: "Lưu và in giấy biên nhận" }).click();
    await expect.poll(() => page.locator("#consent-error").innerText()).toContain("Chỉ lưu liên hệ khi người dân đồng ý");
    expect(await page.getByLabel("Mô tả sự việc").inputValue()).toBe(words);

    await page.locator("input[name=consent]").check();
    await page.getByRole("button", { name: "Lưu và in giấy biên nhận" }).click();
    await page.waitForURL("**/receipt");
    const code = (await page.getByTestId("receipt-code").innerText()).trim();
    expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    const tracked = await decodeQr(page.locator(".intake-receipt .poster__qr-code"));
    expect(tracked).toBe(`${baseUrl}/t/${code}`);

    // The resident, on another phone, types the printed code.
    const resident = await phonePage(browser);
    await resident.page.goto(baseUrl + "/t");
    await resident.page.locator("#code").fill(code);
    await resident.page.locator("#code").press("Enter");
    await resident.page.waitForURL(`**/t/${code}**`);
    // (the URL changes a moment before the new page renders)
    await expect.poll(() => resident.page.locator("body").innerText()).toContain("nước máy xóm Đông");
    const [row] = query<{ channel: string }>(
      "SELECT i.channel AS channel FROM ComplaintIntake i JOIN Complaint c ON c.id = i.complaintId WHERE c.code = ?",
      code,
    );
    expect(row.channel).toBe("hotline");
    expect(errors).toEqual([]);
    expect(resident.errors).toEqual([]);
    await resident.context.close();
    await context.close();
  });
});

describe("is it fixed?", () => {
  it("the 'no' link of the message reopens the report with the resident's words", async () => {
    // The message the job writes weeks after a resolution carries this link (tests/integration/fix-check.test.ts).
    const [c] = query<{ id: number; code: string; resolvedAt: number }>(
      "SELECT id, code, resolvedAt FROM Complaint WHERE status = 'resolved' AND resolvedAt IS NOT NULL ORDER BY id LIMIT 1",
    );
    const token = `e2e-fix-${Date.now()}-abcdefgh`;
    const db = new Database(dbFile, { fileMustExist: true });
    try {
      db.prepare("INSERT INTO FixCheck (complaintId, resolvedAt, dueAt, token, askedAt) VALUES (?, ?, ?, ?, ?)").run(
        c.id,
        c.resolvedAt,
        c.resolvedAt,
        token,
        c.resolvedAt,
      );
    } finally {
      db.close();
    }
    const { page, context, errors } = await phonePage(getBrowser());
    await page.goto(`${baseUrl}/fix/${token}?answer=no`);
    await page.getByLabel("Tình trạng hiện nay").fill("Mưa xong lại ngập như cũ.");
    await page.getByRole("button", { name: "Chưa, mở lại phản ánh" }).click();
    await page.waitForURL(`**/t/${c.code}?fix=not_held`);
    const [after] = query<{ status: string }>("SELECT status FROM Complaint WHERE id = ?", c.id);
    expect(after.status).toBe("reopened");
    const [event] = query<{ body: string }>(
      "SELECT body FROM ComplaintEvent WHERE complaintId = ? AND kind = 'reopened' ORDER BY id DESC",
      c.id,
    );
    expect(event.body).toBe("Mưa xong lại ngập như cũ.");
    // The tracking page renders after the redirect lands: wait for its timeline.
    await expect.poll(() => page.locator("body").innerText()).toContain("Mưa xong lại ngập như cũ.");
    expect(errors).toEqual([]);
    await context.close();
  });
});
