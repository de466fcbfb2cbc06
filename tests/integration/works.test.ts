// Works (issue 22) through loaders and actions on a real SQLite file: spreadsheet import (valid,
// every kind of bad row, bad files, re-import), the report → work link, the warranty notice in
// the inbox with forwarding to the contractor, the supervision board's degraded verdict, and the
// public pages.
import ExcelJS from "exceljs";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { action as importAction } from "~/routes/staff.works.import";
import { loader as templateLoader } from "~/routes/staff.works.template[.]xlsx";
import { action as reportAction, loader as reportLoader } from "~/routes/c.$slug.report";
import { loader as workLoader } from "~/routes/c.$slug.works.$code";
import { loader as worksLoader } from "~/routes/c.$slug.works._index";
import { loader as communeLoader } from "~/routes/c.$slug._index";
import { loader as inboxLoader } from "~/routes/staff._index";
import { loader as complaintLoader } from "~/routes/staff.complaints.$id";
import { action as forwardAction } from "~/routes/staff.complaints.$id_.forward";
import { WORK_COLUMNS, WORK_HEADERS, type WorkColumn } from "~/lib/work-import";
import { computeWorksFigures } from "~/models/work/council.server";
import { recordInspection } from "~/models/work/inspection.server";
import { prisma } from "~/utils/db.server";
import { context, formRequest, getRequest, ORIGIN, settle } from "../fixtures/http";
import { importTestRegister } from "../fixtures/register";
import { createStaff, signIn } from "../fixtures/staff";

const SLUG = "vinh-bao";
const OTHER = "cam-giang";
const vn = (local: string) => new Date(`${local}+07:00`);
let official = "";
let admin = "";
let communeId = 0;

beforeAll(async () => {
  official = await signIn((await createStaff("official", [SLUG])).email);
  admin = await signIn((await createStaff("admin")).email);
  communeId = (await prisma.commune.findUniqueOrThrow({ where: { slug: SLUG } })).id;
});

beforeEach(async () => {
  await prisma.complaint.deleteMany();
  await prisma.work.deleteMany();
});

