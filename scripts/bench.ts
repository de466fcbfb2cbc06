// npm run bench: performance of the council dashboard and a commune dossier at 1,000,000 answers,
// and survey submission throughput, each next to the raw SQLite figure for the same work.
// BENCH_RESPONSES (default 1,000,000) and BENCH_DIR (default data/bench) change the set-up.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { periodOf, recentPeriods } from "../app/lib/vn-time";
import { prepareDatabase, serverEnv } from "./lib/harness";

const N = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const DIR = path.resolve(process.env.BENCH_DIR ?? "data/bench");
const DB_FILE = path.join(DIR, "app.db");
// The app is imported in this process (after loading), so it reads this environment.
const env = serverEnv(DIR, undefined, { SURVEY_RATE_LIMIT_PER_HOUR: "1000000" });
Object.assign(process.env, env);

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1] };
}
const fmt = (x: number) => x.toFixed(1).padStart(7);
function report(label: string, ms: number[]) {
  const r = stats(ms);
  console.log(
    `${label.padEnd(44)} median ${fmt(r.median)} ms   p95 ${fmt(r.p95)} ms   max ${fmt(r.max)} ms   (${ms.length} runs)`,
  );
}
async function time(runs: number, fn: () => Promise<unknown> | unknown) {
  for (let i = 0; i < 3; i++) await fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

function loadAnswers() {
  prepareDatabase(env);
  // The generated answers are written straight through better-sqlite3 in large transactions
  // (Prisma would take most of an hour for 6 million rows); the rollup triggers run as in production.
  const db = new Database(DB_FILE);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF"); // loading only; the server runs with FULL
  const xa = db.prepare("SELECT id FROM Commune WHERE kind = 'xa' ORDER BY sortOrder").all() as { id: number }[];
  const criteria = db.prepare("SELECT id FROM Criterion ORDER BY sortOrder").all() as { id: number }[];
  const insertResponse = db.prepare(
    "INSERT INTO Response (communeId, createdAt, period, channel, voterHash, ipHash, submissionId, isDemo, comment) VALUES (?, ?, ?, 'online', ?, ?, ?, 0, ?)",
  );
  const insertRating = db.prepare("INSERT INTO Rating (responseId, criterionId, score) VALUES (?, ?, ?)");
  const now = Date.now();
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const commune = xa[i % xa.length].id;
      const created = new Date(now - rand() * 700 * 86_400_000);
      const period = periodOf(created);
      const { lastInsertRowid } = insertResponse.run(
        commune,
        created.toISOString(),
        period,
        `v${i}`,
        `ip${i % 5000}`,
        `b${i}`,
        i % 50 === 0 ? "Đường liên thôn xuống cấp" : null,
      );
      const p = 0.75 + (commune % 10) / 50;
      for (const c of criteria)
        insertRating.run(
          lastInsertRowid,
          c.id,
          rand() < 0.07 ? null : rand() < p ? 4 + (rand() < 0.5 ? 1 : 0) : 1 + Math.floor(rand() * 3),
        );
    }
  });
  const t0 = performance.now();
  for (let i = 0; i < N; i += 50_000) batch(i, Math.min(N, i + 50_000));
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.exec("ANALYZE");
  db.close();
  return (performance.now() - t0) / 1000;
}

