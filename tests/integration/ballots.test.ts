// Household ballot codes (issue 10, docs/decisions/012) against a real database: separation of
// duties, code batches, answering with a code, paper ballots with codes through the one write
// path, the wrong-code limit, privacy of the stored rows, and the verified-only verdict.
import { beforeAll, describe, expect, it } from "vitest";
import { CODE_ALPHABET, checkCharacter, formatCode, parseCode } from "~/lib/ballot-code";
import { generateBatch, printBatch } from "~/models/ballot.server";
import { submitAnswer } from "~/models/survey/answers.server";
import { action as ballotAction, loader as ballotLoader } from "~/routes/b.$code";
import { action as codeAction } from "~/routes/c.$slug.code";
import { action as roundAction, loader as roundLoader } from "~/routes/staff.rounds.$id";
import { action as roundsAction } from "~/routes/staff.rounds._index";
import { loader as slipsLoader } from "~/routes/staff_.slips.$id";
import { prisma } from "~/utils/db.server";
import { context, formRequest, getRequest, settle } from "../fixtures/http";
import { createStaff, signIn } from "../fixtures/staff";
import { importTestRegister } from "../fixtures/register";
import { action as approveAction } from "~/routes/staff.rounds.$id_.approve";

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 10);

let admin = "";
let front = "";
let official = "";
let council = "";
let vinhBao = 0;
let tienLang = 0;
let roundId = 0;
let criteria: { id: number; key: string }[] = [];
const codes: string[] = [];
const otherCodes: string[] = [];

const answerBody = (submissionId = crypto.randomUUID(), score = "5") => ({
  r_roads: score,
  r_environment: score,
  r_water: score,
  r_security: score,
  r_overall: score,
  submissionId,
});

async function createRound(cookie: string, extra: Record<string, string> = {}) {
  const level = await prisma.recognitionLevel.findUniqueOrThrow({ where: { key: "2021-2025/nang-cao" } });
  return settle(() =>
    roundsAction({
      request: formRequest(
        "/staff/rounds",
        {
          name: "Lấy ý kiến trước công nhận nâng cao",
          purpose: "pre_recognition",
          levelId: String(level.id),
          startsOn: isoDay(0),
          endsOn: isoDay(5 * DAY),
          communes: [String(vinhBao), String(tienLang)],
          ...extra,
        },
        { cookie },
      ),
      params: {},
      context: context(),
    }),
  );
}

/** An administrator approves the round (decision 036); then it is moved to have started two days ago. */
async function approveAndStart(id: number) {
  const res = await settle(() =>
    approveAction({
      request: formRequest(`/staff/rounds/${id}/approve`, {}, { cookie: admin }),
      params: { id: String(id) },
      context: context(),
    }),
  );
  expect(res.status).toBe(303);
  await prisma.surveyRound.update({ where: { id }, data: { startsAt: new Date(Date.now() - 2 * DAY) } });
}

const post = (id: number, body: Record<string, string>, cookie: string) =>
  settle(() =>
    roundAction({
      request: formRequest(`/staff/rounds/${id}`, body, { cookie }),
      params: { id: String(id) },
      context: context(),
    }),
  );

async function batch(cookie: string, communeId: number, village: string, count: number, id = roundId) {
  return post(id, { intent: "batch", communeId: String(communeId), village, count: String(count) }, cookie);
}

async function codesOf(village: string, communeId = vinhBao) {
  const b = await prisma.ballotBatch.findFirstOrThrow({ where: { roundId, communeId, village } });
  const printed = await printBatch({ id: b.id, actorId: null });
  return { batchId: b.id, codes: printed!.slips.map((s) => s.code) };
}

const useCodeOnline = (code: string, ip = "198.51.100.1", submissionId = crypto.randomUUID()) =>
  settle(() =>
    ballotAction({
      request: formRequest(`/b/${formatCode(code)}`, answerBody(submissionId)),
      params: { code: formatCode(code) },
      context: context(ip),
    }),
  );