const today = new Date();
const dmy = (d: Date) =>
  `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
const monthsAgo = (n: number) => dmy(new Date(today.getTime() - n * 30 * 86_400_000));

function row(cells: Partial<Record<WorkColumn, string>> = {}): Partial<Record<WorkColumn, string>> {
  return {
    commune: SLUG,
    code: "GT-01",
    name: "Đường trục xã",
    category: "Giao thông",
    programme: "NTM kiểu mẫu 2024",
    totalInvestment: "38.500.000.000",
    fundCity: "27.000.000.000",
    fundCommune: "9.000.000.000",
    contractor: "Công ty Xây dựng Thử nghiệm",
    startedOn: monthsAgo(14),
    handedOverOn: monthsAgo(3),
    disbursed: "10.000.000.000",
    progress: "100",
    status: "Đã bàn giao",
    location: "20.69, 106.48",
    ...cells,
  };
}

const csv = (rows: Partial<Record<WorkColumn, string>>[]) =>
  [WORK_COLUMNS.map((c) => WORK_HEADERS[c]), ...rows.map((r) => WORK_COLUMNS.map((c) => r[c] ?? ""))]
    .map((cells) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(","))
    .join("\n");

function upload(
  file: { name: string; data: Uint8Array | string } | null,
  fields: Record<string, string> = { intent: "preview" },
  cookie = official,
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("file", new File([typeof file.data === "string" ? file.data : new Uint8Array(file.data)], file.name));
  const request = new Request(`${ORIGIN}/staff/works/import`, {
    method: "POST",
    body: form,
    headers: { Origin: ORIGIN, Cookie: cookie },
  });
  return settle(() => importAction({ request, params: {}, context: context() }));
}

/** Preview, then confirm with the rows the preview sent back, as the page does. */
async function importCsv(rows: Partial<Record<WorkColumn, string>>[], cookie = official) {
  const preview = await upload({ name: "works.csv", data: csv(rows) }, { intent: "preview" }, cookie);
  const body = (await preview.json()) as { rows?: string; errors?: unknown; formError?: string };
  if (preview.status !== 200) return { status: preview.status, body };
  const done = await upload(null, { intent: "import", rows: body.rows! }, cookie);
  return { status: done.status, body: (await done.json()) as Record<string, unknown> };
}

describe("import", () => {
  it("previews without writing, then writes every row; amounts are whole VND, dates Vietnam days", async () => {
    const preview = await upload({
      name: "works.csv",
      data: csv([row(), row({ code: "NS-01", category: "Nước sinh hoạt", name: "Tuyến ống" })]),
    });
    expect(preview.status).toBe(200);
    expect(await prisma.work.count()).toBe(0);
    const { status, body } = await importCsv([row(), row({ code: "NS-01", category: "Nước sinh hoạt", name: "Tuyến ống" })]);
    expect(status).toBe(200);
    expect(body).toEqual({ done: { created: 2, updated: 0 } });
    const work = await prisma.work.findFirstOrThrow({ where: { code: "GT-01" } });
    expect(work.totalInvestment).toBe(38_500_000_000n);
    expect(work.category).toBe("roads");
    expect(work.status).toBe("handed_over");
    expect(work.warrantyMonths).toBe(12);
    expect(work.contractorUnitId).not.toBeNull();
  });

  it("re-importing the same file updates the works and never duplicates them", async () => {
    await importCsv([row()]);
    const { body } = await importCsv([row({ name: "Đường trục xã (điều chỉnh)", disbursed: "20.000.000.000" })]);
    expect(body).toEqual({ done: { created: 0, updated: 1 } });
    const works = await prisma.work.findMany({ where: { communeId } });
    expect(works).toHaveLength(1);
    expect(works[0].name).toBe("Đường trục xã (điều chỉnh)");
    expect(works[0].disbursed).toBe(20_000_000_000n);
    expect(await prisma.unit.count({ where: { name: "Công ty Xây dựng Thử nghiệm" } })).toBe(1);
  });

  it("reads an .xlsx with typed dates and numbers, and refuses a formula in a cell", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("x");
    sheet.addRow(WORK_COLUMNS.map((c) => WORK_HEADERS[c]));
    const cells = row({ totalInvestment: "", startedOn: "01/01/2025" });
    sheet.addRow(
      WORK_COLUMNS.map((c) =>
        c === "totalInvestment" ? 38_500_000_000 : c === "handedOverOn" ? new Date(Date.UTC(2025, 2, 15)) : (cells[c] ?? ""),
      ),
    );
    const good = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
    const ok = await upload({ name: "works.xlsx", data: good });
    expect(ok.status).toBe(200);
    sheet.getCell("J2").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
    const bad = await upload({ name: "works.xlsx", data: new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer) });
    expect(bad.status).toBe(400);
    const { errors } = (await bad.json()) as { errors: { row: number; column: string; error: string }[] };
    expect(errors).toContainEqual(expect.objectContaining({ row: 2, column: "fundCommune", error: "formula" }));
  });

  it("lists every bad row with its row, column and reason, and writes nothing", async () => {
    const { status, body } = await importCsv([
      row({ code: "A-1", totalInvestment: "-5.000.000" }),
      row({ code: "A-2", handedOverOn: "31/02/2026" }),
      row({ code: "A-3", category: "Đèn lồng" }),
      row({ code: "A-4", name: "" }),
      row({ code: "A-5", commune: "khong-co-xa-nay" }),
      row({ code: "A-6", commune: OTHER }),
      row({ code: "A-7", startedOn: "ngày mai" }),
      row({ code: "A-8", disbursed: "50.000.000.000" }),
      row({ code: "A-9", progress: "120" }),
      row({ code: "A-10", fundCity: "=SUM(1,2)" }),
      row({ code: "A-12" }),
      row({ code: "a-12" }),
    ]);
    expect(status).toBe(400);
    const errors = (body as { errors: { row: number; column: string; error: string }[] }).errors.map(
      (e) => `${e.row}:${e.column}:${e.error}`,
    );
    expect(errors).toEqual([
      "2:totalInvestment:negative",
      "3:handedOverOn:noSuchDate",
      "4:category:unknownValue",
      "5:name:required",
      "6:commune:unknownCommune",
      "7:commune:notYourCommune",
      "8:startedOn:notDate",
      "9:disbursed:disbursedOverTotal",
      "10:progress:badProgress",
      "11:fundCity:formula",
      "13:code:duplicateCode",
    ]);
    expect(await prisma.work.count()).toBe(0);
  });

  it("an administrator imports for any commune", async () => {
    const { body } = await importCsv([row({ commune: OTHER })], admin);
    expect(body).toEqual({ done: { created: 1, updated: 0 } });
  });

  it("refuses what is not a spreadsheet, a file over 5 MB and an empty upload with 400", async () => {
    const notSheet = await upload({ name: "works.xlsx", data: "hello, not a zip" });
    expect(notSheet.status).toBe(400);
    expect(await notSheet.json()).toEqual({ formError: "notSpreadsheet" });
    const pdf = await upload({ name: "works.pdf", data: "%PDF-1.4" });
    expect(await pdf.json()).toEqual({ formError: "notSpreadsheet" });
    const big = await upload({ name: "works.csv", data: new Uint8Array(50 * 1024 * 1024).fill(65) });
    expect(big.status).toBe(400);
    expect(await big.json()).toEqual({ formError: "tooLarge" });
    const none = await upload(null);
    expect(await none.json()).toEqual({ formError: "noFile" });
    expect(await prisma.work.count()).toBe(0);
  });

  it("gives a template with the import's columns", async () => {
    const res = await settle(() =>
      templateLoader({ request: getRequest("/staff/works/template.xlsx", { cookie: official }), params: {}, context: context() }),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets[0].getRow(1).getCell(1).value).toBe(WORK_HEADERS.commune);
    expect(book.worksheets[0].getRow(2).getCell(8).value).toBe("38.500.000.000");
  });
});

describe("reports about a work and the warranty", () => {
  async function report(fields: Record<string, string>, slug = SLUG) {
    const form = new FormData();
    for (const [k, v] of Object.entries({ category: "roads", text: "Mặt đường bong tróc, nhiều ổ gà nguy hiểm.", ...fields }))
      form.append(k, v);
    const request = new Request(`${ORIGIN}/c/${slug}/report`, { method: "POST", body: form, headers: { Origin: ORIGIN } });
    return settle(() =>
      reportAction({ request, params: { slug }, context: context(`198.51.100.${Math.floor(Math.random() * 200)}`) }),
    );
  }

  it("links the report to the work, shows the warranty in the inbox, and forwards to the contractor", async () => {
    await importCsv([row()]);
    const form = await settle(() =>
      reportLoader({ request: getRequest(`/c/${SLUG}/report?work=GT-01`), params: { slug: SLUG }, context: context() }),
    );
    expect(((await form.json()) as { works: { code: string }[] }).works.map((w) => w.code)).toEqual(["GT-01"]);
    const filed = await report({ work: "GT-01" });
    expect(filed.status).toBe(303);
    const complaint = await prisma.complaint.findFirstOrThrow({
      select: { id: true, workLink: { select: { work: { select: { code: true } } } } },
    });
    expect(complaint.workLink?.work.code).toBe("GT-01");

    const inbox = await settle(() =>
      inboxLoader({ request: getRequest("/staff", { cookie: official }), params: {}, context: context() }),
    );
    const { warranty } = (await inbox.json()) as { warranty: Record<string, { contractor: string; withContractor: boolean }> };
    expect(warranty[complaint.id]).toMatchObject({ contractor: "Công ty Xây dựng Thử nghiệm", withContractor: false });

    const unit = await prisma.work.findFirstOrThrow({ select: { contractorUnitId: true } });
    const sent = await settle(() =>
      forwardAction({
        request: formRequest(
          `/staff/complaints/${complaint.id}/forward`,
          { intent: "forward", unitId: String(unit.contractorUnitId), note: "Bảo hành" },
          { cookie: official },
        ),
        params: { id: String(complaint.id) },
        context: context(),
      }),
    );
    expect(sent.status).toBe(303);
    const page = await settle(() =>
      complaintLoader({
        request: getRequest(`/staff/complaints/${complaint.id}`, { cookie: official }),
        params: { id: String(complaint.id) },
        context: context(),
      }),
    );
    expect(((await page.json()) as { warranty: { withContractor: boolean } }).warranty.withContractor).toBe(true);
    const work = await settle(() =>
      workLoader({ request: getRequest(`/c/${SLUG}/works/GT-01`), params: { slug: SLUG, code: "GT-01" }, context: context() }),
    );
    const data = (await work.json()) as { reports: unknown[]; history: { kind: string; unit: string }[] };
    expect(data.reports).toHaveLength(1);
    expect(data.history).toEqual([expect.objectContaining({ kind: "forwarded", unit: "Công ty Xây dựng Thử nghiệm" })]);
  });

  it("refuses a work of another commune or an unknown code with 400 and files nothing", async () => {
    await importCsv([row({ commune: OTHER })], admin);
    const res = await report({ work: "GT-01" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { fieldErrors: Record<string, string> }).fieldErrors.work).toBe("works:pick.unknown");
    expect(await prisma.complaint.count()).toBe(0);
  });

  it("shows no warranty notice once the warranty has ended (Vietnam calendar)", async () => {
    await importCsv([row({ handedOverOn: monthsAgo(14), warrantyMonths: "12" })]);
    await report({ work: "GT-01" });
    const inbox = await settle(() =>
      inboxLoader({ request: getRequest("/staff", { cookie: official }), params: {}, context: context() }),
    );
    expect(((await inbox.json()) as { warranty: object }).warranty).toEqual({});
  });

  it("a degraded verdict of the supervision board on a work under warranty becomes a report in the inbox", async () => {
    await importCsv([row()]);
    const result = await recordInspection({
      communeId,
      code: "GT-01",
      actorId: null,
      inspectedOn: vn("2026-12-01T00:00:00"),
      inspectors: "Ban giám sát",
      findings: "Mặt đường nứt dọc 40 m.",
      verdict: "degraded",
      now: new Date(Math.max(Date.now(), vn("2026-12-02T00:00:00").getTime())),
    });
    expect(result.ok && result.complaintId).toBeTruthy();
    const link = await prisma.workComplaint.findFirstOrThrow();
    expect(link.fromInspectionId).not.toBeNull();
    const ok = await recordInspection({
      communeId,
      code: "GT-01",
      actorId: null,
      inspectedOn: vn("2026-12-01T00:00:00"),
      inspectors: "Ban",
      findings: "Tốt",
      verdict: "good",
    });
    expect(ok.ok && ok.complaintId).toBeNull();
  });
});

describe("public pages", () => {
  it("the commune page sums works per criterion; the works page and a work's page show them", async () => {
    await importCsv([
      row(),
      row({
        code: "GT-02",
        totalInvestment: "20.000.000.000",
        fundCity: "0",
        fundCommune: "0",
        disbursed: "0",
        handedOverOn: "",
        status: "Đang thi công",
        progress: "40",
      }),
    ]);
    const page = await settle(() =>
      communeLoader({ request: getRequest(`/c/${SLUG}`), params: { slug: SLUG }, context: context() }),
    );
    const { works } = (await page.json()) as {
      works: { category: string; works: number; totalInvestment: number; underWarranty: number }[];
    };
    expect(works).toEqual([
      expect.objectContaining({ category: "roads", works: 2, totalInvestment: 58_500_000_000, underWarranty: 1 }),
    ]);
    const list = await settle(() =>
      worksLoader({ request: getRequest(`/c/${SLUG}/works`), params: { slug: SLUG }, context: context() }),
    );
    expect(((await list.json()) as { works: unknown[] }).works).toHaveLength(2);
    const missing = await settle(() =>
      workLoader({ request: getRequest(`/c/${SLUG}/works/NOPE`), params: { slug: SLUG, code: "NOPE" }, context: context() }),
    );
    expect(missing.status).toBe(404);
  });
});

describe("council figures", () => {
  it("computes investment per household and the disbursement share from the rows", async () => {
    // Households from the household register's newest version (decision 036), not CommuneHouseholds.
    await importTestRegister([[SLUG, "Thôn Một", 4_000]]);
    await importCsv([
      row({ code: "GT-01", totalInvestment: "38.500.000.000", disbursed: "10.000.000.000" }),
      row({ code: "GT-02", totalInvestment: "20.000.000.000", fundCity: "0", fundCommune: "0", disbursed: "5.000.000.000" }),
      row({
        code: "NS-01",
        category: "Nước sinh hoạt",
        totalInvestment: "10.000.000.000",
        fundCity: "0",
        fundCommune: "0",
        disbursed: "0",
      }),
    ]);
    await recordInspection({
      communeId,
      code: "GT-01",
      actorId: null,
      inspectedOn: new Date(Date.now() - 86_400_000),
      inspectors: "Ban",
      findings: "Nứt",
      verdict: "degraded",
    });
    const figures = await computeWorksFigures(new Date());
    const roads = figures.find((f) => f.communeId === communeId && f.category === "roads")!;
    expect(roads).toMatchObject({
      works: 2,
      invested: 58_500_000_000,
      disbursed: 15_000_000_000,
      households: 4_000,
      perHousehold: 14_625_000,
      degraded: 1,
      withOpenReports: 1,
      degradedNoContractor: 1,
    });
    expect(roads.disbursedShare).toBeCloseTo(15 / 58.5, 10);
    expect(figures.find((f) => f.communeId === communeId && f.category === "water")).toMatchObject({
      perHousehold: 2_500_000,
      disbursedShare: 0,
    });
  });
});
