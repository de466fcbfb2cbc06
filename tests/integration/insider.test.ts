// Issue 26 (decision 036), against a real database: the household register, two people for a
// round, a count final before it is shown, and a trail for every change.
import { beforeAll, describe, expect, it } from "vitest";
import { generateBatch, printBatch, sealBatch } from "~/models/ballot.server";
import { drawRecheck, getRecheck, recordRecheck } from "~/models/integrity.server";
import { createRound, findOpenRoundId } from "~/models/round.server";
import { loader as auditLoader } from "~/routes/staff.audit";
import { action as registerAction } from "~/routes/staff.register";
import { action as approveAction } from "~/routes/staff.rounds.$id_.approve";
import { action as roundsAction } from "~/routes/staff.rounds._index";
import { action as integritySettingsAction } from "~/routes/staff.settings.integrity";
import { submitAnswer } from "~/models/survey/answers.server";
import { vnIsoDay } from "~/lib/vn-time";
import { prisma } from "~/utils/db.server";
import { context, formRequest, getRequest, ORIGIN, settle } from "../fixtures/http";
import { importTestRegister } from "../fixtures/register";
import { createStaff, signIn } from "../fixtures/staff";

const DAY = 86_400_000;
const day = (n: number) => vnIsoDay(new Date(Date.now() + n * DAY));
let admin = "";
let adminId = 0;
let front = "";
let frontId = 0;
let council = "";
let vinhBao = 0;
let cheq = 0;

const upload = (cookie: string, csv: string, fields: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new File([csv], "so-ho.csv", { type: "text/csv" }));
  return settle(() =>
    registerAction({
      request: new Request(`${ORIGIN}/staff/register`, {
        method: "POST",
        body: form,
        headers: { Origin: ORIGIN, Cookie: cookie },
      }),
      params: {},
      context: context(),
    }),
  );
};
const propose = (body: Record<string, string>) =>
  settle(() => roundsAction({ request: formRequest("/staff/rounds", body, { cookie: front }), params: {}, context: context() }));
const approve = (id: number, cookie: string) =>
  settle(() =>
    approveAction({
      request: formRequest(`/staff/rounds/${id}/approve`, {}, { cookie }),
      params: { id: String(id) },
      context: context(),
    }),
  );

beforeAll(async () => {
  vinhBao = (await prisma.commune.findUniqueOrThrow({ where: { slug: "vinh-bao" } })).id;
  cheq = (await prisma.commune.findUniqueOrThrow({ where: { slug: "tien-lang" } })).id;
  const a = await createStaff("admin");
  adminId = a.id;
  admin = await signIn(a.email);
  const f = await createStaff("front", ["vinh-bao", "tien-lang"]);
  frontId = f.id;
  front = await signIn(f.email);
  council = await signIn((await createStaff("council")).email);
});

describe("the household register", () => {
  it("is imported by an administrator from a CSV, versioned and audited with households before and after", async () => {
    const csv = "xã,thôn,số hộ\nvinh-bao,Thôn Một,120\nvinh-bao,Thôn Hai,80\nTiên Lãng,Thôn Ba,50\n";
    const res = await upload(admin, csv, { source: "Chi cục Thống kê Vĩnh Bảo", sourceDate: "2026-10-01" });
    expect(res.status).toBe(303);
    const reg = await prisma.householdRegister.findFirstOrThrow({ orderBy: { version: "desc" }, include: { entries: true } });
    expect(reg.source).toBe("Chi cục Thống kê Vĩnh Bảo");
    expect(reg.entries).toHaveLength(3);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "register_imported" }, orderBy: { id: "desc" } });
    expect(event.actorId).toBe(adminId);
    expect(JSON.parse(event.detail!).after).toMatchObject({ [vinhBao]: 200, [cheq]: 50 });
  });

  it("refuses a bad file with a message next to the field (400) and writes nothing; the Front cannot import", async () => {
    const before = await prisma.householdRegister.count();
    const bad = await upload(admin, "xã,thôn,số hộ\nvinh-bao,Thôn Một,nhiều\n", { source: "Thống kê", sourceDate: "2026-10-01" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors).toEqual({ file: "ballot:register.errors.households" });
    const unknown = await upload(admin, "xã,thôn,số hộ\nkhong-co,Thôn Một,10\n", {
      source: "Thống kê",
      sourceDate: "2026-10-01",
    });
    expect((await unknown.json()).fieldErrors).toEqual({ file: "ballot:register.errors.unknownCommune" });
    const noSource = await upload(admin, "xã,thôn,số hộ\nvinh-bao,Thôn Một,10\n", { source: "", sourceDate: "2026-10-01" });
    expect(noSource.status).toBe(400);
    expect((await noSource.json()).fieldErrors.source).toBe("register.errors.source");
    expect((await upload(front, "xã,thôn,số hộ\nvinh-bao,Thôn Một,10\n", { source: "x", sourceDate: "2026-10-01" })).status).toBe(
      403,
    );
    expect(await prisma.householdRegister.count()).toBe(before);
  });
});

