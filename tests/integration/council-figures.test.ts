// Issue 22 point 6 and issue 24 on the council's pages: works next to satisfaction (investment per
// household from the household register, disbursement, degraded works, degraded under warranty
// with no contractor called), reports by channel and the share of fixes that held, through the
// real loaders and the CSV / Excel exports read back, against rows made here.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { createComplaint } from "~/models/complaint/filing.server";
import { loader as dashboardLoader } from "~/routes/staff.council._index";
import { loader as dossierLoader } from "~/routes/staff.council.$slug";
import { loader as exportLoader } from "~/routes/staff.council.export";
import { loader as xlsxLoader } from "~/routes/staff.council.export[.]xlsx";
import { loader as cityLoader } from "~/routes/staff.council.works";
import { languageCookie } from "~/utils/cookies.server";
import { prisma } from "~/utils/db.server";
import { context, getRequest, settle } from "../fixtures/http";
import { importTestRegister } from "../fixtures/register";
import { createStaff, signIn } from "../fixtures/staff";

const DAY = 86_400_000;
const A = "vinh-bao"; // in the register, with works
const B = "cam-giang"; // works, but not in the register
let council = "";
let communeA = 0;
let communeB = 0;
let serial = 0;

async function work(
  communeId: number,
  data: {
    category: "roads" | "water";
    invested: number;
    disbursed: number;
    handedOverDaysAgo?: number;
    contractorUnitId?: number;
  },
) {
  return prisma.work.create({
    data: {
      communeId,
      code: `T-${serial++}`,
      name: `Công trình thử ${serial}`,
      category: data.category,
      programme: "NTM kiểu mẫu 2024",
      totalInvestment: BigInt(data.invested),
      disbursed: BigInt(data.disbursed),
      status: "completed",
      handedOverOn: data.handedOverDaysAgo === undefined ? null : new Date(Date.now() - data.handedOverDaysAgo * DAY),
      warrantyMonths: 12,
      contractorUnitId: data.contractorUnitId ?? null,
    },
  });
}

const inspect = (workId: number, verdict: "good" | "degraded", daysAgo: number) =>
  prisma.workInspection.create({
    data: {
      workId,
      verdict,
      inspectors: "Ban giám sát",
      findings: "Kiểm tra",
      inspectedOn: new Date(Date.now() - daysAgo * DAY),
    },
  });

async function report(communeId: number, extra: Partial<Parameters<typeof createComplaint>[0]> = {}) {
  return createComplaint({ communeId, category: "roads", text: `Đường thôn hỏng đoạn số ${serial++}, xin sửa giúp.`, ...extra });
}

