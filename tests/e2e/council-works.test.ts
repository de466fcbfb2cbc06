// The council's city view of works (issue 22 point 6) in a real browser on the demo data: the
// chart.js scatter draws one point per commune with both figures (investment per household from
// the household register, and satisfaction), East and West apart; the accessible table beside it
// says the same; the list "recognised, invested, residents dissatisfied" names the demo commune.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { sharedBrowser } from "../fixtures/browser";
import { signInThroughForm } from "../fixtures/demo";

const baseUrl = inject("baseUrl");
const getBrowser = sharedBrowser();

const signInAsCouncil = (page: Page) => signInThroughForm(page, "hdnd@demo.ntm.local", "/staff/council/works");

describe("council city view of works", () => {
  it("draws the scatter with one point per commune with data, the table beside it, and the dissatisfied list", async () => {
    const context = await getBrowser().newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signInAsCouncil(page);
    await page.goto(baseUrl + "/staff/council/works?criterion=roads");

    // The accessible table: every commune with road works; those in the register and with enough
    // answers are plotted, the others say why ("chưa có sổ hộ" without a register entry).
    const table = page.getByTestId("works-table").first();
    await expect.poll(() => table.locator("tbody tr").count()).toBeGreaterThan(0);
    const rows = await table.locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => ({
        slug: tr.getAttribute("data-commune"),
        plotted: tr.getAttribute("data-plotted") === "true",
        perHousehold: (tr.querySelectorAll("td")[1] as HTMLElement).innerText,
      })),
    );
    const plotted = rows.filter((r) => r.plotted);
    expect(plotted.length).toBeGreaterThan(0);
    // The demo register holds Vĩnh Bảo, Tiên Lãng and Cẩm Giàng; the other demo communes with works are not in it.
    expect(rows.filter((r) => r.perHousehold === "chưa có sổ hộ").length).toBeGreaterThan(0);
    expect(plotted.every((r) => r.perHousehold !== "chưa có sổ hộ")).toBe(true);

    // The chart, drawn by chart.js once the page's script has run: its datasets (East, West) hold
    // exactly the plotted communes, and the canvas has been painted.
    const canvas = page.getByTestId("works-scatter");
    await expect.poll(() => canvas.getAttribute("data-points"), { timeout: 15_000 }).not.toBeNull();
    const perSeries = JSON.parse((await canvas.getAttribute("data-points"))!) as number[];
    expect(perSeries).toHaveLength(2);
    expect(perSeries[0] + perSeries[1]).toBe(plotted.length);
    const painted = await canvas.evaluate((el: HTMLCanvasElement) => {
      const ctx = el.getContext("2d")!;
      const { data } = ctx.getImageData(0, 0, el.width, el.height);
      let coloured = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0) coloured++;
      return coloured;
    });
    expect(painted).toBeGreaterThan(1000);
    expect(await canvas.getAttribute("aria-label")).toContain("Biểu đồ phân tán");

    // Recognised, invested, residents below the threshold on roads.
    const dissatisfied = page.getByTestId("dissatisfied");
    expect(await dissatisfied.getByRole("heading", { level: 2 }).innerText()).toBe(
      "Đã công nhận, đã đầu tư, người dân chưa hài lòng",
    );
    const named = await dissatisfied.locator("tbody th").allInnerTexts();
    // Cẩm Giàng: a demo model commune with demo road works whose demo answers are below on roads.
    expect(named).toContain("Cẩm Giàng");
    expect(rows.find((r) => r.slug === "cam-giang")?.plotted).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
