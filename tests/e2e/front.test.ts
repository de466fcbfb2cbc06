// The Fatherland Front's paper grid and round log in Chromium (issue 23 points 4, 5 and 7): the
// code column shows a whole code at phone and office widths; one save shows every problem (a typo,
// a code already used online, a blank cell) under its row and stores nothing; "-" is no opinion;
// Enter saves and "Đã lưu N phiếu" takes the focus; the save button is a few Tabs from row 10; the
// round log reads as sentences in Vietnam time.
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { phonePage, sharedBrowser } from "../fixtures/browser";
import { countRows as count, signInThroughForm as signIn, thonTayCodes } from "../fixtures/demo";

const baseUrl = inject("baseUrl");
const getBrowser = sharedBrowser();
const CRITERIA = ["roads", "environment", "water", "security", "overall"];

let west: string[] = [];
beforeAll(async () => {
  west = await thonTayCodes();
});

/** The Front's round page, Vĩnh Bảo's paper grid open. */
async function openGrid(page: Page): Promise<Locator> {
  await signIn(page, "mttq-vinhbao@demo.ntm.local", "/staff/rounds");
  await page.getByRole("link", { name: /trước công nhận NTM nâng cao 2026/ }).click();
  await page.waitForURL(/\/staff\/rounds\/\d+$/);
  await page.waitForLoadState("networkidle");
  const section = page.locator("section.card", { has: page.getByRole("heading", { name: "Vĩnh Bảo" }) });
  await section.locator("details.paper-entry > summary").click();
  return section.locator("details.paper-entry");
}

const cell = (grid: Locator, row: number, key: string) => grid.locator(`input[name=b${row}_${key}]`);

async function fillRow(grid: Locator, row: number, code: string, scores: string[]) {
  await cell(grid, row, "code").fill(code);
  for (const [i, key] of CRITERIA.entries()) await cell(grid, row, key).fill(scores[i]);
}

describe("the Front's paper grid", () => {
  for (const width of [390, 1366])
    it(`shows a whole household code in the code column at ${width} px`, async () => {
      const context = await getBrowser().newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const grid = await openGrid(page);
      const code = cell(grid, 0, "code");
      await code.fill(west[20]);
      const box = await code.evaluate((el: HTMLInputElement) => ({
        scroll: el.scrollWidth,
        client: el.clientWidth,
        font: getComputedStyle(el).fontFamily,
      }));
      expect(box.scroll).toBeLessThanOrEqual(box.client);
      expect(box.font).toMatch(/mono/i);
      await context.close();
    });

  it("shows every problem in one pass, stores nothing; then '-' is no opinion, Enter saves and 'Đã lưu 3 phiếu' takes the focus", async () => {
    // A household answers online with its code first.
    const phone = await phonePage(getBrowser(), { javaScriptEnabled: false });
    expect((await phone.page.goto(`${baseUrl}/b/${west[21]}`))!.status()).toBe(200);
    for (const key of CRITERIA) await phone.page.locator(`input[name=r_${key}][value="4"]`).check({ force: true });
    await phone.page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await phone.page.waitForURL(/\/b\/thanks/);
    await phone.context.close();

    const context = await getBrowser().newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const grid = await openGrid(page);
    const paper = () => count("SELECT COUNT(*) AS n FROM Response WHERE channel = 'paper'");
    const before = paper();
    await fillRow(grid, 0, west[21], ["4", "4", "4", "4", "4"]); // used online a moment ago
    await fillRow(grid, 1, west[22], ["9", "4", "4", "4", "4"]); // a typo
    await fillRow(grid, 2, west[23], ["5", "5", "", "5", "5"]); // a blank cell
    await grid.getByRole("button", { name: "Lưu các phiếu" }).click();
    const row = (n: number) => page.getByTestId(`paper-row-errors-${n}`);
    await expect.poll(() => row(0).isVisible()).toBe(true);
    expect(await row(0).innerText()).toContain("Mã phiếu đã được dùng");
    expect(await row(1).innerText()).toContain("Chỉ nhập 1-5");
    expect(await row(2).innerText()).toContain("chưa điền — ghi '-' nếu hộ không ý kiến");
    expect(await cell(grid, 2, "water").getAttribute("aria-invalid")).toBe("true");
    expect(await grid.locator(".form-error, [role=alert]").first().innerText()).toContain("Chưa phiếu nào được lưu");
    expect(paper()).toBe(before);
    // The input is kept: fix the three rows and press Enter in a cell.
    expect(await cell(grid, 1, "code").inputValue()).toBe(west[22]);
    await cell(grid, 0, "code").fill(west[24]);
    await cell(grid, 1, "roads").fill("4");
    await cell(grid, 2, "water").fill("-");
    await cell(grid, 2, "water").press("Enter");
    await page.waitForURL(/entered=3/);
    const saved = page.getByTestId("paper-saved");
    await expect.poll(() => saved.isVisible()).toBe(true);
    expect(await saved.innerText()).toBe("Đã lưu 3 phiếu.");
    expect(await saved.getAttribute("role")).toBe("status");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("paper-saved");
    expect(paper()).toBe(before + 3);
    expect(
      count(
        "SELECT COUNT(*) AS n FROM Rating r JOIN Response p ON p.id = r.responseId WHERE p.channel = 'paper' AND r.score IS NULL",
      ),
    ).toBe(1);

    // The round log says what happened in words, in Vietnam time; raw keys only in the auditors' fold.
    const log = page.getByTestId("round-audit-sentences");
    const text = await log.innerText();
    expect(text).toContain("nhập phiếu giấy — 3 phiếu, 3 phiếu có mã, 0 phiếu không mã");
    expect(text).not.toMatch(/codesRequired|purpose:|count:|\{|UTC/);
    expect(await page.getByTestId("round-audit").innerText()).toContain("Giờ Việt Nam");
    const at = await log.locator("time").first().getAttribute("datetime");
    const vn = new Date(new Date(at!).getTime() + 7 * 3600_000).toISOString();
    expect(await log.locator("time").first().innerText()).toBe(
      `${vn.slice(8, 10)}/${vn.slice(5, 7)}/${vn.slice(0, 4)} ${vn.slice(11, 16)}`,
    );
    expect(await page.getByTestId("round-audit-raw").isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("puts the save button a few Tabs after row 10 (66 without JavaScript, where every row stays in the Tab order)", async () => {
    const tabsFromRow10 = async (javaScriptEnabled: boolean) => {
      const context = await getBrowser().newContext({ viewport: { width: 1366, height: 900 }, javaScriptEnabled });
      const page = await context.newPage();
      const grid = await openGrid(page);
      for (let r = 0; r < 10; r++) await cell(grid, r, "code").fill(`row ${r + 1}`);
      await cell(grid, 9, "code").focus();
      let tabs = 0;
      while (tabs < 200) {
        await page.keyboard.press("Tab");
        tabs++;
        if (await page.evaluate(() => document.activeElement?.textContent === "Lưu các phiếu")) break;
      }
      await context.close();
      return tabs;
    };
    const withoutJs = await tabsFromRow10(false);
    const withJs = await tabsFromRow10(true);
    expect(withoutJs).toBe(66); // 11 rows of 6 boxes (issue 23 counted 61 from the row's last box)
    expect(withJs).toBeLessThanOrEqual(12);
    console.info(`Tabs from row 10's code to "Lưu các phiếu": ${withoutJs} without JavaScript, ${withJs} with it`);
  });
});