beforeAll(async () => {
  council = await signIn((await createStaff("council")).email);
  communeA = (await prisma.commune.findUniqueOrThrow({ where: { slug: A } })).id;
  communeB = (await prisma.commune.findUniqueOrThrow({ where: { slug: B } })).id;
  // The register's households: an older version that must not count, then the newest.
  await importTestRegister([[A, "Thôn Một", 999]]);
  await importTestRegister([
    [A, "Thôn Một", 1_500],
    [A, "Thôn Hai", 2_500],
  ]);
  // A round's figure and the statistics office's must not be used any more.
  await prisma.communeHouseholds.upsert({
    where: { communeId: communeB },
    create: { communeId: communeB, households: 7_000, year: 2024 },
    update: { households: 7_000 },
  });
  const contractor = await prisma.unit.create({ data: { slug: "nha-thau-thu", name: "Nhà thầu thử", kind: "contractor" } });

  // A, roads: 3 works, 60 bn invested, 15 bn disbursed.
  const r1 = await work(communeA, {
    category: "roads",
    invested: 38_000_000_000,
    disbursed: 10_000_000_000,
    handedOverDaysAgo: 60,
    contractorUnitId: contractor.id,
  });
  const r2 = await work(communeA, {
    category: "roads",
    invested: 20_000_000_000,
    disbursed: 5_000_000_000,
    handedOverDaysAgo: 90,
    contractorUnitId: contractor.id,
  });
  const r3 = await work(communeA, { category: "roads", invested: 2_000_000_000, disbursed: 0, handedOverDaysAgo: 800 });
  // r1 degraded under warranty, contractor not called; r2 degraded under warranty, forwarded to
  // the contractor; r3 degraded after its warranty ended; a "good" inspection after a degraded one
  // on r3 would clear it, here it stays degraded.
  await inspect(r1.id, "good", 30);
  await inspect(r1.id, "degraded", 2);
  await inspect(r2.id, "degraded", 3);
  await inspect(r3.id, "degraded", 4);
  const open = await report(communeA);
  await prisma.workComplaint.create({ data: { complaintId: open.id, workId: r1.id } });
  const called = await report(communeA);
  await prisma.workComplaint.create({ data: { complaintId: called.id, workId: r2.id } });
  await prisma.forwarding.create({ data: { complaintId: called.id, unitId: contractor.id, note: "Bảo hành" } });
  await prisma.complaint.update({ where: { id: called.id }, data: { status: "resolved", resolvedAt: new Date() } });
  // A, water: one work, nothing disbursed.
  await work(communeA, { category: "water", invested: 8_000_000_000, disbursed: 0 });
  // B: a work but no register entry.
  await work(communeB, { category: "roads", invested: 5_000_000_000, disbursed: 5_000_000_000 });

  // Reports by channel for A (besides the two above, both from the site).
  const intake = (channel: "hotline" | "letter" | "in_person" | "loudspeaker_meeting") =>
    report(communeA, { intake: { channel, enteredById: 0, contactConsent: false, scanFileName: null } });
  await intake("hotline");
  await intake("hotline");
  await intake("letter");
  await intake("loudspeaker_meeting");
  const key = await prisma.apiKey.create({ data: { name: "Ứng dụng thành phố", keyHash: "test-hash-figures", prefix: "t" } });
  await report(communeA, { open311: { apiKeyId: key.id, token: "tok-figures" } });
  const merged = await report(communeA);
  await prisma.complaint.update({ where: { id: merged.id }, data: { status: "merged" } });

  // "Is it fixed?": A has 6 answers (5 held), B has 2 (under the minimum).
  const fix = async (communeId: number, answer: "held" | "not_held" | null) => {
    const c = await report(communeId);
    await prisma.fixCheck.create({
      data: {
        complaintId: c.id,
        resolvedAt: new Date(),
        dueAt: new Date(),
        token: `fix-${serial++}`,
        answer,
        answeredAt: answer ? new Date() : null,
      },
    });
  };
  for (const a of ["held", "held", "held", "held", "held", "not_held", null] as const) await fix(communeA, a);
  await fix(communeB, "held");
  await fix(communeB, "not_held");
}, 120_000);

const get = (path: string) => getRequest(path, { cookie: council });

describe("works next to satisfaction", () => {
  it("dashboard: per criterion, investment per household from the newest register, disbursement, problems; 'no register' without an entry", async () => {
    const res = await settle(() => dashboardLoader({ request: get("/staff/council"), params: {}, context: context() }));
    const data = await res.json();
    const a = data.works[communeA];
    expect(a.roads).toMatchObject({
      works: 3,
      invested: 60_000_000_000,
      households: 4_000,
      perHousehold: 15_000_000,
      degraded: 3,
      withOpenReports: 1,
      degradedNoContractor: 1,
    });
    expect(a.roads.disbursedShare).toBeCloseTo(15 / 60, 10);
    expect(a.water).toMatchObject({ invested: 8_000_000_000, perHousehold: 2_000_000, disbursedShare: 0, degraded: 0 });
    expect(data.works[communeB].roads).toMatchObject({ households: null, perHousehold: null, disbursedShare: 1 });
  });

  it("city view: the register's households, and the commune without a register is not plotted per household", async () => {
    const res = await settle(() =>
      cityLoader({ request: get("/staff/council/works?criterion=roads"), params: {}, context: context() }),
    );
    const data = await res.json();
    const byName = Object.fromEntries(data.points.map((p: { slug: string }) => [p.slug, p]));
    expect(byName[A].perHousehold).toBe(15_000_000);
    expect(byName[B].perHousehold).toBeNull();
  });

  it("dossier: a works section per criterion and the works degraded under warranty, contractor called or not", async () => {
    const res = await settle(() =>
      dossierLoader({ request: get(`/staff/council/${A}`), params: { slug: A }, context: context() }),
    );
    const d = await res.json();
    expect(d.works.inRegister).toBe(true);
    expect(d.works.figures.roads.perHousehold).toBe(15_000_000);
    const list = d.works.degradedUnderWarranty as { name: string; contractorCalled: boolean }[];
    expect(list).toHaveLength(2);
    expect(list.map((w) => w.contractorCalled).sort()).toEqual([false, true]);
    const other = await settle(() =>
      dossierLoader({ request: get(`/staff/council/${B}`), params: { slug: B }, context: context() }),
    );
    expect((await other.json()).works.inRegister).toBe(false);
  });
});

