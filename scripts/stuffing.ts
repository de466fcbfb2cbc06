// npm run stuffing [-- --json]: how many survey answers one client can push into one commune, trying
// (1) the same cookie, (2) a fresh cookie each time, (3) a fresh cookie and a different
// X-Forwarded-For each time — against the server as configured by default (TRUST_PROXY=false)
// and behind a proxy that is trusted (TRUST_PROXY=true). Then what household ballot codes
// (issue 10) let through, behind a trusted proxy with a forged address on every request: uncoded
// answers in the verified verdict, guessed codes, one code sent 50 times at once, another
// commune's code, a code used on paper then online. Then what one insider account can still do
// (issue 26, decision 036; scripts/lib/insider.ts), through HTTP on the demo data. Prints a
// table, or one JSON object. INSIDER_ONLY=1 runs the insider attempts alone.
import crypto from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { prepareDatabase, serverEnv, startServer, type ServerEnv } from "./lib/harness";
import { insiderAttempts } from "./lib/insider";

const ATTEMPTS = Number(process.env.ATTEMPTS ?? 200);
const DIR = path.resolve("data/stuffing");
const BALLOT_DIR = path.resolve("data/stuffing-ballots");
const JSON_OUT = process.argv.includes("--json");
const UNCODED = Number(process.env.UNCODED ?? 1000);
const GUESSES = Number(process.env.GUESSES ?? 10_000);
const QR_GUESSES = Number(process.env.QR_GUESSES ?? 2_000);
const log = (...args: unknown[]) => {
  if (!JSON_OUT) console.log(...args);
};
const SLUG = "vinh-bao";

/** A fresh database and a server with this TRUST_PROXY, for one round of attempts. */
async function withServer<T>(
  trustProxy: string,
  port: number,
  fn: (base: string, env: ServerEnv) => Promise<T>,
  { dir = DIR, demo = false } = {},
): Promise<T> {
  const env = serverEnv(dir, port, { TRUST_PROXY: trustProxy });
  prepareDatabase(env, { demo });
  const server = await startServer(env);
  try {
    return await fn(server.url, env);
  } finally {
    server.process.kill("SIGTERM");
    await new Promise((r) => server.process.once("exit", r));
  }
}

async function attempt(base: string, cookie: string | null, ip: string | null) {
  const page = await fetch(`${base}/c/${SLUG}/survey`, {
    headers: { ...(cookie ? { cookie } : {}), ...(ip ? { "x-forwarded-for": ip } : {}) },
  });
  const newCookie = page.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const html = await page.text();
  const submissionId = /name="submissionId" value="([^"]+)"/.exec(html)?.[1];
  if (!submissionId) return { status: 0, cookie: cookie ?? newCookie };
  const useCookie = cookie ?? newCookie;
  const res = await fetch(`${base}/c/${SLUG}/survey`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: base,
      cookie: useCookie,
      ...(ip ? { "x-forwarded-for": ip } : {}),
    },
    body: new URLSearchParams({ r_roads: "5", r_environment: "5", r_water: "5", r_security: "5", r_overall: "5", submissionId }),
  });
  return { status: res.status, cookie: useCookie };
}

async function strategies(base: string) {
  const out: Record<string, number> = {};
  // 1: one cookie, kept.
  let cookie: string | null = null;
  let ok = 0;
  for (let i = 0; i < ATTEMPTS; i++) {
    const r = await attempt(base, cookie, null);
    cookie = r.cookie;
    if (r.status === 303) ok++;
  }
  out["same cookie"] = ok;
  // 2: cookies cleared before every answer.
  ok = 0;
  for (let i = 0; i < ATTEMPTS; i++) if ((await attempt(base, null, null)).status === 303) ok++;
  out["fresh cookie each time"] = ok;
  // 3: fresh cookie and a made-up address in X-Forwarded-For each time.
  ok = 0;
  for (let i = 0; i < ATTEMPTS; i++) if ((await attempt(base, null, `198.51.${i >> 8}.${i & 255}`)).status === 303) ok++;
  out["fresh cookie + forged X-Forwarded-For"] = ok;
  return out;
}

