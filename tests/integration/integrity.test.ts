// The integrity report and the re-check (issue 10 items 7-8, docs/decisions/026) against a real
// database: flags on a crafted round, exclusions with a reason (audit event, verdict with and
// without, rollups untouched), the re-check draw reproduced from its seed and its recording, and
// the completion time from the signed form start.
import { beforeAll, describe, expect, it } from "vitest";
import { drawSample, sampleSize } from "~/lib/integrity";
import { generateBatch, printBatch, sealBatch } from "~/models/ballot.server";
import {
  drawRecheck,
  excludeAnswers,
  getIntegrityReport,
  getRecheck,
  recordRecheck,
  usedSerials,
} from "~/models/integrity.server";
import { createRound, getRound } from "~/models/round.server";
import { submitAnswer } from "~/models/survey/answers.server";
import { action as surveyAction, loader as surveyLoader } from "~/routes/c.$slug.survey";
import { loader as dossierLoader } from "~/routes/staff.council.$slug";
import { action as integrityAction, loader as integrityLoader } from "~/routes/staff.rounds.$id_.integrity.$communeId";
import { prisma } from "~/utils/db.server";
import { context, cookiesFrom, formRequest, getRequest, settle } from "../fixtures/http";
import { createStaff, signIn } from "../fixtures/staff";
import { importTestRegister } from "../fixtures/register";

const DAY = 86_400_000;
const SEED = "00112233445566778899aabbccddeeff";
let vinhBao = 0;
let tienLang = 0;
let roundId = 0;
let openRoundId = 0;
let frontId = 0;
let front = "";
let official = "";
let council = "";
let criteria: { id: number; key: string; isOverall: boolean }[] = [];
const stuffedIds: number[] = [];

const ratings = (scores: number[]) => criteria.map((c, i) => ({ criterionId: c.id, score: scores[i % scores.length] }));

async function rollupSnapshot() {
  const rows = await prisma.scoreRollup.findMany({
    where: { communeId: vinhBao },
    orderBy: [{ criterionId: "asc" }, { period: "asc" }, { channel: "asc" }],
  });
  return JSON.stringify(rows);
}

beforeAll(async () => {
  vinhBao = (await prisma.commune.findUniqueOrThrow({ where: { slug: "vinh-bao" } })).id;
  tienLang = (await prisma.commune.findUniqueOrThrow({ where: { slug: "tien-lang" } })).id;
  criteria = await prisma.criterion.findMany({
    where: { active: true },
    orderBy: { sortOrder: "asc" },
    select: { id: true, key: true, isOverall: true },
  });
  const f = await createStaff("front", ["vinh-bao", "tien-lang"]);
  frontId = f.id;
  front = await signIn(f.email);
  official = await signIn((await createStaff("official", ["vinh-bao"])).email);
  council = await signIn((await createStaff("council")).email);
  const level = await prisma.recognitionLevel.findUniqueOrThrow({ where: { key: "2021-2025/nang-cao" } });
  const now = Date.now();
  await importTestRegister([
    ["vinh-bao", "Thôn Đông", 40],
    ["tien-lang", "Thôn Nam", 10],
  ]);
  // A pre-recognition round that closed three days ago (paper entry closed too), with codes required.
  roundId = (
    await createRound({
      name: "Trước công nhận (kiểm tra)",
      purpose: "pre_recognition",
      levelId: level.id,
      startsAt: new Date(now - 10 * DAY),
      endsAt: new Date(now - 3 * DAY),
      codesRequired: true,
      communes: [
        { communeId: vinhBao, households: 40 },
        { communeId: tienLang, households: 10 },
      ],
      createdById: frontId,
    })
  ).id;
  const made = await generateBatch({
    actorId: frontId,
    roundId,
    communeId: vinhBao,
    village: "Thôn Đông",
    count: 32,
    now: new Date(now - 9 * DAY),
  });
  if (!made.ok) throw new Error(made.reason);
  const printed = (await printBatch({ id: made.batchId, actorId: frontId }))!;
  await sealBatch({ id: made.batchId, roundId, communeId: vinhBao, actorId: frontId, now: new Date(now - 9 * DAY) });
  const codes = printed.slips.map((s) => s.code);
  // 20 honest households: varied scores, their own addresses, 100-290 seconds.
  for (let i = 0; i < 20; i++) {
    const r = await submitAnswer({
      channel: "online",
      communeId: vinhBao,
      code: codes[i],
      ratings: ratings([(i % 5) + 1, ((i + 1) % 5) + 1, ((i + 3) % 5) + 1, 4, ((i + 2) % 5) + 1]),
      ipHash: `home-${i}`,
      submissionId: crypto.randomUUID(),
      at: new Date(now - 5 * DAY + i * 600_000),
      durationSeconds: 100 + i * 10,
    });
    if (!r.ok) throw new Error(r.reason);
  }
  // 12 stuffed ballots: all 5, one address, 5 seconds each.
  for (let i = 20; i < 32; i++) {
    const r = await submitAnswer({
      channel: "online",
      communeId: vinhBao,
      code: codes[i],
      ratings: ratings([5]),
      ipHash: "bot",
      submissionId: crypto.randomUUID(),
      at: new Date(now - 4 * DAY + i * 1000),
      durationSeconds: 5,
    });
    if (!r.ok) throw new Error(r.reason);
    stuffedIds.push(r.id);
  }
  // An open round for Tiên Lãng (cannot be re-checked yet).
  openRoundId = (
    await createRound({
      name: "Đợt đang mở",
      purpose: "pre_recognition",
      levelId: level.id,
      startsAt: new Date(now - DAY),
      endsAt: new Date(now + 5 * DAY),
      codesRequired: true,
      communes: [{ communeId: tienLang, households: 10 }],
      createdById: frontId,
    })
  ).id;
});