beforeAll(async () => {
  vinhBao = (await prisma.commune.findUniqueOrThrow({ where: { slug: "vinh-bao" } })).id;
  tienLang = (await prisma.commune.findUniqueOrThrow({ where: { slug: "tien-lang" } })).id;
  criteria = await prisma.criterion.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" } });
  admin = await signIn((await createStaff("admin")).email);
  front = await signIn((await createStaff("front", ["vinh-bao", "tien-lang"])).email);
  official = await signIn((await createStaff("official", ["vinh-bao"])).email);
  council = await signIn((await createStaff("council")).email);
  // The register (decision 036): Vĩnh Bảo 30 households in three villages, Tiên Lãng 10.
  await importTestRegister([
    ["vinh-bao", "Thôn 1", 12],
    ["vinh-bao", "Thôn 2", 10],
    ["vinh-bao", "Thôn 3", 8],
    ["tien-lang", "Thôn Đông", 6],
    ["tien-lang", "Thôn Nam", 4],
  ]);
  const res = await createRound(front);
  expect(res.status).toBe(303);
  roundId = Number(res.headers.get("Location")!.split("/").pop());
  await approveAndStart(roundId);
});

describe("separation of duties", () => {
  it("the Front opens a codes-required round for its communes; officials and council members cannot", async () => {
    const round = await prisma.surveyRound.findUniqueOrThrow({ where: { id: roundId } });
    expect(round.codesRequired).toBe(true); // the default for pre-recognition rounds
    expect((await createRound(official)).status).toBe(403);
    expect((await createRound(council)).status).toBe(403);
    // A Front account of other communes cannot include Vĩnh Bảo: the field is not even known to it.
    const otherFront = await signIn((await createStaff("front", ["cam-giang"])).email);
    expect((await createRound(otherFront)).status).toBe(400);
    expect(await prisma.auditEvent.count({ where: { action: "round_created", roundId } })).toBe(1);
  });

  it("only the Front (own communes) or an administrator makes code batches", async () => {
    expect((await batch(official, vinhBao, "Thôn 1", 12)).status).toBe(403);
    expect((await batch(council, vinhBao, "Thôn 1", 12)).status).toBe(403);
    expect((await batch(front, vinhBao, "Thôn 1", 12)).status).toBe(303);
    expect((await batch(admin, vinhBao, "Thôn 2", 10)).status).toBe(303);
    expect((await batch(front, tienLang, "Thôn Đông", 3)).status).toBe(303);
    const events = await prisma.auditEvent.findMany({ where: { roundId, action: "codes_generated" } });
    expect(events).toHaveLength(3);
    expect(events.every((e) => !/[0-9A-Z]{4}-[0-9A-Z]{4}/.test(e.detail ?? ""))).toBe(true);
  });

  it("officials see the round of their commune but cannot print its slips", async () => {
    const page = await settle(() =>
      roundLoader({
        request: getRequest(`/staff/rounds/${roundId}`, { cookie: official }),
        params: { id: String(roundId) },
        context: context(),
      }),
    );
    expect(page.status).toBe(200);
    const data = await page.json();
    expect(data.communes.map((c: { slug: string }) => c.slug)).toEqual(["vinh-bao"]);
    expect(data.communes[0].canRun).toBe(false);
    const b = await prisma.ballotBatch.findFirstOrThrow({ where: { roundId, communeId: vinhBao } });
    const slips = await settle(() =>
      slipsLoader({
        request: getRequest(`/staff/slips/${b.id}`, { cookie: official }),
        params: { id: String(b.id) },
        context: context(),
      }),
    );
    expect(slips.status).toBe(403);
  });
});

