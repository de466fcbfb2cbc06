// The dashboard and the trend are kept up to date one commune at a time (decision 031): after
// answers, only the communes that received them are read again. Whatever happens in between
// (answers in several communes, an answer removed, a flood of answers, a round's answers), what
// they show must equal the figures SQLite gives when asked afresh. Another process is played by
// a second connection to the same file.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { periodOf, recentPeriods } from "~/lib/vn-time";
import { compareCommunes, quarterlyTrend } from "~/models/council.server";
import { listActiveCriteria } from "~/models/criterion.server";
import { getDashboard } from "~/models/dashboard.server";
import { getDossier } from "~/models/dossier.server";
import { createRound } from "~/models/round.server";

let other: Database.Database;
beforeAll(() => {
  other = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""));
  other.pragma("busy_timeout = 5000");
});
afterAll(() => other.close());

const communeId = (slug: string) => (other.prepare("SELECT id FROM Commune WHERE slug = ?").get(slug) as { id: number }).id;
let seq = 0;

/** An answer stored by another process, every criterion rated `score` (null: no opinion), in one transaction as the app stores it. */
function answer(slug: string, score: number | null, { period = periodOf(new Date()), roundId = null as number | null } = {}) {
  const criteria = other.prepare("SELECT id FROM Criterion WHERE active = 1").all() as { id: number }[];
  const id = `inc-${++seq}`;
  return other.transaction(() => {
    const { lastInsertRowid } = other
      .prepare(
        "INSERT INTO Response (communeId, createdAt, period, channel, submissionId, voterHash, roundId) VALUES (?, ?, ?, 'online', ?, ?, ?)",
      )
      .run(communeId(slug), new Date().toISOString(), period, id, id, roundId);
    const rate = other.prepare("INSERT INTO Rating (responseId, criterionId, score) VALUES (?, ?, ?)");
    for (const c of criteria) rate.run(lastInsertRowid, c.id, score);
    return Number(lastInsertRowid);
  })();
}

/** Every commune's counts per criterion over the dashboard's four quarters, asked of SQLite afresh. */
function expectedTallies() {
  const window = recentPeriods(new Date(), 4);
  const rows = other
    .prepare(
      `SELECT c.slug AS slug, k.key AS key, SUM(s.satisfied) AS satisfied, SUM(s.answered) AS answered, SUM(s.noOpinion) AS noOpinion
       FROM ScoreRollup s JOIN Commune c ON c.id = s.communeId JOIN Criterion k ON k.id = s.criterionId
       WHERE k.active = 1 AND s.period IN (${window.map(() => "?").join(",")}) GROUP BY c.slug, k.key`,
    )
    .all(...window) as { slug: string; key: string; satisfied: number; answered: number; noOpinion: number }[];
  return Object.fromEntries(
    rows
      .filter((r) => r.answered + r.noOpinion > 0) // a deletion leaves rollup rows at zero
      .map((r) => [`${r.slug}/${r.key}`, { satisfied: r.satisfied, answered: r.answered, noOpinion: r.noOpinion }]),
  );
}

async function shownTallies() {
  const out: Record<string, { satisfied: number; answered: number; noOpinion: number }> = {};
  for (const row of (await getDashboard()).rows)
    for (const [key, t] of Object.entries(row.tallies)) if (t.answered + t.noOpinion > 0) out[`${row.slug}/${key}`] = t;
  return out;
}

/** The overall question per quarter and region over eight quarters, asked of SQLite afresh. */
function expectedTrend(overallId: number) {
  const periods = recentPeriods(new Date(), 8).reverse();
  const rows = other
    .prepare(
      `SELECT s.period AS period, c.region AS region, SUM(s.satisfied) AS satisfied, SUM(s.answered) AS answered
       FROM ScoreRollup s JOIN Commune c ON c.id = s.communeId WHERE s.criterionId = ? GROUP BY s.period, c.region`,
    )
    .all(overallId) as { period: string; region: string; satisfied: number; answered: number }[];
  const at = (period: string, region: string) => rows.find((r) => r.period === period && r.region === region);
  return periods.map((period) => ({
    period,
    east: [at(period, "east")?.satisfied ?? 0, at(period, "east")?.answered ?? 0],
    west: [at(period, "west")?.satisfied ?? 0, at(period, "west")?.answered ?? 0],
  }));
}