describe("integrity report", () => {
  it("flags the crafted round, each with its figure and threshold", async () => {
    const report = (await getIntegrityReport({ round: (await getRound({ id: roundId }))!, communeId: vinhBao }))!;
    const by = Object.fromEntries(report.flags.map((f) => [f.key, f]));
    expect(report.total).toBe(32);
    expect(by.straight).toMatchObject({ value: 12 / 32, threshold: 0.3, flagged: true });
    expect(by.topAddresses.value).toBeCloseTo(14 / 32);
    expect(by.topAddresses.flagged).toBe(true);
    expect(by.fast.flagged).toBe(true);
    expect(by.identical.flagged).toBe(true);
    expect(by.villageUse).toMatchObject({ value: 1, flagged: true, detail: "Thôn Đông" });
    expect(report.perHour.reduce((s, h) => s + h.count, 0)).toBe(32);
    expect(report.villages).toEqual([{ village: "Thôn Đông", count: 32, sealed: true, used: 32 }]);
    expect(report.medianSeconds).toBe(135);
    expect(
      report.suspects
        .filter((s) => s.straight)
        .map((s) => s.id)
        .sort(),
    ).toEqual([...stuffedIds].sort());
  });

  it("a threshold is an administrator's setting", async () => {
    await prisma.setting.upsert({
      where: { key: "integrity.straightShare" },
      create: { key: "integrity.straightShare", value: "0.5" },
      update: { value: "0.5" },
    });
    await prisma.$executeRaw`UPDATE CacheVersion SET version = version + 1 WHERE scope = 'reference'`;
    const report = (await getIntegrityReport({ round: (await getRound({ id: roundId }))!, communeId: vinhBao }))!;
    const straight = report.flags.find((f) => f.key === "straight")!;
    expect(straight).toMatchObject({ threshold: 0.5, flagged: false });
    await prisma.setting.delete({ where: { key: "integrity.straightShare" } });
    await prisma.$executeRaw`UPDATE CacheVersion SET version = version + 1 WHERE scope = 'reference'`;
  });
});

