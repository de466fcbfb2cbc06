// The council's side against a small hand-made data set whose right answers are known.
import { beforeAll, describe, expect, it } from "vitest";
import { periodOf } from "~/lib/vn-time";
import { insertResponsesBulk } from "../../prisma/seed/bulk-answers";
import { submitAnswer } from "~/models/survey/answers.server";
import { loader as dashboardLoader } from "~/routes/staff.council._index";
import { loader as exportLoader } from "~/routes/staff.council.export";
import { loader as xlsxLoader } from "~/routes/staff.council.export[.]xlsx";
import ExcelJS from "exceljs";
import { action as dossierAction, loader as dossierLoader } from "~/routes/staff.council.$slug";
import { action as roundAction, loader as roundLoader } from "~/routes/staff.rounds.$id";
import { loader as roundExportLoader } from "~/routes/staff.rounds.$id.export";
import { action as roundsAction } from "~/routes/staff.rounds._index";
import { createRound } from "~/models/round.server";
import { generateBatch, printBatch, sealBatch } from "~/models/ballot.server";
import { formatCode } from "~/lib/ballot-code";
import { importTestRegister } from "../fixtures/register";
import { action as surveyAction, loader as surveyLoader } from "~/routes/c.$slug.survey";
import { action as settingsAction } from "~/routes/staff.settings.thresholds";
import { prisma } from "~/utils/db.server";
import { context, cookiesFrom, formRequest, getRequest, settle } from "../fixtures/http";
import { createStaff, signIn } from "../fixtures/staff";

const DAY = 86_400_000;
let serial = 0;

/** n answers for a commune: `satisfied` of them 5 on every criterion, the rest 2 (roads only differs when given). */
async function answers(slug: string, n: number, satisfied: number, roads = satisfied) {
  const commune = await prisma.commune.findUniqueOrThrow({ where: { slug } });
  const criteria = await prisma.criterion.findMany();
  const now = new Date();
  await insertResponsesBulk(
    Array.from({ length: n }, (_, i) => ({
      communeId: commune.id,
      period: periodOf(now),
      createdAt: now,
      submissionId: `t-${serial++}`,
      ratings: criteria.map((c) => ({ criterionId: c.id, score: (c.key === "roads" ? i < roads : i < satisfied) ? 5 : 2 })),
    })),
  );
  return commune;
}

async function recognise(slug: string, levelKey: string) {
  const commune = await prisma.commune.findUniqueOrThrow({ where: { slug } });
  const level = await prisma.recognitionLevel.findUniqueOrThrow({ where: { key: levelKey } });
  await prisma.recognition.create({
    data: { communeId: commune.id, levelId: level.id, decisionNumber: `${slug}/QĐ`, decidedOn: new Date("2024-06-01") },
  });
}

let council = "";
let admin = "";
let official = "";
let otherOfficial = "";
let front = "";

beforeAll(async () => {
  // A: model commune, roads clearly below (60/100), everything else 100/100.
  await answers("vinh-bao", 100, 100, 60);
  await recognise("vinh-bao", "2021-2025/kieu-mau");
  // B: advanced commune, all satisfied (200/200): meets.
  await answers("tien-lang", 200, 200);
  await recognise("tien-lang", "2021-2025/nang-cao");
  // C: not recognised, clearly below: not on the at-risk list (it is not recognised).
  await answers("an-lao", 100, 50);
  // D: recognised, 3 answers only: not enough data, not on the list.
  await answers("kien-thuy", 3, 0);
  await recognise("kien-thuy", "2021-2025/ntm");
  // E: West commune, recognised, everything below (40/100): worse than A.
  await answers("cam-giang", 100, 40);
  await recognise("cam-giang", "2021-2025/ntm");
  council = await signIn((await createStaff("council")).email);
  admin = await signIn((await createStaff("admin")).email);
  official = await signIn((await createStaff("official", ["vinh-bao"])).email);
  otherOfficial = await signIn((await createStaff("official", ["cam-giang"])).email);
  front = await signIn((await createStaff("front", ["vinh-bao", "tien-lang"])).email);
});

const dashboard = async (query = "", cookie = council) =>
  settle(() => dashboardLoader({ request: getRequest(`/staff/council${query}`, { cookie }), params: {}, context: context() }));