async function shownTrend(overallId: number) {
  return (await quarterlyTrend({ overallCriterionId: overallId })).map((p) => ({
    period: p.period,
    east: [p.east.satisfied, p.east.answered],
    west: [p.west.satisfied, p.west.answered],
  }));
}

describe("the dashboard kept up to date one commune at a time", () => {
  it("equals a fresh count after answers in several communes, read between them", async () => {
    const overall = (await listActiveCriteria()).find((c) => c.isOverall)!;
    const before = await getDashboard();
    answer("vinh-bao", 5);
    answer("tien-lang", 2);
    expect(await shownTallies()).toEqual(expectedTallies());
    answer("vinh-bao", null);
    answer("kien-thuy", 4);
    answer("kien-thuy", 1);
    const after = await getDashboard();
    expect(await shownTallies()).toEqual(expectedTallies());
    expect(await shownTrend(overall.id)).toEqual(expectedTrend(overall.id));
    const bySlug = (d: typeof after, slug: string) => d.rows.find((r) => r.slug === slug)!;
    expect(bySlug(after, "vinh-bao").tallies.overall.answered).toBe(bySlug(before, "vinh-bao").tallies.overall.answered + 1);
    expect(bySlug(after, "vinh-bao").tallies.overall.noOpinion).toBe(bySlug(before, "vinh-bao").tallies.overall.noOpinion + 1);
    // Only the communes that received answers were made again; the others are the same rows.
    const untouched = after.rows.filter((r) => !["vinh-bao", "tien-lang", "kien-thuy"].includes(r.slug));
    expect(untouched.length).toBeGreaterThan(100);
    expect(untouched.every((r) => bySlug(before, r.slug) === r)).toBe(true);
    expect(bySlug(after, "kien-thuy")).not.toBe(bySlug(before, "kien-thuy"));
  });

  it("compares East and West, and former districts, with the same sums as SQLite", async () => {
    answer("vinh-bao", 2);
    answer("an-lao", 5);
    const window = recentPeriods(new Date(), 4);
    const inWindow = `s.period IN (${window.map(() => "?").join(",")})`;
    const regions = other
      .prepare(
        `SELECT k.key AS key, c.region AS region, SUM(s.satisfied) AS satisfied, SUM(s.answered) AS answered
         FROM ScoreRollup s JOIN Commune c ON c.id = s.communeId JOIN Criterion k ON k.id = s.criterionId
         WHERE k.active = 1 AND ${inWindow} GROUP BY k.key, c.region`,
      )
      .all(...window) as { key: string; region: string; satisfied: number; answered: number }[];
    const districts = other
      .prepare(
        `SELECT c.formerUnit AS district, SUM(s.satisfied) AS satisfied, SUM(s.answered) AS answered
         FROM ScoreRollup s JOIN Commune c ON c.id = s.communeId JOIN Criterion k ON k.id = s.criterionId
         WHERE k.key = 'overall' AND c.kind != 'phuong' AND ${inWindow} GROUP BY c.formerUnit`,
      )
      .all(...window) as { district: string; satisfied: number; answered: number }[];
    const compared = compareCommunes(await getDashboard());
    const counts = (a: { satisfied: number; answered: number } | undefined) => [a?.satisfied ?? 0, a?.answered ?? 0];
    for (const r of compared.regions) {
      expect(counts(r.east)).toEqual(counts(regions.find((x) => x.key === r.key && x.region === "east")));
      expect(counts(r.west)).toEqual(counts(regions.find((x) => x.key === r.key && x.region === "west")));
    }
    expect(compared.regions.reduce((n, r) => n + r.east.answered + r.west.answered, 0)).toBeGreaterThan(0);
    for (const d of districts) expect(counts(compared.districts.find((x) => x.district === d.district))).toEqual(counts(d));
    const shares = compared.districts.map((d) => d.share ?? 2);
    expect(shares).toEqual([...shares].sort((a, b) => a - b)); // worst first
    expect(compareCommunes(await getDashboard())).toBe(compared); // made once per dashboard
  });

  it("takes back an answer another process deleted (the rollup went down, not up)", async () => {
    const id = answer("an-lao", 5);
    answer("tien-lang", 3); // the deleted answer is not the newest
    const withIt = (await shownTallies())["an-lao/overall"];
    other.prepare("DELETE FROM Response WHERE id = ?").run(id);
    expect((await shownTallies())["an-lao/overall"]?.answered ?? 0).toBe(withIt.answered - 1);
    expect(await shownTallies()).toEqual(expectedTallies());
  });

  it("counts an answer for an earlier quarter in that quarter's trend point, and a flood of answers at once", async () => {
    const overall = (await listActiveCriteria()).find((c) => c.isOverall)!;
    await getDashboard();
    answer("vinh-bao", 4, { period: recentPeriods(new Date(), 3)[2] });
    expect(await shownTrend(overall.id)).toEqual(expectedTrend(overall.id));
    // More than the dashboard follows one by one: it reads everything again.
    const many = other.transaction(() => {
      for (let i = 0; i < 2100; i++) answer(i % 2 ? "tien-lang" : "an-lao", 1 + (i % 5));
    });
    many();
    expect(await shownTallies()).toEqual(expectedTallies());
    expect(await shownTrend(overall.id)).toEqual(expectedTrend(overall.id));
  });

  it("follows a round's answers in its coverage", async () => {
    const id = communeId("thuy-nguyen");
    const round = await createRound({
      name: "Đợt kiểm tra tăng dần",
      purpose: "routine",
      levelId: null,
      startsAt: new Date(Date.now() - 3_600_000),
      endsAt: new Date(Date.now() + 3_600_000),
      codesRequired: false,
      createdById: null,
      communes: [{ communeId: id, households: 200 }],
    });
    const row = async () => (await getDashboard()).rows.find((r) => r.slug === "thuy-nguyen")!;
    expect((await row()).coverage).toMatchObject({ answered: 0, households: 200 });
    answer("thuy-nguyen", 5, { roundId: round.id });
    answer("thuy-nguyen", 3, { roundId: round.id });
    expect((await row()).coverage).toMatchObject({ answered: 2, households: 200, share: 0.01 });
    expect((await row()).roundAnswers).toEqual({ verified: 0, open: 2, codesRequired: false });
  });

  it("shows a round's coverage once its start has passed, with no write in between (the clock alone)", async () => {
    const id = communeId("kien-thuy");
    const now = new Date();
    await createRound({
      name: "Đợt bắt đầu sau",
      purpose: "routine",
      levelId: null,
      startsAt: new Date(now.getTime() + 3_600_000),
      endsAt: new Date(now.getTime() + 7_200_000),
      codesRequired: false,
      createdById: null,
      communes: [{ communeId: id, households: 150 }],
    });
    const row = async (at: Date) => (await getDashboard({ now: at })).rows.find((r) => r.slug === "kien-thuy")!;
    expect((await row(now)).coverage).toBeNull();
    expect((await row(new Date(now.getTime() + 5_400_000))).coverage).toMatchObject({ answered: 0, households: 150 });
  });

  it("gives a commune's dossier the same counts per criterion and quarter as SQLite", async () => {
    const id = communeId("vinh-bao");
    await getDossier({ communeId: id, page: 1 });
    answer("vinh-bao", 5);
    answer("vinh-bao", 1, { period: recentPeriods(new Date(), 2)[1] });
    const dossier = await getDossier({ communeId: id, page: 1 });
    const rows = other
      .prepare(
        `SELECT k.key AS key, s.period AS period, SUM(s.answered) AS answered FROM ScoreRollup s
         JOIN Criterion k ON k.id = s.criterionId WHERE s.communeId = ? GROUP BY k.key, s.period`,
      )
      .all(id) as { key: string; period: string; answered: number }[];
    expect(dossier.periods).toEqual(recentPeriods(new Date(), 8).reverse());
    let compared = 0;
    for (const c of dossier.trend)
      for (const v of c.values) {
        expect(v.n).toBe(rows.find((r) => r.key === c.key && r.period === v.period)?.answered ?? 0);
        compared += v.n;
      }
    expect(compared).toBeGreaterThan(0);
  });
});