describe("exclusions", () => {
  const post = (body: Record<string, string | string[]>, cookie: string, communeId = vinhBao) =>
    settle(() =>
      integrityAction({
        request: formRequest(`/staff/rounds/${roundId}/integrity/${communeId}`, body, { cookie }),
        params: { id: String(roundId), communeId: String(communeId) },
        context: context(),
      }),
    );

  it("need a reason, next to the field, and nothing is written without one", async () => {
    const res = await post({ intent: "exclude", ids: stuffedIds.map(String), reason: "ngắn" }, front);
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors.reason).toBe("integrity:errors.reason");
    expect(await prisma.answerExclusion.count()).toBe(0);
  });

  it("are refused to the commune's officials (separation of duties)", async () => {
    const res = await post(
      { intent: "exclude", ids: stuffedIds.map(String), reason: "Cùng một địa chỉ, 5 giây mỗi phiếu" },
      official,
    );
    expect(res.status).toBe(403);
  });

  it("cannot reach an answer of another round or commune", async () => {
    const r = await excludeAnswers({
      actorId: frontId,
      roundId,
      communeId: tienLang,
      responseIds: [stuffedIds[0]],
      reason: "Thử loại sai xã",
    });
    expect(r).toEqual({ ok: false, reason: "notInRound" });
    expect(await prisma.answerExclusion.count()).toBe(0);
  });

  it("keep the answers and the rollups, are audited, and the verdict shows with and without them", async () => {
    const before = await getIntegrityReport({ round: (await getRound({ id: roundId }))!, communeId: vinhBao });
    const rollups = await rollupSnapshot();
    const reason = "Cùng một địa chỉ, 5 giây mỗi phiếu";
    const res = await post({ intent: "exclude", ids: stuffedIds.map(String), reason }, front);
    expect(res.status).toBe(303);
    expect(await prisma.response.count({ where: { roundId } })).toBe(32);
    expect(await rollupSnapshot()).toBe(rollups);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "answers_excluded", roundId } });
    expect(audit.actorId).toBe(frontId);
    expect(JSON.parse(audit.detail!)).toEqual({ count: 12, reason });
    const after = (await getIntegrityReport({ round: (await getRound({ id: roundId }))!, communeId: vinhBao }))!;
    expect(after.excludedCount).toBe(12);
    expect(after.verdict!.all.answers).toBe(32);
    expect(after.verdict!.withoutExcluded.answers).toBe(20);
    expect(after.verdict!.all).toEqual(before!.verdict!.all);
    expect(after.flags.find((f) => f.key === "straight")!.flagged).toBe(false);
    expect(after.suspects.filter((s) => s.excluded)).toHaveLength(12);
    // Excluding again does not double-count.
    const again = await excludeAnswers({ actorId: frontId, roundId, communeId: vinhBao, responseIds: stuffedIds, reason });
    expect(again).toEqual({ ok: true, count: 0 });
  });

  it("the page shows to the commune's official (read) and to the council", async () => {
    for (const cookie of [official, council]) {
      const res = await settle(() =>
        integrityLoader({
          request: getRequest(`/staff/rounds/${roundId}/integrity/${vinhBao}`, { cookie }),
          params: { id: String(roundId), communeId: String(vinhBao) },
          context: context(),
        }),
      );
      expect(res.status).toBe(200);
      expect((await res.json()).canRun).toBe(false);
    }
  });
});

