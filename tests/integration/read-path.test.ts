// The read path's in-memory copies and the grouped survey writes, against a real SQLite file.
// Another process is played by a second better-sqlite3 connection to the same file: what it
// changes must be seen by the very next read here, and answers written together must come out
// exactly as if written one by one.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { periodOf } from "~/lib/vn-time";
import { getCommuneBySlug, listCommunes } from "~/models/commune.server";
import { listActiveCriteria } from "~/models/criterion.server";
import { getDashboard } from "~/models/dashboard.server";
import { getCurrentRecognition } from "~/models/recognition.server";
import { getDefaultThreshold } from "~/models/setting.server";
import { submitAnswer } from "~/models/survey/answers.server";
import { createStaff } from "../fixtures/staff";
import { deleteSession, getSessionUser, resetPassword, saveStaffUser, startSession } from "~/models/user.server";
import { prisma } from "~/utils/db.server";

let other: Database.Database;
beforeAll(() => {
  other = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""));
  other.pragma("busy_timeout = 5000");
});
afterAll(() => other.close());

const SLUG = "vinh-bao";

describe("in-memory copies follow the database", () => {
  it("see a commune renamed by another process on the next read", async () => {
    const before = await getCommuneBySlug({ slug: SLUG });
    expect(before).not.toBeNull();
    other.prepare("UPDATE Commune SET name = ? WHERE slug = ?").run("Vĩnh Bảo (đổi tên)", SLUG);
    expect((await getCommuneBySlug({ slug: SLUG }))!.name).toBe("Vĩnh Bảo (đổi tên)");
    expect((await listCommunes()).find((c) => c.slug === SLUG)!.name).toBe("Vĩnh Bảo (đổi tên)");
    other.prepare("UPDATE Commune SET name = ? WHERE slug = ?").run(before!.name, SLUG);
    expect((await getCommuneBySlug({ slug: SLUG }))!.name).toBe(before!.name);
  });

  it("see settings, criteria and recognitions changed by another process", async () => {
    expect((await getDefaultThreshold()).share).toBe(0.9);
    other
      .prepare(
        "INSERT INTO Setting (key, value) VALUES ('threshold.default.share', '0.8') ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      )
      .run();
    expect((await getDefaultThreshold()).share).toBe(0.8);

    const criteria = await listActiveCriteria();
    other.prepare("UPDATE Criterion SET active = 0 WHERE key = 'security'").run();
    expect((await listActiveCriteria()).map((c) => c.key)).toEqual(criteria.map((c) => c.key).filter((k) => k !== "security"));
    other.prepare("UPDATE Criterion SET active = 1 WHERE key = 'security'").run();

    const commune = (await getCommuneBySlug({ slug: SLUG }))!;
    expect(await getCurrentRecognition({ communeId: commune.id })).toBeNull();
    const level = other.prepare("SELECT id FROM RecognitionLevel ORDER BY rank LIMIT 1").get() as { id: number };
    other
      .prepare("INSERT INTO Recognition (communeId, levelId, decisionNumber, decidedOn) VALUES (?, ?, '12/QĐ-UBND', ?)")
      .run(commune.id, level.id, new Date("2026-01-15T00:00:00Z").toISOString());
    expect((await getCurrentRecognition({ communeId: commune.id }))?.decisionNumber).toBe("12/QĐ-UBND");
  });

  it("give a dashboard that counts an answer stored by another process, and a report filed by one", async () => {
    const commune = (await getCommuneBySlug({ slug: SLUG }))!;
    const row = async () => (await getDashboard()).rows.find((r) => r.slug === SLUG)!;
    const before = await row();
    const criteria = other.prepare("SELECT id FROM Criterion WHERE active = 1").all() as { id: number }[];
    const { lastInsertRowid } = other
      .prepare(
        "INSERT INTO Response (communeId, createdAt, period, channel, submissionId) VALUES (?, ?, ?, 'online', 'other-process-1')",
      )
      .run(commune.id, new Date().toISOString(), periodOf(new Date()));
    for (const c of criteria)
      other.prepare("INSERT INTO Rating (responseId, criterionId, score) VALUES (?, ?, 5)").run(lastInsertRowid, c.id);
    const after = await row();
    expect(after.tallies.overall.answered).toBe(before.tallies.overall.answered + 1);
    expect(after.tallies.overall.satisfied).toBe(before.tallies.overall.satisfied + 1);

    other
      .prepare(
        "INSERT INTO Complaint (code, communeId, category, text, searchKey, status) VALUES ('OTHER-00001', ?, 'roads', 'Ổ gà', 'o ga', 'new')",
      )
      .run(commune.id);
    expect((await row()).complaints.open).toBe(before.complaints.open + 1);
  });

  it("refuse a session that another process signed out, disabled or changed, on the very next request", async () => {
    const userId = Number(
      other
        .prepare(
          "INSERT INTO User (email, name, role, passwordHash) VALUES ('cache@local', 'Cán bộ', 'official', '-') RETURNING id",
        )
        .pluck()
        .get(),
    );
    const sessionId = await startSession({ userId });
    expect((await getSessionUser({ sessionId }))?.role).toBe("official");
    expect((await getSessionUser({ sessionId }))?.communes).toEqual([]);
    const commune = (await getCommuneBySlug({ slug: SLUG }))!;
    other.prepare("INSERT INTO UserCommune (userId, communeId) VALUES (?, ?)").run(userId, commune.id);
    expect((await getSessionUser({ sessionId }))?.communes.map((c) => c.slug)).toEqual([SLUG]);
    other.prepare("UPDATE User SET role = 'front' WHERE id = ?").run(userId);
    expect((await getSessionUser({ sessionId }))?.role).toBe("front");
    other.prepare("UPDATE User SET active = 0 WHERE id = ?").run(userId);
    expect(await getSessionUser({ sessionId })).toBeNull();
    other.prepare("UPDATE User SET active = 1 WHERE id = ?").run(userId);
    expect(await getSessionUser({ sessionId })).not.toBeNull();
    other.prepare("DELETE FROM Session WHERE id = ?").run(sessionId);
    expect(await getSessionUser({ sessionId })).toBeNull();
  });

  it("end a cached session through the app's own changes: password reset, deactivation, commune change, sign-out", async () => {
    // The administrator who makes the changes (each is an audit event with its actor, decision 036).
    const adminId = (await createStaff("admin")).id;
    const created = await saveStaffUser({
      name: "Cán bộ xã",
      role: "official",
      communeIds: [(await getCommuneBySlug({ slug: SLUG }))!.id],
      email: "revoke@local",
      password: "mat-khau-dai-12345",
      actorId: null,
    });
    if (!created.ok) throw new Error(created.reason);
    const userId = created.id;
    let sessionId = await startSession({ userId });
    expect((await getSessionUser({ sessionId }))?.communes.map((c) => c.slug)).toEqual([SLUG]);
    await resetPassword({ id: userId, password: "mat-khau-moi-12345", actorId: null });
    expect(await getSessionUser({ sessionId })).toBeNull();

    sessionId = await startSession({ userId });
    expect(await getSessionUser({ sessionId })).not.toBeNull();
    const other = (await getCommuneBySlug({ slug: "tien-lang" }))!;
    await saveStaffUser({
      id: userId,
      actorId: adminId,
      name: "Cán bộ xã",
      role: "official",
      communeIds: [other.id],
      active: true,
    });
    expect((await getSessionUser({ sessionId }))?.communes.map((c) => c.slug)).toEqual(["tien-lang"]);
    await saveStaffUser({
      id: userId,
      actorId: adminId,
      name: "Cán bộ xã",
      role: "official",
      communeIds: [other.id],
      active: false,
    });
    expect(await getSessionUser({ sessionId })).toBeNull();

    await saveStaffUser({
      id: userId,
      actorId: adminId,
      name: "Cán bộ xã",
      role: "official",
      communeIds: [other.id],
      active: true,
    });
    sessionId = await startSession({ userId });
    expect(await getSessionUser({ sessionId })).not.toBeNull();
    await deleteSession({ sessionId });
    expect(await getSessionUser({ sessionId })).toBeNull();
  });

  it("rest on version triggers on every table they copy (a table rebuild that drops them fails here)", () => {
    const triggers = new Set(
      (other.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map((t) => t.name),
    );
    const tables = [
      "Commune",
      "Criterion",
      "Setting",
      "RecognitionLevel",
      "Recognition",
      "SurveyRound",
      "RoundCommune",
      "Response",
      "Complaint",
      "ComplaintEvent",
      "ComplaintPhoto",
      "Session",
      "User",
      "UserCommune",
    ];
    const missing = tables
      .flatMap((t) => ["insert", "update", "delete"].map((op) => `${t}_version_${op}`))
      .filter((n) => !triggers.has(n));
    expect(missing).toEqual([]);
  });
});

describe("answers written together", () => {
  it("store each answer once with its ratings, tell replays and second answers apart, and keep the rollups exact", async () => {
    const commune = (await getCommuneBySlug({ slug: "tien-lang" }))!;
    const criteria = await listActiveCriteria();
    const ratings = (score: number | null) => criteria.map((c) => ({ criterionId: c.id, score }));
    const answer = (submissionId: string, voterHash: string, score: number | null = 4) =>
      submitAnswer({
        channel: "online",
        communeId: commune.id,
        period: "2026-Q4",
        ratings: ratings(score),
        voterHash,
        submissionId,
      });
    // All sent in the same tick, so they share one transaction.
    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => answer(`batch-${i}`, `voter-${i}`, i % 3 === 0 ? null : 1 + (i % 5))),
      answer("batch-3", "voter-3"), // the same form again (double tap)
      answer("batch-new", "voter-5"), // the same resident, a second answer in the period
    ]);
    expect(results.slice(0, 20).every((r) => r.status === "created")).toBe(true);
    expect(results[20]).toMatchObject({ ok: true, status: "replayed", id: (results[3] as { id: number }).id });
    expect(results[21]).toEqual({ ok: false, reason: "duplicate" });

    const stored = await prisma.response.findMany({
      where: { communeId: commune.id, submissionId: { startsWith: "batch-" } },
      select: { submissionId: true, voterHash: true, _count: { select: { ratings: true } } },
    });
    expect(stored).toHaveLength(20);
    expect(stored.every((r) => r._count.ratings === criteria.length)).toBe(true);
    const rollup = await prisma.scoreRollup.aggregate({
      where: { communeId: commune.id, period: "2026-Q4" },
      _sum: { satisfied: true, answered: true, noOpinion: true },
    });
    const recount = other
      .prepare(
        "SELECT SUM(rt.score >= 4) AS satisfied, SUM(rt.score IS NOT NULL) AS answered, SUM(rt.score IS NULL) AS noOpinion FROM Rating rt JOIN Response r ON r.id = rt.responseId WHERE r.communeId = ? AND r.period = '2026-Q4'",
      )
      .get(commune.id) as { satisfied: number; answered: number; noOpinion: number };
    expect(rollup._sum).toEqual(recount);
  });

  it("keep the others when one answer in the batch cannot be stored", async () => {
    const commune = (await getCommuneBySlug({ slug: "tien-lang" }))!;
    const criteria = await listActiveCriteria();
    const ratings = criteria.map((c) => ({ criterionId: c.id, score: 5 }));
    const results = await Promise.allSettled([
      submitAnswer({
        channel: "online",
        communeId: commune.id,
        period: "2026-Q4",
        ratings,
        voterHash: "ok-1",
        submissionId: "mixed-1",
      }),
      submitAnswer({
        channel: "online",
        communeId: 999_999,
        period: "2026-Q4",
        ratings,
        voterHash: "bad",
        submissionId: "mixed-bad",
      }), // no such commune
      submitAnswer({
        channel: "online",
        communeId: commune.id,
        period: "2026-Q4",
        ratings,
        voterHash: "ok-2",
        submissionId: "mixed-2",
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await prisma.response.count({ where: { submissionId: { startsWith: "mixed-" } } })).toBe(2);
  });
});