describe("rollups", () => {
  it("stay equal to the raw answers after inserts and deletes", async () => {
    const raw = async () =>
      prisma.$queryRaw<
        { s: bigint; a: bigint; o: bigint }[]
      >`SELECT SUM(score >= 4) AS s, SUM(score IS NOT NULL) AS a, SUM(score IS NULL) AS o FROM Rating`;
    const rolled = async () =>
      prisma.$queryRaw<
        { s: bigint; a: bigint; o: bigint }[]
      >`SELECT SUM(satisfied) AS s, SUM(answered) AS a, SUM(noOpinion) AS o FROM ScoreRollup`;
    const commune = await prisma.commune.findUniqueOrThrow({ where: { slug: "nam-sach" } });
    const criteria = await prisma.criterion.findMany();
    const r = await submitAnswer({
      channel: "online",
      communeId: commune.id,
      period: periodOf(new Date()),
      ratings: criteria.map((c, i) => ({ criterionId: c.id, score: i === 0 ? null : 4 })),
    });
    expect(r.status).toBe("created");
    expect(await rolled()).toEqual(await raw());
    await prisma.response.delete({ where: { id: (r as { id: number }).id } });
    expect(await rolled()).toEqual(await raw());
  });
});

describe("the dashboard", () => {
  it("lists recognised communes below the threshold, worst first, with what is failing", async () => {
    const data = await (await dashboard()).json();
    const atRisk = data.atRisk.map((r: { slug: string; failing: { criterionKey: string }[] }) => [
      r.slug,
      r.failing.map((f) => f.criterionKey),
    ]);
    expect(atRisk).toEqual([
      ["cam-giang", ["roads", "environment", "water", "security", "overall"]],
      ["vinh-bao", ["roads"]],
    ]);
  });

  it("gives each commune its verdict and filters by region, level and verdict from the URL", async () => {
    const all = await (await dashboard()).json();
    const verdicts = Object.fromEntries(all.rows.map((r: { slug: string; verdict: string }) => [r.slug, r.verdict]));
    expect(verdicts).toMatchObject({
      "vinh-bao": "below",
      "tien-lang": "meets",
      "an-lao": "below",
      "kien-thuy": "insufficient",
      "cam-giang": "below",
    });
    const west = await (await dashboard("?region=west&verdict=below")).json();
    expect(west.rows.map((r: { slug: string }) => r.slug)).toEqual(["cam-giang"]);
    const model = await (await dashboard("?level=2021-2025%2Fkieu-mau")).json();
    expect(model.rows.map((r: { slug: string }) => r.slug)).toEqual(["vinh-bao"]);
    const sorted = await (await dashboard("?sort=roads&dir=asc&verdict=below")).json();
    expect(sorted.rows.map((r: { slug: string }) => r.slug)).toEqual(["cam-giang", "an-lao", "vinh-bao"]);
  });

  it("exports the filtered table as CSV in UTF-8 with a byte order mark", async () => {
    const res = await settle(() =>
      exportLoader({
        request: getRequest("/staff/council/export?region=west&verdict=below", { cookie: council }),
        params: {},
        context: context(),
      }),
    );
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("Giao thông: tỷ lệ hài lòng");
    expect(lines[1]).toMatch(/^Cẩm Giàng,Xã,Tây,/);
    // Shares as percent text in the reader's language (docs/decisions/024), not "0.4000".
    expect(lines[1]).toContain('"40,0%",100,');
  });

  it("exports the same table as an Excel workbook: counts as numbers, shares as fractions with a percent format", async () => {
    const res = await settle(() =>
      xlsxLoader({
        request: getRequest("/staff/council/export.xlsx?region=west&verdict=below", { cookie: council }),
        params: {},
        context: context(),
      }),
    );
    expect(res.headers.get("Content-Type")).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(2);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf("Giao thông: tỷ lệ hài lòng") + 1;
    expect(sheet.getRow(2).getCell(1).value).toBe("Cẩm Giàng");
    expect(sheet.getRow(2).getCell(col).value).toBe(0.4);
    expect(sheet.getRow(2).getCell(col).numFmt).toBe("0.0%");
    expect(sheet.getRow(2).getCell(col + 1).value).toBe(100);
  });

  it("is for council members and administrators only", async () => {
    expect((await dashboard("", official)).status).toBe(403);
    expect((await dashboard("", admin)).status).toBe(200);
  });
});

