// The Fatherland Front checks a closed pre-recognition round (demo: Cẩm Giàng): the integrity
// report flags the stuffed answers, the Front draws the re-check and records the visits, and the
// council sees both in the commune's dossier (issue 10 items 7-8).
import { describe, expect, it } from "vitest";
import { sharedBrowser } from "../fixtures/browser";
import { openE2eDatabase, signInThroughForm as signIn } from "../fixtures/demo";

const getBrowser = sharedBrowser();

describe("integrity report and re-check", () => {
  it("the Front sees the flags, draws the re-check and records it; the dossier shows both", async () => {
    const context = await getBrowser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, "mttq-camgiang@demo.ntm.local", "/staff/rounds");
    await page.getByRole("link", { name: /Cẩm Giàng \(demo, đã kết thúc\)/ }).click();
    await page.waitForURL(/\/staff\/rounds\/\d+$/);
    await page.getByRole("link", { name: "Kiểm tra tính trung thực" }).first().click();
    await page.waitForURL(/\/integrity\/\d+$/);

    const straight = page.locator("[data-testid=integrity-flags] li[data-flag=straight]");
    expect(await straight.getAttribute("data-flagged")).toBe("true");
    expect(await straight.innerText()).toContain("chấm cùng một mức cho mọi tiêu chí (ngưỡng 30%)");
    expect(await page.locator("[data-testid=per-hour] tbody tr").count()).toBeGreaterThan(1);
    expect(await page.locator("[data-testid=integrity-verdict] li").count()).toBe(2);

    // Exclude the straight-lined answers with a reason: the verdict shows with and without them.
    const fastRows = page.locator("[data-testid=suspects] tbody tr", { hasText: "quá nhanh" });
    expect(await fastRows.count()).toBe(16);
    for (let i = 0; i < 16; i++) await fastRows.nth(i).locator("input[type=checkbox]").check();
    await page.getByLabel("Lý do loại").fill("Mười sáu phiếu cùng một địa chỉ mạng, năm giây mỗi phiếu");
    await page.getByRole("button", { name: "Loại các câu trả lời đã chọn" }).click();
    await page.waitForURL(/excluded=16/);
    // The URL changes a moment before the page re-renders with the new data: poll.
    const verdict = page.locator("[data-testid=integrity-verdict]");
    await expect.poll(() => verdict.innerText()).toContain("Không tính các câu trả lời bị loại (28)");
    expect(await verdict.innerText()).toContain("Tính mọi câu trả lời (44)");

    await page.getByRole("button", { name: "Rút mẫu phúc tra" }).click();
    await page.waitForURL(/drawn=1/);
    const rows = page.locator("[data-testid=recheck-list] tbody tr");
    // n = 44 / (1 + 44 · 0.01) = 30.6 → 31 households to visit.
    await expect.poll(() => rows.count()).toBe(31);
    expect(await rows.first().locator("td").first().innerText()).toBe("Thôn Bắc");
    const selects = page.locator("[data-testid=recheck-list] select");
    for (let i = 0; i < 20; i++) await selects.nth(i).selectOption(i < 5 ? "denied" : "confirmed");
    await page.getByRole("button", { name: "Lưu kết quả phúc tra" }).click();
    await page.waitForURL(/recorded=1/);
    await expect
      .poll(() => page.getByTestId("recheck-result").innerText())
      .toContain("Đã gặp 20 hộ: 15 xác nhận, 5 nói không trả lời (25%");

    // Words for people (issue 23): no formula, seed, raw interval or UTC time on the page, the
    // interval said in words; the figures stay in the auditors' fold.
    const shown = await page.locator("article.integrity").innerText();
    expect(shown).not.toMatch(/N\s*\/\s*\(1\s*\+|[0-9a-f]{16,}|–\s*–\s*–|UTC|hạt giống/i);
    expect(shown).toContain("Tỷ lệ thật trong cả xã nhiều khả năng nằm trong khoảng");
    const fold = page.getByTestId("recheck-audit");
    expect(await fold.isVisible()).toBe(false);
    await page.locator("details.audit-raw", { has: fold }).locator("summary").click();
    expect(await fold.innerText()).toMatch(/Hạt giống của lần rút: [0-9a-f]{32,}/);
    expect(await fold.innerText()).toContain("n = N / (1 + N·e²)");
    // Times in Vietnam time: the first excluded answer as the flagged answers' table shows it.
    const db = openE2eDatabase({ readonly: true });
    const first = db
      .prepare("SELECT MIN(r.createdAt) AS at FROM Response r JOIN AnswerExclusion x ON x.responseId = r.id")
      .get() as { at: string };
    db.close();
    const vn = new Date(new Date(first.at).getTime() + 7 * 3600_000).toISOString();
    expect(await page.getByTestId("suspects").innerText()).toContain(
      `${vn.slice(8, 10)}/${vn.slice(5, 7)}/${vn.slice(0, 4)} ${vn.slice(11, 16)}`,
    );
    await context.close();

    const councilContext = await getBrowser().newContext({ viewport: { width: 1280, height: 900 } });
    const council = await councilContext.newPage();
    council.on("pageerror", (e) => errors.push(e.message));
    await signIn(council, "hdnd@demo.ntm.local", "/staff/council/cam-giang");
    const section = council.getByTestId("dossier-integrity");
    const text = await section.innerText();
    expect(text).toContain("Cẩm Giàng (demo, đã kết thúc)");
    expect(text).toContain("Đã gặp 20 hộ: 15 xác nhận, 5 nói không trả lời");
    expect(await section.locator("li[data-flag=denied]").getAttribute("data-flagged")).toBe("true");
    expect(text).toContain("ngưỡng 10%");
    await council.emulateMedia({ media: "print" });
    expect(await section.isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await councilContext.close();
  });
});
