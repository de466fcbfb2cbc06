// Issue 13 in a real Chromium with network emulation: the survey and a report with a photo made
// without signal are kept on the phone and sent once when the signal returns; a new service
// worker takes over without losing what waits; the poster's QR code leads to the commune page;
// the survey page has no emoji. Needs `npm run build` (it makes public/sw.js).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import jsQR from "jsqr";
import type { BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, inject, it, onTestFinished } from "vitest";
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

/** A camera-sized photo (4000 x 3000, grainy so that it does not compress to nothing). */
function cameraPhoto(): Promise<Buffer> {
  return sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: { r: 80, g: 120, b: 60 },
      noise: { type: "gaussian", mean: 120, sigma: 40 },
    },
  })
    .jpeg({ quality: 92 })
    .toBuffer();
}

describe("pages kept on the phone", () => {
  it("opening a commune's page keeps its survey form: it opens from the link without signal", async () => {
    const { page, context, errors } = await phonePage(getBrowser());
    await page.goto(baseUrl + "/c/vinh-bao");
    await installed(page);
    await expect
      .poll(() => page.evaluate(async () => (await caches.match("/c/vinh-bao/survey")) !== undefined), { timeout: 20_000 })
      .toBe(true);
    await offline(context, page, true);
    await page.getByRole("link", { name: "Đánh giá xã, phường này" }).click();
    await page.waitForURL("**/c/vinh-bao/survey");
    await expect.poll(() => page.locator("form.survey fieldset.rating").count()).toBe(5);
    // The commune list was kept when the worker installed.
    await page.goto(baseUrl + "/");
    expect(await page.locator(".commune-group a").count()).toBeGreaterThan(100);
    // A page never opened: the offline page, in Vietnamese.
    await page.goto(baseUrl + "/c/an-hai");
    expect(await page.locator("h1").innerText()).toBe("Chưa có kết nối mạng");
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("the home page's scripts after its load event, without signal", () => {
  it("opened from the phone's copy, it still becomes interactive from the kept scripts", async () => {
    const { page, context, errors } = await phonePage(getBrowser());
    await page.goto(baseUrl + "/c/vinh-bao");
    await installed(page);
    await offline(context, page, true);
    await page.goto(baseUrl + "/");
    expect(await page.locator(".commune-group a").count()).toBeGreaterThan(100);
    // The inert preloads and module script were turned on at the load event and came from the
    // worker's precache: React hydrated the kept page.
    await page.waitForSelector("html[data-hydrated]", { state: "attached", timeout: 20_000 });
    expect(await page.locator('link[rel="x-after-load-modulepreload"], script[type="x-after-load-module"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("a commune's notice on the phone (decision 039)", () => {
  it("an official posts it; residents see it at the top of the commune page and the report form, also offline, escaped; ended, it is gone", async () => {
    const text = `Cắt điện lưới thôn Bùi <b>từ 7h</b> đến 11h & "sửa trạm biến áp" ${Date.now() % 100000}`;
    // Tomorrow in Vietnam (UTC+7), as an <input type="date"> takes it.
    const tomorrow = new Date(Date.now() + 7 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    const staff = await phonePage(getBrowser());
    const o = staff.page;
    await o.goto(baseUrl + "/staff/login");
    await o.getByLabel("Email").fill("camgiang@demo.ntm.local");
    await o.getByLabel("Mật khẩu").fill("demo-password-2026");
    await o.getByRole("button", { name: "Đăng nhập" }).click();
    await o.waitForURL(/\/staff(\?.*)?$/);
    await o.goto(baseUrl + "/staff/notices");
    await o.getByLabel("Nội dung thông báo").fill(text);
    await o.getByLabel("Ngày cuối").fill(tomorrow);
    await o.getByRole("button", { name: "Đăng thông báo" }).click();
    await expect.poll(() => o.getByTestId("notice-done").count()).toBe(1);
    expect(await o.getByTestId("notices-open").innerText()).toContain(text);

    const { page, context, errors } = await phonePage(getBrowser());
    await page.goto(baseUrl + "/c/cam-giang");
    const banner = page.getByTestId("notice-banner");
    // First on the page after the commune's name, the text as typed (no <b> element made of it).
    expect(await banner.innerText()).toContain(text);
    expect(await banner.locator("b").count()).toBe(0);
    expect(
      await page.evaluate(() => document.querySelector("[data-testid=notice-banner]")!.previousElementSibling!.className),
    ).toBe("muted");
    await installed(page);
    await page.goto(baseUrl + "/c/cam-giang/report");
    await expect
      .poll(() => page.evaluate(async () => (await caches.match("/c/cam-giang/report")) !== undefined), { timeout: 20_000 })
      .toBe(true);
    expect(await page.getByTestId("notice-banner").innerText()).toContain(text);

    // No signal: the kept copies of both pages still show it.
    await offline(context, page, true);
    await page.reload();
    expect(await page.getByTestId("notice-banner").innerText()).toContain(text);
    await page.goto(baseUrl + "/c/cam-giang");
    expect(await page.getByTestId("notice-banner").innerText()).toContain(text);
    await offline(context, page, false);

    // Ended early by the official: gone from the page at the next visit with signal.
    await o.getByTestId("notices-open").locator("li", { hasText: text }).getByRole("button", { name: "Kết thúc ngay" }).click();
    await expect.poll(() => o.getByTestId("notices-past").innerText()).toContain(text);
    await page.reload();
    await expect.poll(() => page.getByText(text).count()).toBe(0);
    expect(errors).toEqual([]);
    expect(staff.errors).toEqual([]);
    await staff.context.close();
    await context.close();
  });
});

describe("answers refused when they arrive", () => {
  it("a queued answer whose resident answered meanwhile (elsewhere) gets a clear message, not a silent loss", async () => {
    const { page, context, errors } = await phonePage(getBrowser());
    await page.goto(baseUrl + "/c/tien-lang/survey");
    await installed(page);
    await offline(context, page, true);
    await answerSurvey(page);
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await expect.poll(() => page.getByTestId("offline-panel").innerText()).toContain("Đã lưu trên điện thoại này.");
    const [item] = await queued(page);

    // Meanwhile the same resident (same cookie) answers from another device that had signal.
    const names = await page
      .locator("form.survey input[type=radio]")
      .evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
    const cookie = (await context.cookies(baseUrl)).map((c) => `${c.name}=${c.value}`).join("; ");
    const body = new URLSearchParams([...names.map((n) => [n, "4"]), ["submissionId", crypto.randomUUID()]]);
    const direct = await fetch(baseUrl + "/c/tien-lang/survey", {
      method: "POST",
      body,
      headers: { Cookie: cookie, Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    expect(direct.status).toBe(303);

    await offline(context, page, false);
    await expect.poll(() => page.getByTestId("offline-panel").innerText(), { timeout: 20_000 }).toContain("Không được nhận");
    expect(await page.getByTestId("offline-panel").innerText()).toContain("Bạn đã đánh giá xã này trong quý này rồi");
    expect(query("SELECT id FROM Response WHERE submissionId = ?", item.id)).toEqual([]);
    expect((await queued(page)).map((i) => i.state)).toEqual(["rejected"]);
    await page.getByRole("button", { name: "Bỏ khỏi danh sách" }).click();
    await expect.poll(() => queued(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("with signal, a form the server refuses comes back with the message next to the field and the input kept", async () => {
    const { page, context, errors } = await phonePage(getBrowser());
    await page.goto(baseUrl + "/c/an-lao/report");
    const text = "Đèn đường thôn 3 hỏng đã hai tuần, buổi tối rất tối.";
    await page.getByLabel("Mô tả sự việc").fill(text);
    // No category chosen, and the browser's own check removed: only the server can refuse it.
    await page.locator("input[name=category]").evaluateAll((els) => els.forEach((e) => e.removeAttribute("required")));
    await page.getByRole("button", { name: "Gửi phản ánh" }).click();
    await expect.poll(() => page.locator("#category-error").count()).toBe(1);
    expect(await page.getByLabel("Mô tả sự việc").inputValue()).toBe(text);
    expect(await queued(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("without a service worker", () => {
  it("a form sent as the signal drops shows a Vietnamese error page from the strings the phone has, not raw keys", async () => {
    const { page, context } = await phonePage(getBrowser(), { serviceWorkers: "block" });
    await page.goto(baseUrl + "/");
    await page.waitForLoadState("networkidle");
    await offline(context, page, true);
    // The commune search is an ordinary form (not queued): its request fails for want of signal,
    // and so does the reload of the page's strings that goes with it.
    await page.getByLabel("Tìm xã, phường, đặc khu").fill("vinh");
    await page.getByRole("button", { name: "Tìm", exact: true }).click();
    await expect.poll(() => page.locator("h1").innerText()).toBe("Mất kết nối mạng");
    const text = await page.locator("body").innerText();
    expect(text).toContain("Nông thôn mới");
    expect(text).not.toMatch(/siteName|errors\.|offline\.title/);
    await context.close();
  });
});

describe("offline report with a photo", () => {
  it("shrinks the photo on the phone, keeps the report without signal, then sends it with its photo and shows the code", async () => {
    const { page, context, errors } = await phonePage(getBrowser());
    await page.goto(baseUrl + "/c/an-lao/report");
    await installed(page);

    await page.getByRole("radio", { name: "Giao thông" }).check();
    const text = "Ổ gà lớn giữa đường trục thôn, xe máy dễ ngã khi trời mưa.";
    await page.getByLabel("Mô tả sự việc").fill(text);
    const original = await cameraPhoto();
    expect(original.byteLength).toBeGreaterThan(2 * 1024 * 1024);
    await page
      .getByLabel("Ảnh (không bắt buộc)")
      .setInputFiles({ name: "IMG_0001.jpg", mimeType: "image/jpeg", buffer: original });
    // A preview of the shrunk photo, with a way to remove it.
    await expect.poll(() => page.getByTestId("photo-preview").count()).toBe(1);
    expect(await page.getByTestId("photo-preview").innerText()).toContain("Đã thu nhỏ");
    expect(await page.getByRole("button", { name: "Bỏ ảnh 1" }).isVisible()).toBe(true);

    await offline(context, page, true);
    await page.getByRole("button", { name: "Gửi phản ánh" }).click();
    await expect.poll(() => page.getByTestId("offline-panel").innerText()).toContain("Đã lưu trên điện thoại này.");
    const [item] = await queued(page);
    expect(item.state).toBe("waiting");
    expect(item.photos).toHaveLength(1);
    expect(item.photos[0].type).toBe("image/jpeg");
    expect(item.photos[0].size).toBeLessThanOrEqual(300 * 1024);
    expect(await page.getByTestId("offline-panel").innerText()).toContain("1 ảnh");
    expect(query("SELECT id FROM Complaint WHERE submissionId = ?", item.id)).toEqual([]);

    await offline(context, page, false);
    await page.waitForURL(/\/t\/[A-Z2-9]{5}-[A-Z2-9]{5}\?new=1$/, { timeout: 30_000 });
    const code = (await page.getByTestId("tracking-code").innerText()).trim();
    const rows = query<{ id: number; code: string; text: string }>(
      "SELECT id, code, text FROM Complaint WHERE submissionId = ?",
      item.id,
    );
    expect(rows).toEqual([{ id: expect.any(Number), code, text }]);
    const photos = query<{ width: number; height: number }>(
      "SELECT width, height FROM ComplaintPhoto WHERE complaintId = ?",
      rows[0].id,
    );
    expect(photos).toHaveLength(1);
    expect(Math.max(photos[0].width, photos[0].height)).toBeLessThanOrEqual(1600);
    await expect.poll(() => queued(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("service worker update", () => {
  // Every wait below is for an event or a state; the timeouts only stop a hang (this machine may be
  // very busy: a whole e2e run on 2 shared cores).
  const long = { timeout: 30_000 };
  it(
    "a new build waits while a form is being filled in, then takes over without losing the queued answer",
    { timeout: 180_000 },
    async () => {
      const { page, context, errors } = await phonePage(getBrowser());
      const swPath = path.resolve("public/sw.js");
      const original = fs.readFileSync(swPath, "utf8");
      /** The version of the worker controlling the page; it answers once it runs (no reply would hang the test). */
      const version = () =>
        page.evaluate(
          () =>
            new Promise<string>((resolve) => {
              const channel = new MessageChannel();
              channel.port1.onmessage = (e) => resolve((e.data as { version: string }).version);
              navigator.serviceWorker.controller!.postMessage({ type: "VERSION" }, [channel.port2]);
            }),
        );
      await page.goto(baseUrl + "/c/kien-thuy/survey");
      await installed(page);
      const first = await version();
      expect(first).toMatch(/^[A-Z0-9]{8}$/);

      // The resident starts answering; meanwhile a new build is deployed (same files, a new version).
      await page.getByRole("group", { name: "Giao thông" }).getByRole("radio", { name: "Hài lòng", exact: true }).check();
      // (Playwright's request routing does not reach a service worker's script: the server's copy is
      // changed for the time of this test and put back after it.)
      fs.writeFileSync(swPath, original.replaceAll(`"${first}"`, `"${first}-NEXT"`));
      onTestFinished(() => fs.writeFileSync(swPath, original));
      // Resolves when the new worker is installed and waiting; records the page's controller changes.
      await page.evaluate(async () => {
        const w = window as unknown as { controllerChanges: number };
        w.controllerChanges = 0;
        navigator.serviceWorker.addEventListener("controllerchange", () => w.controllerChanges++);
        const reg = (await navigator.serviceWorker.getRegistration())!;
        const installedNow = new Promise<void>((resolve, reject) => {
          reg.addEventListener("updatefound", () => {
            const sw = reg.installing!;
            sw.addEventListener("statechange", () => {
              if (sw.state === "installed") resolve();
              if (sw.state === "redundant") reject(new Error("the new worker failed to install"));
            });
          });
        });
        await reg.update();
        await installedNow;
      });
      // Not while the form is being filled in: the page saw the new worker (the same event) and left it waiting.
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting !== null)).toBe(true);
      expect(await version()).toBe(first);

      await offline(context, page, true);
      await answerSurvey(page);
      expect(await version()).toBe(first);
      expect(await page.evaluate(() => (window as unknown as { controllerChanges: number }).controllerChanges)).toBe(0);
      await page.getByRole("button", { name: "Gửi đánh giá" }).click();
      await expect.poll(() => page.getByTestId("offline-panel").innerText(), long).toContain("Đã lưu trên điện thoại này.");
      const [item] = await queued(page);
      expect(item.state).toBe("waiting");
      // The answer is kept: now the new version takes over this page (one controller change).
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { controllerChanges: number }).controllerChanges), long)
        .toBe(1);
      expect(await version()).toBe(`${first}-NEXT`);
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting)).toBeNull();

      await page.reload();
      await expect.poll(() => page.getByTestId("offline-panel").innerText(), long).toContain("Đánh giá: Đánh giá Kiến Thụy");
      expect(await version()).toBe(`${first}-NEXT`);
      await offline(context, page, false);
      await page.waitForURL("**/c/kien-thuy/thanks", long);
      expect(query("SELECT id FROM Response WHERE submissionId = ?", item.id)).toHaveLength(1);
      await expect.poll(() => queued(page), long).toEqual([]);
      expect(query("SELECT id FROM Response WHERE submissionId = ?", item.id)).toHaveLength(1);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});

describe("notice-board posters", () => {
  it("prints a poster whose QR code, read from a screenshot, leads to the commune page", async () => {
    const { page, context, errors } = await phonePage(getBrowser(), {
      viewport: { width: 900, height: 1200 },
      isMobile: false,
      hasTouch: false,
    });
    await page.goto(baseUrl + "/staff/posters/print?slug=vinh-bao");
    await page.waitForURL("**/staff/login**");
    await page.getByLabel("Email").fill("hdnd@demo.ntm.local");
    await page.getByLabel("Mật khẩu").fill("demo-password-2026");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL("**/staff/posters/print?slug=vinh-bao");
    const poster = page.locator(".poster");
    await expect.poll(() => poster.count()).toBe(1);
    const textOnPoster = await poster.innerText();
    expect(textOnPoster).toContain("Vĩnh Bảo");
    expect(textOnPoster).toContain(`${new URL(baseUrl).host}/c/vinh-bao`);

    const png = await page.locator(".poster__qr-code").screenshot();
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const decoded = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height);
    expect(decoded?.data).toBe(`${baseUrl}/c/vinh-bao`);
    await page.goto(decoded!.data);
    expect(await page.locator("h1").innerText()).toContain("Vĩnh Bảo");

    // All the communes of a former district at once, one A4 page each.
    await page.goto(baseUrl + "/staff/posters");
    const unitLink = page.locator(".posters-units > li > a").first();
    const expected = Number(/\((\d+)\)/.exec(await unitLink.innerText())![1]);
    await unitLink.click();
    await page.waitForURL("**/staff/posters/print?unit=*");
    // (the URL changes a moment before the new page renders)
    await expect.poll(() => page.locator(".poster").count()).toBe(expected);
    await page.emulateMedia({ media: "print" });
    expect(
      await page
        .locator(".poster")
        .first()
        .evaluate((el) => getComputedStyle(el).breakAfter),
    ).toBe("page");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("is for staff only", async () => {
    const res = await fetch(baseUrl + "/staff/posters/print", { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("/staff/login");
  });
});

describe("installable", () => {
  it("has a Vietnamese web app manifest with 192, 512 and maskable PNG icons of those sizes", async () => {
    const html = await (await fetch(baseUrl + "/")).text();
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest"/>');
    const res = await fetch(baseUrl + "/manifest.webmanifest");
    expect(res.headers.get("content-type")).toContain("manifest+json");
    const manifest = (await res.json()) as {
      name: string;
      short_name: string;
      lang: string;
      start_url: string;
      theme_color: string;
      icons: { src: string; sizes: string; purpose?: string; type: string }[];
    };
    expect(manifest).toMatchObject({ lang: "vi", start_url: "/", short_name: "NTM Hải Phòng", theme_color: "#14532d" });
    expect(manifest.name).toContain("Nông thôn mới Hải Phòng");
    const png = manifest.icons.filter((i) => i.type === "image/png");
    expect(png.map((i) => `${i.sizes} ${i.purpose ?? "any"}`).sort()).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
    for (const icon of png) {
      const meta = await sharp(Buffer.from(await (await fetch(baseUrl + icon.src)).arrayBuffer())).metadata();
      expect(`${meta.width}x${meta.height}`).toBe(icon.sizes);
      expect(meta.format).toBe("png");
    }
  });
});

describe("faces without emoji", () => {
  it("draws the faces as SVG with text labels and has no emoji on the survey page", async () => {
    const { page, context } = await phonePage(getBrowser());
    await page.goto(baseUrl + "/c/vinh-bao/survey");
    expect(await page.locator(".rating__choice svg.face").count()).toBe(25);
    expect(await page.locator(".rating").first().getByRole("radio", { name: "Rất không hài lòng", exact: true }).count()).toBe(1);
    const html = await page.content();
    const text = await page.locator("body").innerText();
    for (const s of [html, text]) expect(s.match(/\p{Extended_Pictographic}/gu) ?? []).toEqual([]);
    await context.close();
  });
});
