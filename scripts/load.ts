// npm run load        (about 60 s of surveys, 20 s of complaints, 30 s of surveys + dashboard reads)
// npm run load:ci     (the same in about 10 s; part of npm test)
// npm run load -- --kill   (SIGKILL the server halfway through the surveys, restart it, check)
//
// Runs the production build (npm run build first) on a fresh database, with 100 concurrent
// clients, then checks the database: every acknowledged submission is stored, exactly.
// Each request comes from a different resident (own signed cookie, own X-Forwarded-For), so the
// per-address rate limits do not apply: this measures the server, not the limits.
import type { ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { createCookie } from "@remix-run/node";
import { prepareDatabase, serverEnv, startServer } from "./lib/harness";

const args = new Set(process.argv.slice(2));
const CI = args.has("--ci");
const KILL = args.has("--kill");
// Each phase sends a fixed number of requests (sized from the throughput measured here, about
// 140 surveys/s) and waits for every answer: a run cut off by a timer would abort requests the
// server may still complete, and "stored = acknowledged, exactly" could not be checked.
const [SURVEYS, COMPLAINTS, MIXED_SURVEYS, MIXED_READS] = CI ? [700, 300, 400, 60] : [8400, 3000, 4200, 600];
const CONNECTIONS = 100;
const DIR = path.resolve(CI ? "tests/.tmp/load" : "data/load");
const SECRET = crypto.randomBytes(32).toString("hex");
const ADMIN = { email: "load@test.local", password: "load-test-password" };
const env = serverEnv(DIR, 3900 + Math.floor(Math.random() * 50), {
  SESSION_SECRET: SECRET,
  TRUST_PROXY: "true",
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
});
const BASE = `http://127.0.0.1:${env.PORT}`;

let server: ChildProcess | undefined;
/** (Re)starts the server; resolves with how long it took until it answered. */
async function start() {
  const running = await startServer(env, { showErrors: true });
  server = running.process;
  return running.startedInMs;
}

const voter = createCookie("voter", { secrets: [SECRET], path: "/" });
const communes: string[] = [];
const randomIp = () => `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;

type Ctx = { submissionId?: string };
const acknowledged = new Set<string>();
let cookiesPool: string[] = [];
let next = 0;

function surveyRequests(): autocannon.Request[] {
  return [
    {
      method: "POST",
      setupRequest: (req, context: Ctx) => {
        const submissionId = crypto.randomUUID();
        context.submissionId = submissionId;
        const slug = communes[crypto.randomInt(communes.length)];
        const r = () => String(1 + crypto.randomInt(5));
        return {
          ...req,
          path: `/c/${slug}/survey`,
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            origin: BASE,
            cookie: cookiesPool[next++ % cookiesPool.length],
            "x-forwarded-for": randomIp(),
          },
          body: new URLSearchParams({
            r_roads: r(),
            r_environment: r(),
            r_water: r(),
            r_security: "na",
            r_overall: r(),
            comment: "Đường liên thôn",
            submissionId,
          }).toString(),
        };
      },
      onResponse: (status, _body, context: Ctx) => {
        if (status === 303 && context.submissionId) acknowledged.add(context.submissionId);
      },
    },
  ];
}

const complaintsAcknowledged = { n: 0 };
function complaintRequests(): autocannon.Request[] {
  return [
    {
      method: "POST",
      setupRequest: (req) => {
        const boundary = `----load${crypto.randomBytes(8).toString("hex")}`;
        const field = (name: string, value: string) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
        const body =
          field("category", "roads") + field("text", `Đường hỏng, ổ gà số ${crypto.randomInt(1e9)}`) + `--${boundary}--\r\n`;
        return {
          ...req,
          path: `/c/${communes[crypto.randomInt(communes.length)]}/report`,
          headers: { "content-type": `multipart/form-data; boundary=${boundary}`, origin: BASE, "x-forwarded-for": randomIp() },
          body,
        };
      },
      onResponse: (status) => {
        if (status === 303) complaintsAcknowledged.n++;
      },
    },
  ];
}

function run(opts: Omit<autocannon.Options, "url">): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url: BASE, connections: CONNECTIONS, timeout: 30, ...opts }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
  });
}

function print(title: string, r: autocannon.Result) {
  const fivexx = r["5xx"];
  console.log(
    `${title.padEnd(30)} ${String(r.requests.total).padStart(6)} in ${r.duration.toFixed(1).padStart(5)} s ${String(Math.round(r.requests.total / r.duration)).padStart(5)} req/s   p50 ${String(r.latency.p50).padStart(5)} ms   p99 ${String(r.latency.p99).padStart(5)} ms   ` +
      `2xx/3xx ${r["2xx"] + r.non2xx - r["4xx"] - fivexx}   4xx ${r["4xx"]}   5xx ${fivexx}   errors ${r.errors}   timeouts ${r.timeouts}`,
  );
  return fivexx;
}

async function main() {
  prepareDatabase(env);
  const db = new Database(path.join(DIR, "app.db"), { readonly: true });
  communes.push(...(db.prepare("SELECT slug FROM Commune").all() as { slug: string }[]).map((c) => c.slug));
  db.close();
  cookiesPool = await Promise.all(
    Array.from({ length: 50_000 }, async () => (await voter.serialize(crypto.randomUUID())).split(";")[0]),
  );
  await start();
  console.log(
    `Load: ${CONNECTIONS} concurrent clients against the production build on ${BASE}${KILL ? ", with a SIGKILL" : ""}\n`,
  );

  let fivexx = 0;
  if (KILL) {
    const pending = run({ amount: SURVEYS, requests: surveyRequests() });
    await new Promise((r) => setTimeout(r, (SURVEYS / 140) * 500));
    server!.kill("SIGKILL");
    await new Promise((r) => server!.once("exit", r));
    const restartMs = await start();
    console.log(`Server killed with SIGKILL mid-run; serving again ${Math.round(restartMs)} ms after restart.`);
    print("Surveys (through the kill)", await pending);
  } else {
    fivexx += print("Surveys", await run({ amount: SURVEYS, requests: surveyRequests() }));
    fivexx += print("Complaints", await run({ amount: COMPLAINTS, requests: complaintRequests() }));
    const login = await fetch(`${BASE}/staff/login`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: BASE, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(ADMIN),
    });
    const session = login.headers.getSetCookie()[0].split(";")[0];
    const [surveys, reads] = await Promise.all([
      run({ amount: MIXED_SURVEYS, connections: 80, requests: surveyRequests() }),
      run({
        amount: MIXED_READS,
        connections: 20,
        requests: [{ method: "GET", path: "/staff/council", headers: { cookie: session } }],
      }),
    ]);
    fivexx += print("Surveys with dashboard reads", surveys);
    fivexx += print("Dashboard reads, meanwhile", reads);
  }

  server!.kill("SIGTERM");
  const code = await new Promise<number | null>((r) => server!.once("exit", r));
  const check = new Database(path.join(DIR, "app.db"), { readonly: true });
  const integrity = check.pragma("integrity_check", { simple: true });
  const stored = new Set(
    (check.prepare("SELECT submissionId FROM Response WHERE submissionId IS NOT NULL").all() as { submissionId: string }[]).map(
      (r) => r.submissionId,
    ),
  );
  const complaints = (check.prepare("SELECT COUNT(*) AS n FROM Complaint").get() as { n: number }).n;
  check.close();
  const missing = [...acknowledged].filter((id) => !stored.has(id)).length;
  console.log(
    `\nAcknowledged survey answers: ${acknowledged.size}; stored: ${stored.size}; acknowledged but missing: ${missing}`,
  );
  if (!KILL) console.log(`Acknowledged complaints: ${complaintsAcknowledged.n}; stored: ${complaints}`);
  console.log(`integrity_check: ${integrity}; server exit code after SIGTERM: ${code}`);
  const ok =
    missing === 0 &&
    integrity === "ok" &&
    code === 0 &&
    fivexx === 0 &&
    (KILL ? stored.size >= acknowledged.size : stored.size === acknowledged.size && complaints === complaintsAcknowledged.n) &&
    acknowledged.size > 0;
  console.log(ok ? "\nLOAD CHECK PASSED" : "\nLOAD CHECK FAILED");
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  server?.kill("SIGKILL");
  process.exit(1);
});
