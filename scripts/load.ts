// npm run load               survey evening: 170 answers/s offered for 60 s while council members
//                            read the dashboard and residents open commune pages; then complaints;
//                            then the most answers/s the server takes (closed loop) next to the raw
//                            SQLite insert ceiling on the same disk; then the database is checked.
// npm run load -- --json     the same, one JSON object on standard output (the table goes to stderr)
// npm run load:ci            a short version with thresholds for a noisy machine (part of npm test)
// npm run load -- --kill     SIGKILL the server halfway through the survey evening, restart, check
// Options: --rate N (answers/s offered), --seconds N, --workers N (WEB_CONCURRENCY of the server).
//
// Runs the production build (npm run build first) on a fresh database. Open loop: requests leave
// on a fixed schedule whether or not earlier ones were answered, and each latency is counted from
// its scheduled time, so a stalled server cannot hide its queue. Each answer comes from a different
// resident (own signed cookie, own X-Forwarded-For), so the per-address limits do not apply: this
// measures the server, not the limits. Every acknowledged answer must be stored, exactly.
import type { ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createCookie } from "@remix-run/node";
import { prepareDatabase, serverEnv, startServer } from "./lib/harness";

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const CI = flag("--ci");
const KILL = flag("--kill");
const JSON_OUT = flag("--json");
const RATE = option("--rate", CI ? 100 : 170);
const SECONDS = option("--seconds", CI ? 8 : 60);
const WORKERS = option("--workers", 0); // 0: the server's default (one per core)
/** Readers during the survey evening: council members on the dashboard, residents on commune pages. */
const DASHBOARD_RATE = CI ? 3 : 4;
const COMMUNE_RATE = CI ? 10 : 20;
const COMPLAINTS = CI ? 60 : 300;
const CLOSED_LOOP = { connections: 48, seconds: CI ? 4 : 15 };
const RAW_SECONDS = CI ? 2 : 5;

/** What the issue asks for on a quiet 2-core machine (full run), and what CI insists on. */
const TARGETS = CI
  ? // npm test's last step, measured on a quiet 2-core machine on 27 November 2026: dashboard p95
    // 86 ms, commune 57 ms, survey 27 ms, ratio 0.26, 6.8 ms of server CPU per request. The
    // thresholds leave 4-6 times that for a noisy machine, and still fail a return to what the
    // server did before issue 15 (ratio 0.06, p95 in seconds).
    { dashboardP95Ms: 500, dashboardP99Ms: 1000, communeP95Ms: 500, surveyP95Ms: 500, ratio: 0.15, serverCpuMsPerRequest: 15 }
  : { dashboardP95Ms: 150, dashboardP99Ms: 400, communeP95Ms: 150, surveyP95Ms: 250, ratio: 0.3, serverCpuMsPerRequest: 20 };

const out = JSON_OUT ? process.stderr : process.stdout;
const say = (line = "") => out.write(line + "\n");

const DIR = path.resolve(CI ? "tests/.tmp/load" : "data/load");
const DB_FILE = path.join(DIR, "app.db");
const SECRET = crypto.randomBytes(32).toString("hex");
const ADMIN = { email: "load@test.local", password: "load-test-password" };
const env = serverEnv(DIR, 3900 + Math.floor(Math.random() * 50), {
  SESSION_SECRET: SECRET,
  TRUST_PROXY: "true",
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  ...(WORKERS ? { WEB_CONCURRENCY: String(WORKERS) } : {}),
});
const BASE = `http://127.0.0.1:${env.PORT}`;
let agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
/** A fresh pool of connections for each phase: sockets left idle longer than the server's keep-alive are not reused. */
function freshAgent() {
  agent.destroy();
  agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
}

let server: ChildProcess | undefined;

/** CPU seconds used so far by the server: its primary and every worker (children), from /proc. */
function serverCpuSeconds(): number {
  const pid = server?.pid;
  if (!pid || process.platform !== "linux") return 0;
  let ticks = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ");
      if (Number(entry) === pid || Number(fields[1]) === pid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / 100; // USER_HZ
}
async function start() {
  const running = await startServer(env, { showErrors: true });
  server = running.process;
  return running.startedInMs;
}

type Answer = { status: number; ms: number; error?: string };

/** One request; `ms` from `since` (the scheduled time in the open loop). Never rejects. */
function request(
  method: string,
  urlPath: string,
  headers: Record<string, string>,
  body: string | Buffer | undefined,
  since: number,
): Promise<Answer> {
  return new Promise((resolve) => {
    const req = http.request(`${BASE}${urlPath}`, { method, headers, agent, timeout: 30_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - since }));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (e) => resolve({ status: 0, ms: performance.now() - since, error: e.message }));
    req.end(body);
  });
}