describe("two people for a round", () => {
  let roundId = 0;
  it("refuses a round that starts before today, next to the field, and writes nothing", async () => {
    const before = await prisma.surveyRound.count();
    const res = await propose({
      name: "Lùi ngày",
      purpose: "routine",
      startsOn: "2024-01-01",
      endsOn: "2024-03-31",
      communes: String(cheq),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors).toEqual({ startsOn: "ballot:rounds.errors.startsBeforeToday" });
    const typed = await propose({
      name: "Một triệu hộ",
      purpose: "routine",
      startsOn: day(1),
      endsOn: day(5),
      communes: String(vinhBao),
      [`households_${vinhBao}`]: "1000000",
    });
    expect(typed.status).toBe(400);
    expect(await prisma.surveyRound.count()).toBe(before);
  });

  it("takes the households from the register, and takes no answers until an administrator approves it", async () => {
    const res = await propose({
      name: "Thường kỳ",
      purpose: "routine",
      startsOn: day(0),
      endsOn: day(10),
      communes: String(vinhBao),
    });
    expect(res.status).toBe(303);
    roundId = Number(res.headers.get("Location")!.split("/").pop());
    const link = await prisma.roundCommune.findUniqueOrThrow({ where: { roundId_communeId: { roundId, communeId: vinhBao } } });
    expect(link.households).toBe(200);
    await prisma.surveyRound.update({ where: { id: roundId }, data: { startsAt: new Date(Date.now() - DAY) } });
    expect(await findOpenRoundId({ communeId: vinhBao, at: new Date() })).toBeNull();
    const batch = await generateBatch({ actorId: frontId, roundId, communeId: vinhBao, village: "Thôn Một", count: 5 });
    expect(batch).toEqual({ ok: false, reason: "notApproved" });
    expect((await approve(roundId, front)).status).toBe(403);
    expect((await approve(roundId, council)).status).toBe(403);
    expect((await approve(roundId, admin)).status).toBe(303);
    expect(await findOpenRoundId({ communeId: vinhBao, at: new Date() })).toBe(roundId);
    expect(await prisma.auditEvent.count({ where: { roundId, action: "round_approved", actorId: adminId } })).toBe(1);
  });

  it("refuses a round that overlaps another round of the same commune", async () => {
    const res = await propose({
      name: "Chồng lấn",
      purpose: "routine",
      startsOn: day(3),
      endsOn: day(12),
      communes: String(vinhBao),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors).toEqual({ startsOn: "ballot:rounds.errors.overlap" });
  });

  it("refuses a batch over the village's households in the register, or for a village not in it", async () => {
    expect(await generateBatch({ actorId: frontId, roundId, communeId: vinhBao, village: "Thôn Hai", count: 81 })).toMatchObject({
      ok: false,
      reason: "overVillage",
    });
    expect(await generateBatch({ actorId: frontId, roundId, communeId: vinhBao, village: "Thôn Ma", count: 1 })).toEqual({
      ok: false,
      reason: "notInRegister",
    });
  });
});

describe("a count that is final before it is shown", () => {
  it("no batch is made or sealed after the close; the re-check waits for paper entry to close; outcomes are append-only", async () => {
    await importTestRegister([["tien-lang", "Thôn Ba", 50]]);
    const level = await prisma.recognitionLevel.findUniqueOrThrow({ where: { key: "2021-2025/nang-cao" } });
    const now = Date.now();
    const { id } = await createRound({
      name: "Trước công nhận",
      purpose: "pre_recognition",
      levelId: level.id,
      startsAt: new Date(now - 10 * DAY),
      endsAt: new Date(now + DAY),
      codesRequired: true,
      createdById: frontId,
      communes: [{ communeId: cheq, households: 50 }],
    });
    const made = await generateBatch({ actorId: frontId, roundId: id, communeId: cheq, village: "Thôn Ba", count: 10 });
    if (!made.ok) throw new Error(made.reason);
    const codes = (await printBatch({ id: made.batchId, actorId: null }))!.slips.map((s) => s.code);
    await sealBatch({ id: made.batchId, roundId: id, communeId: cheq, actorId: frontId });
    const criteria = await prisma.criterion.findMany({ where: { active: true } });
    for (const code of codes.slice(0, 6))
      expect(
        (
          await submitAnswer({
            channel: "online",
            communeId: cheq,
            code,
            ratings: criteria.map((c) => ({ criterionId: c.id, score: 4 })),
            submissionId: crypto.randomUUID(),
          })
        ).ok,
      ).toBe(true);
    // Closed an hour ago: within the grace period.
    await prisma.surveyRound.update({ where: { id }, data: { endsAt: new Date(now - 3_600_000) } });
    expect(await generateBatch({ actorId: frontId, roundId: id, communeId: cheq, village: "Thôn Ba", count: 1 })).toEqual({
      ok: false,
      reason: "closed",
    });
    expect(await drawRecheck({ actorId: frontId, roundId: id, communeId: cheq, margin: 0.1 })).toEqual({
      ok: false,
      reason: "notClosed",
    });
    // Paper entry closed.
    await prisma.surveyRound.update({ where: { id }, data: { endsAt: new Date(now - 3 * DAY) } });
    const drawn = await drawRecheck({ actorId: frontId, roundId: id, communeId: cheq, margin: 0.1 });
    if (!drawn.ok) throw new Error(drawn.reason);
    const recheck = (await getRecheck({ roundId: id, communeId: cheq, deniedShare: 0.1 }))!;
    const items = recheck.items.map((i) => i.id);
    expect(
      await recordRecheck({
        actorId: frontId,
        recheckId: drawn.recheckId,
        outcomes: items.map((itemId) => ({ itemId, outcome: "denied" })),
      }),
    ).toEqual({
      ok: true,
      count: items.length,
    });
    // Rewriting them all "confirmed" with no reason is refused, and nothing changes.
    const all = items.map((itemId) => ({ itemId, outcome: "confirmed" as const }));
    expect(await recordRecheck({ actorId: frontId, recheckId: drawn.recheckId, outcomes: all })).toEqual({
      ok: false,
      reason: "reasonRequired",
    });
    expect((await getRecheck({ roundId: id, communeId: cheq, deniedShare: 0.1 }))!.result.denied).toBe(items.length);
    // With a reason it is recorded, and the earlier outcome stays in the history.
    expect(
      await recordRecheck({ actorId: frontId, recheckId: drawn.recheckId, outcomes: all, reason: "Thăm lại cùng trưởng thôn" }),
    ).toMatchObject({ ok: true });
    const after = (await getRecheck({ roundId: id, communeId: cheq, deniedShare: 0.1 }))!;
    expect(after.items[0].history.map((h) => h.outcome)).toEqual(["denied", "confirmed"]);
    expect(after.items[0].history[1]).toMatchObject({ previous: "denied", reason: "Thăm lại cùng trưởng thôn" });
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { roundId: id, action: "recheck_recorded" },
      orderBy: { id: "desc" },
    });
    expect(JSON.parse(event.detail!).changes[0]).toMatchObject({ before: "denied", after: "confirmed" });
    // The history cannot be rewritten in the database either.
    await expect(prisma.recheckOutcomeChange.updateMany({ data: { outcome: "denied" } })).rejects.toThrow();
  });
});

