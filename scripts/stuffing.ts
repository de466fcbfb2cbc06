// npm run stuffing: how many survey answers one client can push into one commune, trying
// (1) the same cookie, (2) a fresh cookie each time, (3) a fresh cookie and a different
// X-Forwarded-For each time — against the server as configured by default (TRUST_PROXY=false)
// and behind a proxy that is trusted (TRUST_PROXY=true). Prints what got through.
import path from "node:path";
import { prepareDatabase, serverEnv, startServer } from "./lib/harness";

const ATTEMPTS = Number(process.env.ATTEMPTS ?? 200);
const DIR = path.resolve("data/stuffing");
const SLUG = "vinh-bao";

/** A fresh database and a server with this TRUST_PROXY, for one round of attempts. */
async function withServer<T>(trustProxy: string, port: number, fn: (base: string) => Promise<T>): Promise<T> {
  const env = serverEnv(DIR, port, { TRUST_PROXY: trustProxy });
  prepareDatabase(env);
  const server = await startServer(env);
  try {
    return await fn(server.url);
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

async function main() {
  console.log(
    `${ATTEMPTS} attempts per strategy at one commune (${SLUG}); survey limit ${process.env.SURVEY_RATE_LIMIT_PER_HOUR ?? 60} per address per hour.\n`,
  );
  const direct = await withServer("false", 3960, strategies);
  const proxied = await withServer("true", 3961, strategies);
  console.log("Strategy".padEnd(42), "TRUST_PROXY=false".padStart(18), "TRUST_PROXY=true".padStart(18));
  for (const k of Object.keys(direct))
    console.log(k.padEnd(42), `${direct[k]}/${ATTEMPTS}`.padStart(18), `${proxied[k]}/${ATTEMPTS}`.padStart(18));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