/** Runs `fn` over `items` with at most `width` requests in flight. */
async function pool<T>(items: T[], width: number, fn: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

const forged = (i: number) => `203.0.${(i >> 8) & 255}.${i & 255}`;

/** The household-code attacks, on the demo data (an open codes-required round for Vĩnh Bảo and Tiên Lãng). */
async function ballots(base: string, env: ServerEnv) {
  // The app's own modules, on this server's database, for what only staff can do (paper ballots).
  Object.assign(process.env, { DATA_DIR: env.DATA_DIR, DATABASE_URL: env.DATABASE_URL, NODE_ENV: "production" });
  const { deriveCodes, demoBatchSeed } = await import("../app/utils/ballot-crypto.server");
  const { enterPaperBallots } = await import("../app/models/survey/answers.server");
  const { formatCode, codeFromBytes } = await import("../app/lib/ballot-code");
  const db = new Database(env.DATABASE_URL.replace(/^file:/, ""), { readonly: true });
  const round = db.prepare("SELECT id FROM SurveyRound WHERE isDemo = 1 AND codesRequired = 1").get() as { id: number };
  const verified = () =>
    (db.prepare("SELECT COUNT(*) AS n FROM Response WHERE roundId = ? AND verified = 1").get(round.id) as { n: number }).n;
  const commune = (slug: string) => (db.prepare("SELECT id FROM Commune WHERE slug = ?").get(slug) as { id: number }).id;
  const front = (db.prepare("SELECT id FROM User WHERE role = 'front' AND isDemo = 1").get() as { id: number }).id;
  const criteria = db.prepare("SELECT id FROM Criterion WHERE active = 1").all() as { id: number }[];
  // Codes the README does not list (Thôn Tây), and one of Tiên Lãng.
  const west = deriveCodes(demoBatchSeed("vinh-bao", "Thôn Tây"), 30);
  const south = deriveCodes(demoBatchSeed("tien-lang", "Thôn Nam"), 25);
  const post = (url: string, body: Record<string, string>, ip: string) =>
    fetch(`${base}${url}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: base, "x-forwarded-for": ip },
      body: new URLSearchParams(body),
    });
  const answer = { r_roads: "5", r_environment: "5", r_water: "5", r_security: "5", r_overall: "5" };
  const out: Record<string, number> = {};

  // 1. Uncoded answers, each with a fresh cookie and a forged address: stored as open answers.
  const before = verified();
  let stored = 0;
  await pool(
    Array.from({ length: UNCODED }, (_, i) => i),
    8,
    async (i) => {
      if ((await attempt(base, null, forged(i))).status === 303) stored++;
    },
  );
  out.uncodedAnswersStoredAsOpen = stored;
  out.uncodedAnswersCountedInVerifiedVerdict = verified() - before;

  // 2. One code sent 50 times at once, from 50 addresses.
  const v0 = verified();
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      post(`/b/${formatCode(west[0])}`, { ...answer, submissionId: crypto.randomUUID() }, forged(10_000 + i)),
    ),
  );
  out.parallelSameCodeAccepted = results.filter((r) => r.status === 303).length;
  out.parallelSameCodeCounted = verified() - v0;

  // 3. Another commune's code typed on Vĩnh Bảo's page, then answered at /b/ for Vĩnh Bảo.
  const other = await post("/c/vinh-bao/code", { code: formatCode(south[0]) }, forged(20_000));
  out.otherCommuneCodeAccepted = other.status === 303 ? 1 : 0;

  // 4. A code entered on paper by the Front, then online; and the reverse.
  const ratings = criteria.map((c) => ({ criterionId: c.id, score: 5 }));
  const paper = await enterPaperBallots({
    actorId: front,
    roundId: round.id,
    communeId: commune("vinh-bao"),
    ballots: [{ code: west[1], ratings }],
  });
  if (!paper.ok) throw new Error(`paper ballot refused: ${paper.reason}`);
  const online = await post(`/b/${formatCode(west[1])}`, { ...answer, submissionId: crypto.randomUUID() }, forged(20_001));
  out.paperThenOnlineAccepted = online.status === 303 ? 1 : 0;
  const first = await post(`/b/${formatCode(west[2])}`, { ...answer, submissionId: crypto.randomUUID() }, forged(20_002));
  if (first.status !== 303) throw new Error(`a fresh code was refused online: ${first.status}`);
  const reverse = await enterPaperBallots({
    actorId: front,
    roundId: round.id,
    communeId: commune("vinh-bao"),
    ballots: [{ code: west[2], ratings }],
  });
  out.onlineThenPaperAccepted = reverse.ok ? 1 : 0;

  // 5. Guessed codes (well-formed, right check character) on the commune page, a forged address each.
  let accepted = 0;
  let limited = 0;
  let unknown = 0;
  await pool(
    Array.from({ length: GUESSES }, () => formatCode(codeFromBytes(crypto.randomBytes(9)))),
    8,
    async (code, i) => {
      const r = await post("/c/vinh-bao/code", { code }, forged(30_000 + i));
      if (r.status === 303) accepted++;
      else if (r.status === 429) limited++;
      else unknown++;
      await r.arrayBuffer();
    },
  );
  // 6. Guessed codes as scanned QR addresses (/b/<code>): an unknown code has no commune, so only
  // the per-address limit applies, which a forged address escapes: every guess is looked up.
  let viaQr = 0;
  await pool(
    Array.from({ length: QR_GUESSES }, () => formatCode(codeFromBytes(crypto.randomBytes(9)))),
    8,
    async (code, i) => {
      const r = await fetch(`${base}/b/${code}`, { headers: { "x-forwarded-for": forged(50_000 + i) } });
      if (r.status === 200) viaQr++;
      await r.arrayBuffer();
    },
  );
  out.qrGuesses = QR_GUESSES;
  out.guessedCodesViaQrAddressAccepted = viaQr;
  out.guessedCodes = GUESSES;
  out.guessedCodesAccepted = accepted;
  out.guessedCodesLookedUp = unknown;
  out.guessedCodesRefusedByLimit = limited;
  db.close();
  return out;
}

const INSIDER_DIR = path.resolve("data/stuffing-insider");

/** The insider attempts, on a fresh demo database, behind the default TRUST_PROXY=false. */
async function insider(direct: Record<string, number> | null) {
  const out = await withServer("false", 3963, (base, env) => insiderAttempts(base, env.DATABASE_URL.replace(/^file:/, "")), {
    dir: INSIDER_DIR,
    demo: true,
  });
  // Answers a forged X-Forwarded-For got past the per-address limit, with TRUST_PROXY=false (as
  // deployed by default): fresh cookie + forged header, less fresh cookie alone.
  const forgedForwardedForBypasses = direct
    ? Math.max(0, direct["fresh cookie + forged X-Forwarded-For"] - direct["fresh cookie each time"])
    : Number.NaN;
  return { ...out, forgedForwardedForBypasses };
}

async function main() {
  if (process.env.INSIDER_ONLY) {
    const direct = await withServer("false", 3960, strategies);
    const result = await insider(direct);
    console.log(JSON_OUT ? JSON.stringify({ insider: result }) : result);
    return;
  }
  log(
    `${ATTEMPTS} attempts per strategy at one commune (${SLUG}); survey limit ${process.env.SURVEY_RATE_LIMIT_PER_HOUR ?? 60} per address per hour.\n`,
  );
  const direct = await withServer("false", 3960, strategies);
  const proxied = await withServer("true", 3961, strategies);
  const codes = await withServer("true", 3962, ballots, { dir: BALLOT_DIR, demo: true });
  const inside = await insider(direct);
  if (JSON_OUT) {
    console.log(
      JSON.stringify({
        attempts: ATTEMPTS,
        openAnswers: { trustProxyFalse: direct, trustProxyTrue: proxied },
        ...codes,
        insider: inside,
      }),
    );
    return;
  }
  console.log("Strategy".padEnd(42), "TRUST_PROXY=false".padStart(18), "TRUST_PROXY=true".padStart(18));
  for (const k of Object.keys(direct))
    console.log(k.padEnd(42), `${direct[k]}/${ATTEMPTS}`.padStart(18), `${proxied[k]}/${ATTEMPTS}`.padStart(18));
  console.log("\nHousehold codes, TRUST_PROXY=true, forged X-Forwarded-For on every request:");
  const rows: [string, string][] = [
    [`uncoded answers stored (as open answers)`, `${codes.uncodedAnswersStoredAsOpen}/${UNCODED}`],
    [`uncoded answers counted in the verified verdict`, `${codes.uncodedAnswersCountedInVerifiedVerdict}/${UNCODED}`],
    [`guessed codes accepted`, `${codes.guessedCodesAccepted}/${GUESSES}`],
    [`guessed codes looked up (rest refused by the limit)`, `${codes.guessedCodesLookedUp}/${GUESSES}`],
    [`guessed codes as /b/ addresses accepted (each looked up)`, `${codes.guessedCodesViaQrAddressAccepted}/${QR_GUESSES}`],
    [`one code sent 50 times at once: counted`, `${codes.parallelSameCodeCounted}/50`],
    [`another commune's code accepted`, `${codes.otherCommuneCodeAccepted}/1`],
    [`code used on paper, then accepted online`, `${codes.paperThenOnlineAccepted}/1`],
    [`code used online, then accepted on paper`, `${codes.onlineThenPaperAccepted}/1`],
  ];
  for (const [k, v] of rows) console.log(k.padEnd(55), v.padStart(12));
  console.log("\nOne insider account (issue 26), through HTTP on the demo data, TRUST_PROXY=false:");
  for (const [k, v] of Object.entries(inside)) console.log(k.padEnd(55), String(v).padStart(12));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