describe("code batches", () => {
  it("never make more codes than the register's households of the village, nor for a village not in it", async () => {
    const overVillage = await batch(front, vinhBao, "Thôn 3", 9);
    expect(overVillage.status).toBe(400);
    expect((await overVillage.json()).fieldErrors).toEqual({ count: "ballot:batchErrors.overVillage" });
    const unknown = await batch(front, vinhBao, "Thôn Ma", 1);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).fieldErrors).toEqual({ village: "ballot:batchErrors.notInRegister" });
    expect(await prisma.ballotCode.count({ where: { roundId, communeId: vinhBao } })).toBe(22);
  });

  it("store only an HMAC: the codes appear nowhere in the database, and serials follow round-commune-village-number", async () => {
    const { codes: village1 } = await codesOf("Thôn 1");
    expect(village1).toHaveLength(12);
    expect(new Set(village1).size).toBe(12);
    for (const c of village1) expect(parseCode(c).ok).toBe(true);
    const rows = await prisma.ballotCode.findMany({ where: { roundId } });
    const dump = JSON.stringify(rows);
    for (const c of village1) {
      expect(dump).not.toContain(c);
      expect(dump).not.toContain(formatCode(c));
    }
    expect(rows.map((r) => r.serial)).toContain(`${roundId}-${vinhBao}-01-0001`);
  });

  it("print as A4 sheets with a QR code per slip until sealed; after sealing nobody can print them again", async () => {
    const { batchId, codes: village1 } = await codesOf("Thôn 1");
    const page = await settle(() =>
      slipsLoader({
        request: getRequest(`/staff/slips/${batchId}`, { cookie: front }),
        params: { id: String(batchId) },
        context: context(),
      }),
    );
    expect(page.status).toBe(200);
    const data = await page.json();
    expect(data.slips).toHaveLength(12);
    expect(data.slips[0].display).toBe(formatCode(village1[0]));
    expect(data.slips[0].qr).toMatch(/^<svg[^>]*>/);

    const seal = await post(roundId, { intent: "seal", communeId: String(vinhBao), batchId: String(batchId) }, front);
    expect(seal.status).toBe(303);
    const sealed = await prisma.ballotBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(sealed.seed).toBeNull();
    expect(sealed.sealedAt).not.toBeNull();
    expect(await printBatch({ id: batchId, actorId: null })).toBeNull();
    const again = await settle(() =>
      slipsLoader({
        request: getRequest(`/staff/slips/${batchId}`, { cookie: admin }),
        params: { id: String(batchId) },
        context: context(),
      }),
    );
    expect(again.status).toBe(410);
    expect((await again.json()).slips).toEqual([]);
    codes.push(...village1);
    const other = await codesOf("Thôn Đông", tienLang);
    await post(roundId, { intent: "seal", communeId: String(tienLang), batchId: String(other.batchId) }, admin);
    otherCodes.push(...other.codes);
    expect(await prisma.auditEvent.count({ where: { roundId, action: "batch_sealed" } })).toBe(2);
  });
});

describe("sealing", () => {
  it("refuses another commune's batch posted with one's own commune: 404, the batch stays printable", async () => {
    const made = await generateBatch({
      actorId: null,
      roundId,
      communeId: tienLang,
      village: "Thôn Nam",
      count: 2,
    });
    if (!made.ok) throw new Error(made.reason);
    const forged = await post(roundId, { intent: "seal", communeId: String(vinhBao), batchId: String(made.batchId) }, front);
    expect(forged.status).toBe(404);
    const batch = await prisma.ballotBatch.findUniqueOrThrow({ where: { id: made.batchId } });
    expect(batch.sealedAt).toBeNull();
    expect(batch.seed).not.toBeNull();
    await prisma.ballotCode.deleteMany({ where: { batchId: made.batchId } });
    await prisma.ballotBatch.delete({ where: { id: made.batchId } });
  });
});