describe("nothing changes without a trail", () => {
  it("integrity thresholds: an audit event with who, before and after; the audit page filters and exports it", async () => {
    const body = Object.fromEntries(
      [
        "topAddressShare",
        "identicalShare",
        "straightShare",
        "fastShare",
        "openVerifiedGap",
        "villageUseShare",
        "recheckMargin",
        "deniedShare",
      ].map((k) => [k, "100"]),
    );
    const res = await settle(() =>
      integritySettingsAction({
        request: formRequest("/staff/settings/integrity", { intent: "integrity", ...body }, { cookie: admin }),
        params: {},
        context: context(),
      }),
    );
    expect(res.status).toBe(303);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "settings_changed" }, orderBy: { id: "desc" } });
    const detail = JSON.parse(event.detail!);
    expect(event.actorId).toBe(adminId);
    expect(detail.before.straightShare).toBe(0.3);
    expect(detail.after.straightShare).toBe(1);
    const page = await settle(() =>
      auditLoader({
        request: getRequest(`/staff/audit?kind=settings_changed&actor=${adminId}`, { cookie: council }),
        params: {},
        context: context(),
      }),
    );
    expect(page.status).toBe(200);
    const data = await page.json();
    expect(data.events.length).toBeGreaterThan(0);
    expect(data.events.every((e: { action: string }) => e.action === "settings_changed")).toBe(true);
    const csv = await settle(() =>
      auditLoader({
        request: getRequest("/staff/audit?kind=settings_changed&format=csv", { cookie: admin }),
        params: {},
        context: context(),
      }),
    );
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    expect(await csv.text()).toContain("settings_changed");
    const bad = await settle(() =>
      auditLoader({ request: getRequest("/staff/audit?from=hôm-qua", { cookie: admin }), params: {}, context: context() }),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.from).toBe("errors.date");
  });
});