describe("survey rounds", () => {
  let roundId = 0;
  let paperCodes: string[] = [];
  beforeAll(async () => {
    const level = await prisma.recognitionLevel.findUniqueOrThrow({ where: { key: "2021-2025/kieu-mau" } });
    const commune = await prisma.commune.findUniqueOrThrow({ where: { slug: "vinh-bao" } });
    // An open round (no household codes online), approved, households from the register (decision 036).
    await importTestRegister([["vinh-bao", "Thôn Một", 50]]);
    roundId = (
      await createRound({
        name: "Trước công nhận kiểu mẫu",
        purpose: "pre_recognition",
        levelId: level.id,
        startsAt: new Date(Date.now() - 2 * DAY),
        endsAt: new Date(Date.now() + 3 * DAY),
        codesRequired: false,
        createdById: null,
        communes: [{ communeId: commune.id, households: 50 }],
      })
    ).id;
    // Every paper ballot carries a household code (decision 036).
    const made = await generateBatch({ actorId: null, roundId, communeId: commune.id, village: "Thôn Một", count: 2 });
    if (!made.ok) throw new Error(made.reason);
    paperCodes = (await printBatch({ id: made.batchId, actorId: null }))!.slips.map((x) => formatCode(x.code));
    await sealBatch({ id: made.batchId, roundId, communeId: commune.id, actorId: null });
  });

  const round = (cookie: string) =>
    settle(() =>
      roundLoader({
        request: getRequest(`/staff/rounds/${roundId}`, { cookie }),
        params: { id: String(roundId) },
        context: context(),
      }),
    );
  const paper = (cookie: string, communeSlug: string, cells: Record<string, string>) =>
    prisma.commune.findUniqueOrThrow({ where: { slug: communeSlug } }).then((c) =>
      settle(() =>
        roundAction({
          request: formRequest(`/staff/rounds/${roundId}`, { communeId: String(c.id), ...cells }, { cookie }),
          params: { id: String(roundId) },
          context: context(),
        }),
      ),
    );

  it("puts a resident's answer into the round open for the commune", async () => {
    const form = await settle(() =>
      surveyLoader({ request: getRequest("/c/vinh-bao/survey"), params: { slug: "vinh-bao" }, context: context() }),
    );
    const cookie = cookiesFrom(form);
    const { submissionId } = await form.json();
    const body = { r_roads: "4", r_environment: "4", r_water: "4", r_security: "4", r_overall: "4", submissionId };
    expect(
      (
        await settle(() =>
          surveyAction({
            request: formRequest("/c/vinh-bao/survey", body, { cookie }),
            params: { slug: "vinh-bao" },
            context: context("10.9.9.9"),
          }),
        )
      ).status,
    ).toBe(303);
    expect((await prisma.response.findFirstOrThrow({ where: { submissionId } })).roundId).toBe(roundId);
  });

  it("stores paper ballots, marked paper, and refuses a bad or blank cell without storing anything", async () => {
    const ballot = { b0_code: paperCodes[0], b0_roads: "4", b0_environment: "k", b0_security: "5", b0_overall: "d" };
    const second = { b1_code: paperCodes[1], b1_environment: "2", b1_water: "3", b1_security: "2", b1_overall: "2" };
    // A blank cell is not "no opinion" (issue 23): the clerk writes "-"; both errors come at once.
    const bad = await paper(front, "vinh-bao", { ...ballot, b0_water: "", ...second, b1_roads: "7" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors).toEqual({ b0_water: "errors.ballotBlank", b1_roads: "errors.ballotCell" });
    expect(await prisma.response.count({ where: { roundId, channel: "paper" } })).toBe(0);
    const ok = await paper(front, "vinh-bao", { ...ballot, b0_water: "-", ...second, b1_roads: "1" });
    expect(ok.status).toBe(303);
    const stored = await prisma.response.findMany({
      where: { roundId, channel: "paper" },
      include: { ratings: { include: { criterion: true } } },
      orderBy: { id: "asc" },
    });
    expect(stored).toHaveLength(2);
    expect(Object.fromEntries(stored[0].ratings.map((r) => [r.criterion.key, r.score]))).toEqual({
      roads: 4,
      environment: 1,
      water: null,
      security: 5,
      overall: 5,
    });
  });

  it("refuses paper ballots from an official of another commune and from a council member", async () => {
    expect((await paper(otherOfficial, "vinh-bao", { b0_roads: "4" })).status).toBe(403);
    // Separation of duties (issue 10): the commune's own officials do not enter its paper ballots.
    expect((await paper(official, "vinh-bao", { b0_roads: "4" })).status).toBe(403);
    expect((await paper(council, "vinh-bao", { b0_roads: "4" })).status).toBe(403);
  });

  it("hides a pre-recognition round's results until it closes, but shows the counts", async () => {
    const open = await (await round(council)).json();
    expect(open.visible).toBe(false);
    expect(open.communes[0]).toMatchObject({ online: 1, paper: 2, households: 50, results: null });
    expect(open.communes[0].coverage.share).toBeCloseTo(3 / 50);
    expect(
      (
        await settle(() =>
          roundExportLoader({
            request: getRequest(`/staff/rounds/${roundId}/export`, { cookie: council }),
            params: { id: String(roundId) },
            context: context(),
          }),
        )
      ).status,
    ).toBe(403);

    // Paper entry closed (the close plus the grace period): results shown (decision 036).
    await prisma.surveyRound.update({ where: { id: roundId }, data: { endsAt: new Date(Date.now() - 3 * DAY) } });
    const closed = await (await round(council)).json();
    expect(closed.visible).toBe(true);
    const roads = closed.communes[0].results.find((r: { key: string }) => r.key === "roads");
    expect(roads.online).toMatchObject({ hidden: true, answered: 1 });
    expect(roads.paper).toMatchObject({ hidden: true, answered: 2 });
    const csv = await settle(() =>
      roundExportLoader({
        request: getRequest(`/staff/rounds/${roundId}/export`, { cookie: council }),
        params: { id: String(roundId) },
        context: context(),
      }),
    );
    expect(csv.status).toBe(200);
    const text = (await csv.text()).replace(/^\uFEFF/, "");
    expect(text.trim().split("\n")).toHaveLength(4);
    expect(text).not.toMatch(/voter|ipHash/i);
  });
});

describe("reviews", () => {
  const review = (cookie: string, body: Record<string, string>) =>
    settle(() =>
      dossierAction({
        request: formRequest("/staff/council/vinh-bao", body, { cookie }),
        params: { slug: "vinh-bao" },
        context: context(),
      }),
    );

  it("a council member records a review with a reason; it is listed on the dossier with who and when", async () => {
    expect((await review(council, { verdict: "defer", reason: "Giao thông còn dưới ngưỡng, cần khảo sát lại." })).status).toBe(
      303,
    );
    const short = await review(council, { verdict: "recommend", reason: "ok" });
    expect(short.status).toBe(400);
    const data = await (
      await settle(() =>
        dossierLoader({
          request: getRequest("/staff/council/vinh-bao", { cookie: admin }),
          params: { slug: "vinh-bao" },
          context: context(),
        }),
      )
    ).json();
    expect(data.reviews).toHaveLength(1);
    expect(data.reviews[0]).toMatchObject({ verdict: "defer", reason: "Giao thông còn dưới ngưỡng, cần khảo sát lại." });
    expect(data.reviews[0].user.name).toMatch(/^council/);
  });

  it("is the only change a council member can make; administrators and officials cannot review", async () => {
    expect((await review(admin, { verdict: "recommend", reason: "Đủ điều kiện công nhận." })).status).toBe(403);
    expect((await review(official, { verdict: "recommend", reason: "Đủ điều kiện công nhận." })).status).toBe(403);
    const create = await settle(() =>
      roundsAction({
        request: formRequest(
          "/staff/rounds",
          { name: "x", purpose: "routine", startsOn: "2026-01-01", endsOn: "2026-02-01" },
          { cookie: council },
        ),
        params: {},
        context: context(),
      }),
    );
    expect(create.status).toBe(403);
  });
});

describe("thresholds per level", () => {
  it("an administrator changes a level's share, minimum sample and coverage; verdicts follow", async () => {
    const levels = await prisma.recognitionLevel.findMany();
    const body: Record<string, string> = { intent: "thresholds", share_default: "90", sample_default: "30" };
    for (const l of levels) {
      const ntm = l.key === "2021-2025/ntm";
      body[`share_${l.id}`] = ntm ? "30" : "90";
      body[`sample_${l.id}`] = "30";
      body[`coverage_${l.id}`] = ntm ? "60" : "70";
    }
    const bad = await settle(() =>
      settingsAction({
        request: formRequest("/staff/settings/thresholds", { ...body, [`coverage_${levels[0].id}`]: "150" }, { cookie: admin }),
        params: {},
        context: context(),
      }),
    );
    expect(bad.status).toBe(400);
    const ok = await settle(() =>
      settingsAction({
        request: formRequest("/staff/settings/thresholds", body, { cookie: admin }),
        params: {},
        context: context(),
      }),
    );
    expect(ok.status).toBe(303);
    const ntm = await prisma.recognitionLevel.findUniqueOrThrow({ where: { key: "2021-2025/ntm" } });
    expect(ntm).toMatchObject({ thresholdShare: 0.3, minSample: 30, coverageShare: 0.6 });
    // Cẩm Giàng (NTM, 40% satisfied) now meets the lowered NTM threshold and leaves the at-risk list.
    const data = await (await dashboard()).json();
    expect(data.atRisk.map((r: { slug: string }) => r.slug)).toEqual(["vinh-bao"]);
  });
});