describe("answering with a code", () => {
  it("checks the code before showing the form, then stores a verified answer and spends the code in one go", async () => {
    const code = codes[0];
    const form = await settle(() =>
      ballotLoader({ request: getRequest(`/b/${formatCode(code)}`), params: { code: formatCode(code) }, context: context() }),
    );
    expect(form.status).toBe(200);
    expect((await form.json()).commune.slug).toBe("vinh-bao");
    const sent = await useCodeOnline(code);
    expect(sent.status).toBe(303);
    expect(sent.headers.get("Location")).toBe("/b/thanks?c=vinh-bao");
    const stored = await prisma.response.findFirstOrThrow({ where: { roundId, verified: true } });
    expect(stored.voterHash).toBeNull();
    const spent = await prisma.ballotCode.findMany({ where: { roundId, usedOn: { not: null } } });
    expect(spent).toHaveLength(1);
    expect(spent[0].usedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/); // a day, no time
    // Nothing on the code row points at the answer, nor the answer at the code.
    expect(Object.keys(spent[0]).sort()).toEqual(["batchId", "codeHash", "communeId", "id", "roundId", "serial", "usedOn"]);
    expect(Object.keys(stored).filter((k) => /code|ballot|serial/i.test(k))).toEqual([]);
  });

  it("refuses the same code a second time, with the reason next to the field (400)", async () => {
    const again = await useCodeOnline(codes[0], "198.51.100.2");
    expect(again.status).toBe(400);
    expect((await again.json()).refused.problem).toBe("codeErrors.usedCode");
    expect(await prisma.response.count({ where: { roundId, verified: true } })).toBe(1);
  });

  it("counts one of 50 parallel submissions with one code", async () => {
    const code = codes[1];
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        submitAnswer({
          channel: "online",
          communeId: vinhBao,
          code,
          ratings: criteria.map((c) => ({ criterionId: c.id, score: 5 })),
          submissionId: crypto.randomUUID(),
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "usedCode")).toHaveLength(49);
    expect(await prisma.response.count({ where: { roundId, verified: true } })).toBe(2);
  });

  it("on the commune page: malformed, mistyped and other communes' codes get a message, 400, and nothing is written", async () => {
    const before = await prisma.response.count();
    const typed = (code: string, slug = "vinh-bao", ip = "203.0.113.50") =>
      settle(() => codeAction({ request: formRequest(`/c/${slug}/code`, { code }), params: { slug }, context: context(ip) }));
    const malformed = await typed("ABC-123");
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).fieldErrors.code).toBe("codeErrors.malformed");
    const c = codes[2];
    const wrongCheck = c.slice(0, 13) + CODE_ALPHABET[(CODE_ALPHABET.indexOf(c[13]) + 1) % 32];
    const mistyped = await typed(wrongCheck);
    expect(mistyped.status).toBe(400);
    expect((await mistyped.json()).fieldErrors.code).toBe("codeErrors.checkCharacter");
    const other = await typed(otherCodes[0]);
    expect(other.status).toBe(400);
    const body = await other.json();
    expect(body.fieldErrors.code).toBe("codeErrors.otherCommune");
    expect(body.errorValues.commune).toBe("Tiên Lãng");
    const ok = await typed(formatCode(c).toLowerCase());
    expect(ok.status).toBe(303);
    expect(ok.headers.get("Location")).toBe(`/b/${c}`);
    expect(await prisma.response.count()).toBe(before);
  });

  it("limits wrong codes per address: after 10, even a right code is not looked up (429)", async () => {
    const ip = "203.0.113.77";
    // Well-formed codes (right check character) that are not ours: real guesses, looked up.
    const guess = (i: number) => {
      const data = String(i).padStart(13, "0");
      return data + checkCharacter(data);
    };
    let refused = 0;
    for (let i = 0; i < 10; i++) {
      const code = guess(i);
      const r = await settle(() =>
        codeAction({
          request: formRequest("/c/tien-lang/code", { code: code }),
          params: { slug: "tien-lang" },
          context: context(ip),
        }),
      );
      if (r.status === 400 && (await r.json()).fieldErrors.code === "codeErrors.unknownCode") refused++;
    }
    expect(refused).toBe(10);
    const right = await settle(() =>
      codeAction({
        request: formRequest("/c/vinh-bao/code", { code: codes[3] }),
        params: { slug: "vinh-bao" },
        context: context(ip),
      }),
    );
    expect(right.status).toBe(429);
    expect((await right.json()).fieldErrors.code).toBe("codeErrors.rateLimited");
    // Tiên Lãng's page has had 10 wrong codes, all from one address: that is one address for the
    // commune-wide limit (decision 042), so its households still type their codes; scans work too.
    const typedThere = await settle(() =>
      codeAction({
        request: formRequest("/c/tien-lang/code", { code: otherCodes[2] }),
        params: { slug: "tien-lang" },
        context: context("203.0.113.78"),
      }),
    );
    expect(typedThere.status).toBe(303);
    const scanned = await settle(() =>
      ballotLoader({
        request: getRequest(`/b/${formatCode(otherCodes[2])}`),
        params: { code: formatCode(otherCodes[2]) },
        context: context("203.0.113.79"),
      }),
    );
    expect(scanned.status).toBe(200);
  });

  it("refuses a commune's typed codes once 10 different addresses had a wrong code there (429), others' pages not", async () => {
    const guess = (i: number) => {
      const data = String(500 + i).padStart(13, "0");
      return data + checkCharacter(data);
    };
    const typed = (code: string, ip: string, slug = "vinh-bao") =>
      settle(() => codeAction({ request: formRequest(`/c/${slug}/code`, { code }), params: { slug }, context: context(ip) }));
    for (let i = 0; i < 10; i++) expect((await typed(guess(i), `203.0.113.${120 + i}`)).status).toBe(400);
    const right = await typed(codes[6], "203.0.113.200");
    expect(right.status).toBe(429);
    expect((await right.json()).fieldErrors.code).toBe("codeErrors.rateLimited");
    expect((await typed(otherCodes[1], "203.0.113.200", "tien-lang")).status).toBe(303);
  });
});