const voter = createCookie("voter", { secrets: [SECRET], path: "/" });
const communes: string[] = [];
const pick = <T>(list: T[]) => list[crypto.randomInt(list.length)];
const randomIp = () => `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;
const acknowledged = new Set<string>();
const r = () => String(1 + crypto.randomInt(5));

/** Signed cookies made before the clock starts: signing one is asynchronous and must not delay a send. */
const cookies: string[] = [];
let nextCookie = 0;
async function makeCookies(n: number) {
  for (let i = 0; i < n; i += 1000)
    cookies.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(1000, n - i) }, async () => (await voter.serialize(crypto.randomUUID())).split(";")[0]),
      )),
    );
}

async function survey(since = performance.now()): Promise<Answer> {
  const submissionId = crypto.randomUUID();
  const cookie = nextCookie < cookies.length ? cookies[nextCookie++] : (await voter.serialize(crypto.randomUUID())).split(";")[0];
  const body = new URLSearchParams({
    r_roads: r(),
    r_environment: r(),
    r_water: r(),
    r_security: "na",
    r_overall: r(),
    comment: "Đường liên thôn",
    submissionId,
  }).toString();
  const a = await request(
    "POST",
    `/c/${pick(communes)}/survey`,
    { "content-type": "application/x-www-form-urlencoded", origin: BASE, cookie, "x-forwarded-for": randomIp() },
    body,
    since,
  );
  if (a.status === 303) acknowledged.add(submissionId);
  return a;
}

let session = "";
const dashboard = (since: number) => request("GET", "/staff/council", { cookie: session }, undefined, since);
const communePage = (since: number) => request("GET", `/c/${pick(communes)}`, {}, undefined, since);

let complaintsAcknowledged = 0;
async function complaint(): Promise<Answer> {
  const boundary = `----load${crypto.randomBytes(8).toString("hex")}`;
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = Buffer.from(
    field("category", "roads") + field("text", `Đường hỏng, ổ gà số ${crypto.randomInt(1e9)}`) + `--${boundary}--\r\n`,
  );
  const a = await request(
    "POST",
    `/c/${pick(communes)}/report`,
    { "content-type": `multipart/form-data; boundary=${boundary}`, origin: BASE, "x-forwarded-for": randomIp() },
    body,
    performance.now(),
  );
  if (a.status === 303) complaintsAcknowledged++;
  return a;
}

/** Calls `send` `rate` times a second for `seconds`, on schedule; latencies from the scheduled time. */
async function openLoop(rate: number, seconds: number, send: (since: number) => Promise<Answer>, onTick?: (i: number) => void) {
  const t0 = performance.now();
  const n = Math.round(rate * seconds);
  const pending: Promise<Answer>[] = [];
  for (let i = 0; i < n; i++) {
    const at = t0 + (i * 1000) / rate;
    const wait = at - performance.now();
    if (wait > 1) await new Promise((res) => setTimeout(res, wait));
    onTick?.(i);
    pending.push(send(at));
  }
  return Promise.all(pending);
}

/** `connections` clients sending back to back for `seconds`. */
async function closedLoop(connections: number, seconds: number, send: () => Promise<Answer>) {
  const end = performance.now() + seconds * 1000;
  const answers: Answer[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) answers.push(await send());
    }),
  );
  return { answers, seconds: (performance.now() - t0) / 1000 };
}

function pct(answers: Answer[], q: number) {
  const s = answers.map((a) => a.ms).sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]) : 0;
}
const bad = (answers: Answer[], ok: number) => answers.filter((a) => a.status !== ok).length;
function row(title: string, answers: Answer[], ok: number, seconds: number) {
  const statuses = new Map<string, number>();
  for (const a of answers)
    if (a.status !== ok) statuses.set(a.error ?? String(a.status), (statuses.get(a.error ?? String(a.status)) ?? 0) + 1);
  say(
    `${title.padEnd(34)} ${String(answers.length).padStart(6)} ${(answers.length / seconds).toFixed(0).padStart(6)}/s ` +
      `${String(pct(answers, 0.5)).padStart(6)} ${String(pct(answers, 0.95)).padStart(6)} ${String(pct(answers, 0.99)).padStart(6)}   ` +
      (statuses.size ? [...statuses].map(([k, v]) => `${k}: ${v}`).join(", ") : "0"),
  );
}

/** The ceiling: the same answer (a response and 5 ratings, rollup triggers) in raw better-sqlite3, one durable transaction each. */
function rawInsertCeiling(seconds: number) {
  const db = new Database(DB_FILE);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  const communeId = (db.prepare("SELECT id FROM Commune LIMIT 1").get() as { id: number }).id;
  const criteria = (db.prepare("SELECT id FROM Criterion WHERE active = 1").all() as { id: number }[]).map((c) => c.id);
  const insert = db.prepare(
    "INSERT INTO Response (communeId, createdAt, period, channel, voterHash, ipHash, submissionId, comment, isDemo) VALUES (?, ?, '2026-Q4', 'online', ?, ?, ?, ?, 0)",
  );
  const rating = db.prepare("INSERT INTO Rating (responseId, criterionId, score) VALUES (?, ?, ?)");
  const one = db.transaction((i: number) => {
    const { lastInsertRowid } = insert.run(
      communeId,
      new Date().toISOString(),
      `raw${i}`,
      `ip${i}`,
      `raw-${i}`,
      "Đường liên thôn",
    );
    for (const c of criteria) rating.run(lastInsertRowid, c, 4);
  });
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  let n = 0;
  while (performance.now() < end) one(n++);
  const perSecond = n / ((performance.now() - t0) / 1000);
  db.prepare("DELETE FROM Response WHERE submissionId LIKE 'raw-%'").run();
  db.close();
  return Math.round(perSecond);
}

async function main() {
  const load0 = os.loadavg()[0];
  prepareDatabase(env);
  const db = new Database(DB_FILE, { readonly: true });
  communes.push(...(db.prepare("SELECT slug FROM Commune").all() as { slug: string }[]).map((c) => c.slug));
  db.close();
  await start();
  const login = await fetch(`${BASE}/staff/login`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: BASE, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(ADMIN),
  });
  session = login.headers.getSetCookie()[0].split(";")[0];
  const workers = WORKERS || os.availableParallelism();
  await makeCookies(Math.round(RATE * SECONDS) + CLOSED_LOOP.seconds * 1500 + 2000);
  say(
    `Load: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, Node ${process.version}, server with ${workers} process(es) on ${BASE}; load average ${load0.toFixed(1)} before${KILL ? "; SIGKILL halfway" : ""}\n`,
  );
  // Warm-up: compile the hot paths in every worker (these answers count in the final check too).
  await closedLoop(8, 1, () => survey());
  await closedLoop(4, 1, () => communePage(performance.now()));

  say(
    `${"".padEnd(34)} ${"n".padStart(6)} ${"rate".padStart(8)} ${"p50".padStart(6)} ${"p95".padStart(6)} ${"p99".padStart(6)}   errors`,
  );
  const t0 = performance.now();
  const cpu0 = serverCpuSeconds();
  let killed: Promise<number> | undefined;
  const [surveys, dashboards, pages] = await Promise.all([
    openLoop(RATE, SECONDS, survey, (i) => {
      if (KILL && i === Math.round((RATE * SECONDS) / 2)) {
        killed = (async () => {
          server!.kill("SIGKILL");
          await new Promise((res) => server!.once("exit", res));
          return start();
        })();
      }
    }),
    openLoop(DASHBOARD_RATE, SECONDS, dashboard),
    openLoop(COMMUNE_RATE, SECONDS, communePage),
  ]);
  const evening = (performance.now() - t0) / 1000;
  const cpuUsed = serverCpuSeconds() - cpu0;
  const serverCores = KILL ? 0 : Number((cpuUsed / evening).toFixed(2));
  // CPU per request of the evening's mix: robust to a busy machine (time slices are not counted).
  const serverCpuMsPerRequest = KILL
    ? 0
    : Number(((cpuUsed * 1000) / (surveys.length + dashboards.length + pages.length)).toFixed(1));
  row(`Survey answers, ${RATE}/s offered`, surveys, 303, evening);
  row(`Council dashboard, ${DASHBOARD_RATE}/s meanwhile`, dashboards, 200, evening);
  row(`Commune pages, ${COMMUNE_RATE}/s meanwhile`, pages, 200, evening);
  if (!KILL)
    say(
      `Server CPU during the evening: ${serverCores} cores on average (of ${os.cpus().length}), ${serverCpuMsPerRequest} ms per request of the mix`,
    );
  if (killed) say(`Server killed with SIGKILL mid-run; serving again ${Math.round(await killed)} ms after restart.`);

  const complaints: Answer[] = [];
  let closed = { answers: [] as Answer[], seconds: 1 };
  if (!KILL) {
    freshAgent();
    const c0 = performance.now();
    let sent = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (sent++ < COMPLAINTS) complaints.push(await complaint());
      }),
    );
    row("Complaints (multipart), 16 clients", complaints, 303, (performance.now() - c0) / 1000);
    freshAgent();
    closed = await closedLoop(CLOSED_LOOP.connections, CLOSED_LOOP.seconds, () => survey());
    row(`Survey answers, ${CLOSED_LOOP.connections} clients flat out`, closed.answers, 303, closed.seconds);
  }

  server!.kill("SIGTERM");
  const code = await new Promise<number | null>((res) => server!.once("exit", res));
  const check = new Database(DB_FILE, { readonly: true });
  const integrity = check.pragma("integrity_check", { simple: true }) as string;
  const stored = new Set(
    (check.prepare("SELECT submissionId FROM Response WHERE submissionId IS NOT NULL").all() as { submissionId: string }[]).map(
      (x) => x.submissionId,
    ),
  );
  const storedComplaints = (check.prepare("SELECT COUNT(*) AS n FROM Complaint").get() as { n: number }).n;
  check.close();
  const lostAnswers = [...acknowledged].filter((id) => !stored.has(id)).length;
  const rawInsertPerSecond = KILL ? 0 : rawInsertCeiling(RAW_SECONDS);
  const surveyPerSecond = Math.round(closed.answers.filter((a) => a.status === 303).length / closed.seconds);
  const errors = KILL
    ? 0 // requests cut by the kill are expected to fail; what matters is that none acknowledged is lost
    : bad(surveys, 303) + bad(dashboards, 200) + bad(pages, 200) + bad(complaints, 303) + bad(closed.answers, 303);

  const result = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    loadAverageBefore: Number(load0.toFixed(1)),
    loadAverageAfter: Number(os.loadavg()[0].toFixed(1)),
    serverProcesses: workers,
    mode: CI ? "ci" : KILL ? "kill" : "full",
    offeredPerSecond: RATE,
    seconds: SECONDS,
    serverCoresUsed: serverCores,
    serverCpuMsPerRequest,
    dashboardP50Ms: pct(dashboards, 0.5),
    dashboardP95Ms: pct(dashboards, 0.95),
    dashboardP99Ms: pct(dashboards, 0.99),
    communeP95Ms: pct(pages, 0.95),
    communeP99Ms: pct(pages, 0.99),
    surveyP50Ms: pct(surveys, 0.5),
    surveyP95Ms: pct(surveys, 0.95),
    surveyP99Ms: pct(surveys, 0.99),
    errors,
    acknowledged: acknowledged.size,
    lostAnswers,
    complaintsAcknowledged,
    complaintsStored: storedComplaints,
    surveyPerSecond,
    rawInsertPerSecond,
    ratio: rawInsertPerSecond ? Number((surveyPerSecond / rawInsertPerSecond).toFixed(2)) : 0,
    integrity,
    exitCode: code,
    targets: TARGETS,
    pass: false,
  };
  say(
    `\nAcknowledged survey answers: ${acknowledged.size}; stored: ${stored.size}; acknowledged but missing: ${lostAnswers}` +
      (KILL ? "" : `\nAcknowledged complaints: ${complaintsAcknowledged}; stored: ${storedComplaints}`) +
      `\nintegrity_check: ${integrity}; server exit code after SIGTERM: ${code}` +
      (KILL
        ? ""
        : `\nMost answers/s through HTTP: ${surveyPerSecond}; raw SQLite ceiling (one durable transaction per answer): ${rawInsertPerSecond}; ratio ${result.ratio}`) +
      `\nLoad average (1 min) before ${result.loadAverageBefore}, after ${result.loadAverageAfter}`,
  );
  const failures: string[] = [];
  if (lostAnswers !== 0 || acknowledged.size === 0) failures.push("acknowledged answers missing");
  // A request the client gave up on (timeout) may still be stored: exact equality holds only without errors.
  if (!KILL && errors === 0 && stored.size !== acknowledged.size) failures.push("stored answers that were not acknowledged");
  if (!KILL && (errors === 0 ? storedComplaints !== complaintsAcknowledged : storedComplaints < complaintsAcknowledged))
    failures.push("complaints stored ≠ acknowledged");
  if (integrity !== "ok" || code !== 0) failures.push("integrity or exit code");
  if (errors) failures.push(`${errors} errors`);
  if (!KILL) {
    for (const key of ["dashboardP95Ms", "dashboardP99Ms", "communeP95Ms", "surveyP95Ms"] as const)
      if (result[key] >= TARGETS[key]) failures.push(`${key} ${result[key]} ≥ ${TARGETS[key]}`);
    if (result.ratio < TARGETS.ratio) failures.push(`ratio ${result.ratio} < ${TARGETS.ratio}`);
    // The mix costs about 7 ms of CPU per request (survey 5, commune page 14, dashboard 50): a
    // regression that adds queries or rendering shows here even when the machine is busy.
    if (serverCpuMsPerRequest > TARGETS.serverCpuMsPerRequest)
      failures.push(`server CPU ${serverCpuMsPerRequest} ms per request > ${TARGETS.serverCpuMsPerRequest}`);
  }
  result.pass = failures.length === 0;
  say(result.pass ? "\nLOAD CHECK PASSED" : `\nLOAD CHECK FAILED: ${failures.join("; ")}`);
  if (JSON_OUT) process.stdout.write(JSON.stringify(result) + "\n");
  agent.destroy();
  process.exit(result.pass ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  server?.kill("SIGKILL");
  process.exit(1);
});