describe("reports by channel and fixes that held", () => {
  it("dashboard and dossier count reports per channel (merged left out) and the share of fixes that held with its n", async () => {
    const res = await settle(() => dashboardLoader({ request: get("/staff/council"), params: {}, context: context() }));
    const data = await res.json();
    const a = data.reports[communeA];
    // Site: the 2 work reports + 7 fix-check reports; merged one left out.
    expect(a.channels).toEqual({ web: 9, open311: 1, hotline: 2, letter: 1, in_person: 0, loudspeaker_meeting: 1 });
    expect(a.fixHeld).toEqual({ answered: 6, held: 5 });
    expect(data.reports[communeB].fixHeld).toEqual({ answered: 2, held: 1 });
    const d = await (
      await settle(() => dossierLoader({ request: get(`/staff/council/${A}`), params: { slug: A }, context: context() }))
    ).json();
    expect(d.reports.channels.hotline).toBe(2);
    expect(d.reports.fixHeld).toEqual({ answered: 6, held: 5 });
  });
});

describe("exports", () => {
  it("CSV: the works, channel and fix columns in the reader's language, amounts as whole VND", async () => {
    const res = await settle(() => exportLoader({ request: get("/staff/council/export"), params: {}, context: context() }));
    const text = new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).slice(3));
    const [header, ...rows] = parse(text) as string[][];
    const col = (name: string) => {
      const i = header.indexOf(name);
      expect(i, name).toBeGreaterThanOrEqual(0);
      return i;
    };
    const a = rows.find((r) => r[0] === "Vĩnh Bảo")!;
    const b = rows.find((r) => r[0] === "Cẩm Giàng")!;
    expect(a[col("Giao thông: Vốn đầu tư (đồng)")]).toBe("60000000000");
    expect(a[col("Giao thông: Bình quân mỗi hộ (đồng)")]).toBe(String(60_000_000_000 / 4_000));
    expect(a[col("Giao thông: Tỷ lệ giải ngân")]).toBe("25,0%");
    expect(a[col("Giao thông: Công trình xuống cấp")]).toBe("3");
    expect(a[col("Giao thông: Xuống cấp trong bảo hành, chưa gọi nhà thầu")]).toBe("1");
    expect(b[col("Giao thông: Bình quân mỗi hộ (đồng)")]).toBe("chưa có sổ hộ");
    expect(a[col("Phản ánh qua Điện thoại")]).toBe("2");
    expect(a[col("Phản ánh qua Ứng dụng")]).toBe("1");
    expect(a[col("Sửa xong và đã ổn")]).toBe("83,3%");
    expect(a[col("Sửa xong và đã ổn: số người trả lời")]).toBe("6");
    expect(b[col("Sửa xong và đã ổn")]).toBe("chưa đủ dữ liệu");
  });

  it("Excel (English): amounts and counts as numbers, shares as fractions, computed from the rows", async () => {
    const request = new Request("http://localhost/staff/council/export.xlsx", {
      headers: { Cookie: `${council}; ${(await languageCookie.serialize("en")).split(";")[0]}` },
    });
    const res = await settle(() => xlsxLoader({ request, params: {}, context: context() }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const find = (name: string) => {
      const i = header.findIndex((h) => h.endsWith(name));
      expect(i, name).toBeGreaterThanOrEqual(0);
      return i + 1;
    };
    let a: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === "Vĩnh Bảo") a = row;
    });
    expect(a).toBeDefined();
    const roads = find("Roads and transport: Investment (VND)");
    expect(a!.getCell(roads).value).toBe(60_000_000_000);
    expect(a!.getCell(roads + 1).value).toBe(15_000_000);
    expect(a!.getCell(roads + 2).value).toBeCloseTo(0.25, 10);
    expect(a!.getCell(find("Reports by Phone")).value).toBe(2);
    expect(a!.getCell(find("Reports by Website")).value).toBe(9);
    expect(a!.getCell(find("Fixes that held")).value).toBeCloseTo(5 / 6, 10);
    expect(a!.getCell(find("Fixes that held: answers")).value).toBe(6);
  });
});