describe("paper ballots with codes", () => {
  const cells = (row: number, code: string, score = "5") => ({
    [`b${row}_code`]: code,
    ...Object.fromEntries(criteria.map((c) => [`b${row}_${c.key}`, score])),
  });

  it("are entered by the Front only, and a code counts once across paper and phone", async () => {
    expect((await post(roundId, { communeId: String(vinhBao), ...cells(0, codes[4]) }, official)).status).toBe(403);
    const used = await post(roundId, { communeId: String(vinhBao), ...cells(0, codes[4]), ...cells(1, codes[0]) }, front);
    expect(used.status).toBe(400);
    expect((await used.json()).fieldErrors).toEqual({ b1_code: "ballot:paperErrors.usedCode" });
    expect(await prisma.response.count({ where: { roundId, channel: "paper" } })).toBe(0); // nothing half-written
    const ok = await post(roundId, { communeId: String(vinhBao), ...cells(0, codes[4]), ...cells(1, codes[5], "2") }, front);
    expect(ok.status).toBe(303);
    expect(await prisma.response.count({ where: { roundId, channel: "paper", verified: true } })).toBe(2);
    // The reverse: a code entered on paper is refused on the phone.
    expect((await useCodeOnline(codes[4], "198.51.100.9")).status).toBe(400);
    expect(await prisma.auditEvent.count({ where: { roundId, action: "paper_entered" } })).toBe(1);
  });

  it("need a code in a codes-required round, and refuse a code of another commune or the same code twice in a grid", async () => {
    const noCode = await post(roundId, { communeId: String(vinhBao), ...cells(0, "") }, front);
    expect((await noCode.json()).fieldErrors).toEqual({ b0_code: "ballot:paperErrors.codeRequired" });
    const other = await post(roundId, { communeId: String(vinhBao), ...cells(0, otherCodes[1]) }, front);
    expect((await other.json()).fieldErrors).toEqual({ b0_code: "ballot:paperErrors.otherCommune" });
    const twice = await post(roundId, { communeId: String(vinhBao), ...cells(0, codes[6]), ...cells(1, codes[6]) }, front);
    expect((await twice.json()).fieldErrors).toEqual({ b1_code: "ballot:paperErrors.usedCode" });
    expect(await prisma.response.count({ where: { roundId, channel: "paper" } })).toBe(2);
  });

  it("report every problem of a grid in one answer (typo, blank cell, used code, mistyped code), store nothing and spend no code", async () => {
    const spent = () => prisma.ballotCode.count({ where: { roundId, usedOn: { not: null } } });
    const before = await spent();
    const res = await post(
      roundId,
      {
        communeId: String(vinhBao),
        ...cells(0, codes[0]), // answered online earlier
        ...cells(1, codes[8]),
        b1_roads: "9",
        ...cells(2, codes[9]),
        b2_water: "",
        ...cells(3, codes[10].slice(0, -1) + (codes[10].endsWith("A") ? "B" : "A")),
      },
      front,
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.fieldErrors).toEqual({
      b0_code: "ballot:paperErrors.usedCode",
      b1_roads: "errors.ballotCell",
      b2_water: "errors.ballotBlank",
      b3_code: "ballot:codeErrors.checkCharacter",
    });
    expect(body.formError).toBe("ballots");
    expect(body.values.b2_water).toBe("");
    expect(body.values.b1_roads).toBe("9");
    expect(await prisma.response.count({ where: { roundId, channel: "paper" } })).toBe(2);
    expect(await spent()).toBe(before); // the codes of the good rows were checked, then rolled back
  });

  it("in every kind of round a paper ballot needs a household code; late paper only within the grace period, logged", async () => {
    // An open round (codes not required for online answers), after the first one: no overlap.
    const open = await createRound(front, {
      access: "open",
      purpose: "routine",
      levelId: "",
      communes: String(vinhBao),
      startsOn: isoDay(6 * DAY),
      endsOn: isoDay(9 * DAY),
    });
    expect(open.status).toBe(303);
    const openId = Number(open.headers.get("Location")!.split("/").pop());
    await approveAndStart(openId);
    const uncoded = await post(openId, { communeId: String(vinhBao), ...cells(0, "") }, front);
    expect(uncoded.status).toBe(400);
    expect((await uncoded.json()).fieldErrors).toEqual({ b0_code: "ballot:paperErrors.codeRequired" });
    expect((await batch(front, vinhBao, "Thôn 2", 3, openId)).status).toBe(303);
    const made = await prisma.ballotBatch.findFirstOrThrow({ where: { roundId: openId } });
    const slips = (await printBatch({ id: made.id, actorId: null }))!.slips.map((x) => x.code);
    await post(openId, { intent: "seal", communeId: String(vinhBao), batchId: String(made.id) }, front);
    await prisma.surveyRound.update({ where: { id: openId }, data: { endsAt: new Date(Date.now() - 3600_000) } });
    const late = await post(openId, { communeId: String(vinhBao), ...cells(0, slips[0]) }, front);
    expect(late.status).toBe(303); // within PAPER_GRACE_HOURS (48 by default), logged
    expect(await prisma.auditEvent.count({ where: { roundId: openId, action: "paper_late" } })).toBe(1);
    await prisma.surveyRound.update({ where: { id: openId }, data: { endsAt: new Date(Date.now() - 3 * DAY) } });
    const closed = await post(openId, { communeId: String(vinhBao), ...cells(0, slips[1]) }, front);
    expect((await closed.json()).formError).toBe("ballot:paperErrors.roundClosed");
    expect(await prisma.response.count({ where: { roundId: openId } })).toBe(1);
  });
});

