// A council member before a meeting: filter to the West and below the threshold, open a
// dossier and print it; and the dashboard on a phone.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { phonePage, sharedBrowser } from "../fixtures/browser";
import { signInThroughForm } from "../fixtures/demo";

const baseUrl = inject("baseUrl");
const getBrowser = sharedBrowser();

const signInAsCouncil = (page: Page) => signInThroughForm(page, "hdnd@demo.ntm.local", "/staff/council");

describe("council dashboard", () => {
  it("filters to West and below the threshold, opens a dossier and prints it on one page", async () => {
    const context = await getBrowser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signInAsCouncil(page);
    await page.getByLabel("Vùng").selectOption("west");
    await page.getByLabel("So với ngưỡng").selectOption("below");
    await page.getByRole("button", { name: "Lọc", exact: true }).click();
    await page.waitForURL(/region=west/);
    expect(page.url()).toContain("verdict=below");
    const rows = page.locator("[data-testid=dashboard-table] tbody tr");
    // The URL changes a moment before the table re-renders: wait for the filtered rows.
    await expect
      .poll(async () => new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-verdict")))))
      .toEqual(new Set(["below"]));
    expect(await rows.count()).toBeGreaterThan(0);
    const regions = await rows.locator("td:nth-child(2)").allInnerTexts();
    expect(new Set(regions)).toEqual(new Set(["Tây"]));

    // Sorting by a column is a link: the URL keeps the filters.
    await page.getByRole("link", { name: /^Giao thông/ }).click();
    await page.waitForURL(/sort=roads/);
    expect(page.url()).toContain("region=west");

    await expect.poll(() => page.locator("th[aria-sort]").innerText()).toContain("Giao thông");
    const first = await rows.first().locator("th a").elementHandle();
    const name = await first!.innerText();
    await first!.click();
    await page.waitForURL(/\/staff\/council\/[a-z0-9-]+$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toContain(name);
    // The print button appears once the page's script has run (an effect after the first render).
    await expect.poll(() => page.getByRole("button", { name: "In hồ sơ" }).isVisible()).toBe(true);

    await page.emulateMedia({ media: "print" });
    // The print stylesheet hides navigation and forms, and the page fits A4 width.
    expect(await page.locator(".staff-nav").evaluate((el) => getComputedStyle(el).display)).toBe("none");
    expect(await page.locator(".site-header__bar").evaluate((el) => getComputedStyle(el).display)).toBe("none");
    const pdf = await page.pdf({ format: "A4", printBackground: false });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a dossier opens with its conclusion, a legend, and prints on at most three A4 pages", async () => {
    const context = await getBrowser().newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signInAsCouncil(page);
    await page.goto(baseUrl + "/staff/council/cam-giang");
    const conclusion = page.getByTestId("dossier-conclusion");
    // The conclusion is the first section of the dossier, above the recognition card.
    expect(await page.locator("article.dossier > section.card").first().getAttribute("data-testid")).toBe("dossier-conclusion");
    expect(await conclusion.locator(".conclusion__answer").innerText()).toMatch(/^(Đạt|Chưa đạt|Chưa thể kết luận)/);
    expect(await conclusion.locator(".conclusion__threshold").innerText()).toBe("Ngưỡng hài lòng cần đạt: 90%");
    expect(await conclusion.innerText()).toMatch(/Độ bao phủ đợt gần nhất: [\d,]+% số hộ, (đạt|chưa đạt) mức cần 70%/);
    expect(await conclusion.getByTestId("conclusion-recheck").innerText()).toMatch(
      /^(Phúc tra: chưa rút mẫu|Chưa phúc tra|Phúc tra đang làm|Đã phúc tra)/,
    );
    expect(await conclusion.locator("dt .verdict").count()).toBe(4);
    expect(await conclusion.innerText()).toContain("Khoảng tin cậy 95%");

    await page.emulateMedia({ media: "print" });
    const pdf = Buffer.from(await page.pdf({ format: "A4", printBackground: false }));
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    await context.close();
  });

  it("is usable on a phone: the table scrolls sideways inside its frame, the page does not", async () => {
    const { page, context, errors } = await phonePage(getBrowser());
    await signInAsCouncil(page);
    const frame = page.locator(".table-scroll").first();
    const sizes = await frame.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(390);
    // The commune column stays in view while scrolling.
    await frame.evaluate((el) => el.scrollBy(600, 0));
    const firstCell = page.locator("[data-testid=dashboard-table] tbody th").first();
    const box = await firstCell.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x).toBeLessThan(40);
    expect(await page.getByTestId("at-risk").locator("li").count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