describe("re-check (phúc tra)", () => {
  it("is refused while a round is open", async () => {
    expect(await drawRecheck({ actorId: frontId, roundId: openRoundId, communeId: tienLang, margin: 0.1 })).toEqual({
      ok: false,
      reason: "notClosed",
    });
  });

  it("draws n = N / (1 + N e^2) used serials, reproducible from the recorded seed, once", async () => {
    const drawn = await drawRecheck({ actorId: frontId, roundId, communeId: vinhBao, margin: 0.1, seed: SEED });
    expect(drawn).toEqual({ ok: true, recheckId: expect.any(Number), size: sampleSize(32, 0.1) });
    expect(sampleSize(32, 0.1)).toBe(25);
    const recheck = (await getRecheck({ roundId, communeId: vinhBao, deniedShare: 0.1 }))!;
    expect(recheck.seed).toBe(SEED);
    expect(recheck.population).toBe(32);
    // Anyone can draw it again from the record: the same list.
    const again = drawSample(await usedSerials({ roundId, communeId: vinhBao }), 25, recheck.seed);
    expect(recheck.items.map((i) => ({ serial: i.serial, village: i.village }))).toEqual(
      again.map((s) => ({ serial: s.serial, village: s.village })),
    );
    expect(recheck.items.every((i) => i.village === "Thôn Đông" && i.outcome === null)).toBe(true);
    expect(await drawRecheck({ actorId: frontId, roundId, communeId: vinhBao, margin: 0.1 })).toEqual({
      ok: false,
      reason: "exists",
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "recheck_drawn", roundId } });
    expect(JSON.parse(audit.detail!)).toMatchObject({ seed: SEED, population: 32, size: 25 });
  });

  it("records each visit and flags the round when the denied share is above the setting", async () => {
    const recheck = (await getRecheck({ roundId, communeId: vinhBao, deniedShare: 0.1 }))!;
    const body: Record<string, string> = { intent: "record", recheckId: String(recheck.id) };
    recheck.items.forEach(
      (item, i) => (body[`o_${item.id}`] = i < 16 ? "confirmed" : i < 20 ? "denied" : i < 22 ? "not_reached" : "pending"),
    );
    const res = await settle(() =>
      integrityAction({
        request: formRequest(`/staff/rounds/${roundId}/integrity/${vinhBao}`, body, { cookie: front }),
        params: { id: String(roundId), communeId: String(vinhBao) },
        context: context(),
      }),
    );
    expect(res.status).toBe(303);
    const after = (await getRecheck({ roundId, communeId: vinhBao, deniedShare: 0.1 }))!;
    expect(after.result).toEqual({ total: 25, confirmed: 16, denied: 4, notReached: 2, pending: 3, reached: 20 });
    expect(after.share).toBeCloseTo(0.2);
    expect(after.interval!.low).toBeLessThan(0.2);
    expect(after.interval!.high).toBeGreaterThan(0.2);
    expect(after.flag).toMatchObject({ key: "denied", flagged: true, threshold: 0.1 });
    expect(await prisma.auditEvent.count({ where: { action: "recheck_recorded", roundId } })).toBe(1);
    // A bad outcome is refused and changes nothing.
    const bad = await settle(() =>
      integrityAction({
        request: formRequest(
          `/staff/rounds/${roundId}/integrity/${vinhBao}`,
          { ...body, [`o_${recheck.items[0].id}`]: "maybe" },
          { cookie: front },
        ),
        params: { id: String(roundId), communeId: String(vinhBao) },
        context: context(),
      }),
    );
    expect(bad.status).toBe(400);
    expect((await getRecheck({ roundId, communeId: vinhBao, deniedShare: 0.1 }))!.result.confirmed).toBe(16);
    await recordRecheck({ actorId: frontId, recheckId: recheck.id, outcomes: [] });
  });

  it("the dossier shows the report and the re-check result", async () => {
    const res = await settle(() =>
      dossierLoader({
        request: getRequest("/staff/council/vinh-bao", { cookie: council }),
        params: { slug: "vinh-bao" },
        context: context(),
      }),
    );
    expect(res.status).toBe(200);
    const d = await res.json();
    expect(d.integrity.round.id).toBe(roundId);
    expect(d.integrity.recheck.result.denied).toBe(4);
    expect(d.integrity.flags.find((f: { key: string }) => f.key === "denied").flagged).toBe(true);
    expect(d.integrity.verdict.withoutExcluded.answers).toBe(20);
    expect(d.integrity.suspects).toBeUndefined();
  });
});

describe("completion time", () => {
  it("the survey form carries a signed start; only the duration is stored", async () => {
    const page = await settle(() =>
      surveyLoader({ request: getRequest("/c/cam-giang/survey"), params: { slug: "cam-giang" }, context: context() }),
    );
    const cookie = cookiesFrom(page);
    const { started, submissionId } = await page.json();
    expect(started).toMatch(/^\d+\.[A-Za-z0-9_-]{22}$/);
    const body = { r_roads: "4", r_environment: "3", r_water: "5", r_security: "4", r_overall: "4", submissionId, started };
    const res = await settle(() =>
      surveyAction({
        request: formRequest("/c/cam-giang/survey", body, { cookie }),
        params: { slug: "cam-giang" },
        context: context("198.51.100.7"),
      }),
    );
    expect(res.status).toBe(303);
    const saved = await prisma.response.findUniqueOrThrow({ where: { submissionId } });
    expect(saved.durationSeconds).not.toBeNull();
    expect(saved.durationSeconds!).toBeGreaterThanOrEqual(0);
    expect(saved.durationSeconds!).toBeLessThan(60);
    // A forged start is ignored, not refused: the answer counts, without a time.
    const page2 = await settle(() =>
      surveyLoader({ request: getRequest("/c/an-lao/survey", { cookie }), params: { slug: "an-lao" }, context: context() }),
    );
    const second = await page2.json();
    const forged = `${Date.now() - 600_000}.${"A".repeat(22)}`;
    const res2 = await settle(() =>
      surveyAction({
        request: formRequest("/c/an-lao/survey", { ...body, submissionId: second.submissionId, started: forged }, { cookie }),
        params: { slug: "an-lao" },
        context: context("198.51.100.8"),
      }),
    );
    expect(res2.status).toBe(303);
    expect(
      (await prisma.response.findUniqueOrThrow({ where: { submissionId: second.submissionId } })).durationSeconds,
    ).toBeNull();
  });
});