describe("verified and open answers", () => {
  it("the pre-recognition verdict and coverage use verified answers and used codes only", async () => {
    // 40 open all-5 answers into the round: they are stored, labelled open, and change nothing.
    for (let i = 0; i < 40; i++)
      await submitAnswer({
        channel: "online",
        communeId: vinhBao,
        ratings: criteria.map((c) => ({ criterionId: c.id, score: 5 })),
        submissionId: crypto.randomUUID(),
        voterHash: `v-${i}`,
      });
    const load = async () =>
      (
        await settle(() =>
          roundLoader({
            request: getRequest(`/staff/rounds/${roundId}`, { cookie: council }),
            params: { id: String(roundId) },
            context: context(),
          }),
        )
      ).json();
    // Closed, but paper entry is still open (grace period): the count is not final, nothing shown.
    await prisma.surveyRound.update({ where: { id: roundId }, data: { endsAt: new Date(Date.now() - 1000) } });
    const early = await load();
    expect(early.visible).toBe(false);
    expect(early.communes.find((c: { slug: string }) => c.slug === "vinh-bao").results).toBeNull();
    // Paper entry closed: the results are shown.
    await prisma.surveyRound.update({ where: { id: roundId }, data: { endsAt: new Date(Date.now() - 3 * DAY) } });
    const data = await load();
    const vb = data.communes.find((c: { slug: string }) => c.slug === "vinh-bao");
    expect(vb.verified).toBe(4);
    expect(vb.open).toBe(40);
    expect(vb.usedCodes).toBe(4);
    expect(vb.coverage.share).toBeCloseTo(4 / 30);
    const roads = vb.results.find((r: { key: string }) => r.key === "roads");
    expect(roads.verified.answered).toBe(4);
    expect(roads.online.answered).toBe(42);
    expect(vb.verdict).toEqual({ verdict: "insufficient", coverageMet: false });
  });

  it("a code of a closed round is refused with its reason", async () => {
    const r = await useCodeOnline(codes[7], "198.51.100.20");
    expect(r.status).toBe(400);
    expect((await r.json()).refused.problem).toBe("codeErrors.closedRound");
  });
});