async function main() {
  console.log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  console.log(`Loading ${N.toLocaleString("en")} answers (${(N * 5).toLocaleString("en")} ratings) across the 67 xã…`);
  const loadSeconds = loadAnswers();
  console.log(
    `Loaded in ${loadSeconds.toFixed(0)} s (${Math.round((N * 6) / loadSeconds).toLocaleString("en")} rows/s with triggers). Database: ${(fs.statSync(DB_FILE).size / 2 ** 20).toFixed(0)} MiB\n`,
  );

  // Import the app only now: it reads DATABASE_URL when loaded.
  const { loader: dashboardLoader } = await import("../app/routes/staff.council._index");
  const { loader: dossierLoader } = await import("../app/routes/staff.council.$slug");
  const { action: surveyAction } = await import("../app/routes/c.$slug.survey");
  const { createUser, login } = await import("../app/models/user.server");
  const { sessionCookie } = await import("../app/utils/auth.server");
  const { voterCookie } = await import("../app/utils/cookies.server");
  const { prisma } = await import("../app/utils/db.server");

  await createUser({ email: "bench@local", name: "Bench", role: "council", password: "bench-password-123" });
  const session = await login({ email: "bench@local", password: "bench-password-123", ipHash: "bench" });
  if (!session.ok) throw new Error("login failed");
  const cookie = (await sessionCookie.serialize(session.sessionId)).split(";")[0];
  const ctx = { clientIp: "127.0.0.1" };
  const get = (p: string) => new Request(`http://localhost${p}`, { headers: { Cookie: cookie } });

  const dash = await time(30, async () =>
    (await dashboardLoader({ request: get("/staff/council"), params: {}, context: ctx })).json(),
  );
  report("Dashboard loader (all 114 units)", dash);
  const raw = new Database(DB_FILE, { readonly: true });
  const rollupSql = raw.prepare(
    "SELECT communeId, criterionId, SUM(satisfied), SUM(answered), SUM(noOpinion) FROM ScoreRollup WHERE period IN (?, ?, ?, ?) GROUP BY communeId, criterionId",
  );
  const periods = recentPeriods(new Date(), 4);
  report("  raw SQLite: the rollup aggregate alone", await time(30, () => rollupSql.all(...periods)));
  const scanSql = raw.prepare(
    "SELECT r.communeId, rt.criterionId, SUM(rt.score >= 4), SUM(rt.score IS NOT NULL) FROM Rating rt JOIN Response r ON r.id = rt.responseId WHERE r.period IN (?, ?, ?, ?) GROUP BY r.communeId, rt.criterionId",
  );
  report("  raw SQLite: same numbers without rollups", await time(3, () => scanSql.all(...periods)));

  const slug = "vinh-bao";
  const dossier = await time(50, async () =>
    (await dossierLoader({ request: get(`/staff/council/${slug}`), params: { slug }, context: ctx })).json(),
  );
  report(`Dossier loader (${slug})`, dossier);
  const communeId = (raw.prepare("SELECT id FROM Commune WHERE slug = ?").get(slug) as { id: number }).id;
  const dossierSql = raw.prepare(
    "SELECT criterionId, SUM(satisfied), SUM(answered) FROM ScoreRollup WHERE communeId = ? AND period IN (?, ?, ?, ?) GROUP BY criterionId",
  );
  report("  raw SQLite: the commune's rollup aggregate", await time(50, () => dossierSql.all(communeId, ...periods)));
  raw.close();

  // Survey submissions through the real action: parse, validate, cookie, rate limit, insert.
  const SUBMISSIONS = 2000;
  const cookies = await Promise.all(
    Array.from({ length: SUBMISSIONS }, async () => (await voterCookie.serialize(crypto.randomUUID())).split(";")[0]),
  );
  const t0 = performance.now();
  for (let i = 0; i < SUBMISSIONS; i++) {
    const body = new URLSearchParams({
      r_roads: "4",
      r_environment: "3",
      r_water: "5",
      r_security: "na",
      r_overall: "4",
      submissionId: crypto.randomUUID(),
    });
    const request = new Request(`http://localhost/c/${slug}/survey`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies[i] },
      body,
    });
    const res = (await surveyAction({
      request,
      params: { slug },
      context: { clientIp: `10.0.${i >> 8}.${i & 255}` },
    })) as Response;
    if (res.status !== 303) throw new Error(`submission ${i}: ${res.status}`);
  }
  const appRate = SUBMISSIONS / ((performance.now() - t0) / 1000);
  await prisma.$disconnect();

  const w = new Database(DB_FILE);
  w.pragma("journal_mode = WAL");
  w.pragma("synchronous = FULL");
  const ins = w.prepare(
    "INSERT INTO Response (communeId, createdAt, period, channel, voterHash, submissionId, isDemo) VALUES (?, ?, ?, 'online', ?, ?, 0)",
  );
  const insR = w.prepare("INSERT INTO Rating (responseId, criterionId, score) VALUES (?, ?, ?)");
  const one = w.transaction((i: number) => {
    const { lastInsertRowid } = ins.run(communeId, new Date().toISOString(), periods[0], `raw${i}`, `raw${i}`);
    for (let c = 1; c <= 5; c++) insR.run(lastInsertRowid, c, 4);
  });
  const t1 = performance.now();
  for (let i = 0; i < SUBMISSIONS; i++) one(i);
  const rawRate = SUBMISSIONS / ((performance.now() - t1) / 1000);
  w.close();
  console.log(`${"Survey submissions, one at a time (action)".padEnd(44)} ${appRate.toFixed(0)} /s`);
  console.log(`${"  raw SQLite: same rows, one transaction each".padEnd(44)} ${rawRate.toFixed(0)} /s   (synchronous=FULL, WAL)`);
  console.log(`\nPeak memory (RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
