// Rate limits, kept in SQLite (table "RateLimit", rate-limiter-flexible's SQLite store) so that
// every server process counts the same attempts: one atomic UPSERT ... RETURNING per point.
// Keys are keyed hashes (network address, e-mail), never the values themselves.
import type Database from "better-sqlite3";
import { RateLimiterRes, RateLimiterSQLite } from "rate-limiter-flexible";
import { asUnavailable, openSqlite, sqliteFile } from "./db.server";
import { env } from "./env.server";

/** Sign-in: wrong passwords in a row for one account from one address before that pair is locked. */
export const LOGIN_PAIR_FAILURES = 5;
/** Sign-in: the first lock of a pair; each further lock within a day doubles it (max 24 h). */
export const LOGIN_LOCK_MINUTES = 15;
/** Sign-in: failures on one account (from every address) in an hour before each attempt waits. */
export const LOGIN_ACCOUNT_FREE_FAILURES = 10;
/** Sign-in: the longest wait imposed on an attempt for an account under attack. */
export const LOGIN_ACCOUNT_MAX_DELAY_MS = 4000;

/** "Me too" supports accepted per network address per hour (a family, a café's Wi-Fi; not a script). */
export const ME_TOO_PER_HOUR = 10;

/** Confirmation e-mails for area news one e-mail address may receive per day (decision 043). */
export const FOLLOW_MAILS_PER_DAY = 3;

/** The counters' own file beside the database: "app.db" → "app.rate-limits.db". */
export function rateLimitFile(databaseUrl: string): string {
  return sqliteFile(databaseUrl).replace(/(\.db)?$/, ".rate-limits.db");
}

/**
 * The store's connection, on a file of its own (docs/decisions/016). In the database file, every
 * point (one per survey answer) needed SQLite's single write lock, which a survey answer's
 * commit holds while it waits for its fsync: the other server process then slept in the busy
 * handler, its event loop stopped. Counters need not survive a power cut (at worst an attacker
 * gets a few more tries after one): synchronous=NORMAL, no fsync per point, and nothing here is
 * worth a backup. Statements are prepared once (rate-limiter-flexible prepares on every point);
 * a statement is reusable since better-sqlite3 runs one at a time.
 */
let storeClient: Database.Database | undefined;
let storeDb: Database.Database | undefined;
function database(): Database.Database {
  if (!storeClient) {
    const db = openSqlite(rateLimitFile(env.DATABASE_URL));
    db.pragma("synchronous = NORMAL");
    // The store's own table definition (rate-limiter-flexible's), made before the first point.
    db.exec(`CREATE TABLE IF NOT EXISTS "RateLimit" (key TEXT PRIMARY KEY, points INTEGER NOT NULL DEFAULT 0, expire BIGINT);
      CREATE INDEX IF NOT EXISTS "RateLimit_expire_idx" ON "RateLimit"(expire);`);
    const statements = new Map<string, Database.Statement>();
    const prepare = (sql: string) => {
      let st = statements.get(sql);
      if (!st) statements.set(sql, (st = db.prepare(sql)));
      return st;
    };
    storeDb = db;
    storeClient = new Proxy(db, {
      get(target, key) {
        if (key === "prepare") return prepare;
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }
  return storeClient;
}

/** Closes the counters' file (server shutdown). */
export function closeRateLimitStore(): void {
  storeDb?.close();
  storeDb = undefined;
  storeClient = undefined;
  limiterCache.clear();
}

const limiterCache = new Map<string, RateLimiterSQLite>();

function limiter(keyPrefix: string, points: number, durationSeconds: number): RateLimiterSQLite {
  const name = `${keyPrefix}/${points}/${durationSeconds}`;
  let l = limiterCache.get(name);
  if (!l) {
    l = new RateLimiterSQLite({
      storeClient: database(),
      storeType: "better-sqlite3",
      tableName: "RateLimit",
      tableCreated: true, // made by database() when the file opens
      clearExpiredByTimeout: true,
      keyPrefix,
      points,
      duration: durationSeconds,
    });
    limiterCache.set(name, l);
  }
  return l;
}

// Built on first use, so that importing this module opens nothing.
const limiters = {
  survey: () => limiter("survey", env.SURVEY_RATE_LIMIT_PER_HOUR, 60 * 60),
  complaint: () => limiter("complaint", env.COMPLAINT_RATE_LIMIT_PER_HOUR, 60 * 60),
  login: () => limiter("login", env.LOGIN_RATE_LIMIT_PER_15_MIN, 15 * 60),
  // Tracking-code look-ups: codes are 49-bit, this only makes scanning pointless sooner.
  tracking: () => limiter("tracking", 120, 15 * 60),
  // "Me too" per address (issue 26): a count of residents, not of requests one address can send.
  meToo: () => limiter("me-too", ME_TOO_PER_HOUR, 60 * 60),
  // Open311 posts per API key (the key, not the address: an aggregator posts for many people).
  open311: () => limiter("open311", env.OPEN311_RATE_LIMIT_PER_HOUR, 60 * 60),
  // Area news (decision 043): follow forms per network address, and confirmation e-mails per
  // address followed (keyed hash of the e-mail): nobody can flood a stranger's mailbox.
  follow: () => limiter("follow", 10, 60 * 60),
  followEmail: () => limiter("follow-email", FOLLOW_MAILS_PER_DAY, 24 * 60 * 60),
  loginPair: () => limiter("login-pair", LOGIN_PAIR_FAILURES, 24 * 60 * 60),
  loginLocks: () => limiter("login-locks", 1000, 24 * 60 * 60),
  loginAccount: () => limiter("login-account", 1_000_000, 60 * 60),
};

type Kind = "survey" | "complaint" | "login" | "tracking" | "open311" | "meToo" | "follow" | "followEmail";

async function consume(l: RateLimiterSQLite, key: string): Promise<{ ok: boolean; consumed: number; msBeforeNext: number }> {
  try {
    const res = await l.consume(key);
    return { ok: true, consumed: res.consumedPoints, msBeforeNext: res.msBeforeNext };
  } catch (e) {
    if (e instanceof RateLimiterRes) return { ok: false, consumed: e.consumedPoints, msBeforeNext: e.msBeforeNext };
    throw asUnavailable(e);
  }
}

/** Takes one point for this address; false when the address is over its limit. */
export async function takeToken(kind: Kind, ipHash: string): Promise<boolean> {
  return (await consume(limiters[kind](), ipHash)).ok;
}

/**
 * true the first time this key is presented within ttlSeconds, false on every later time (a
 * signed survey start, decision 042). One atomic statement: of parallel uses, one is first.
 */
export async function firstUse(key: string, ttlSeconds: number): Promise<boolean> {
  return (await consume(limiter("once", 1, ttlSeconds), key)).ok;
}

/** Gives back a point taken by takeToken (an attempt that turned out legitimate). */
export async function returnToken(kind: Kind, ipHash: string): Promise<void> {
  await limiters[kind]().reward(ipHash, 1);
}

/**
 * A look-up that costs a point only when it finds nothing (guessing), refused once the address
 * has used its budget. The point is taken first and given back on a hit, so a burst of parallel
 * guesses cannot overrun the limit.
 */
export async function limitedLookup<T>(kind: Kind, ipHash: string, find: () => Promise<T | null>): Promise<T | null | "limited"> {
  if (!(await takeToken(kind, ipHash))) return "limited";
  const found = await find();
  if (found !== null) await returnToken(kind, ipHash);
  return found;
}

export type LoginReservation =
  { ok: true; pairFailures: number; delayMs: number } | { ok: false; reason: "rateLimited" | "locked"; retryMinutes: number };

/**
 * Reserves one sign-in attempt, before the password is looked at: a point of the address's
 * budget, a point of this account-and-address pair (locked once LOGIN_PAIR_FAILURES are taken)
 * and a point of the account's hourly count, which sets a delay shared by every address. Each
 * point is taken by one atomic statement, so parallel attempts cannot all pass the check.
 * Attempts refused here are not counted against the account.
 */
export async function reserveLoginAttempt({
  accountKey,
  ipHash,
}: {
  accountKey: string;
  ipHash: string;
}): Promise<LoginReservation> {
  const ip = await consume(limiters.login(), ipHash);
  if (!ip.ok) return { ok: false, reason: "rateLimited", retryMinutes: Math.ceil(ip.msBeforeNext / 60000) };
  const pair = await consume(limiters.loginPair(), `${accountKey}:${ipHash}`);
  if (!pair.ok) return { ok: false, reason: "locked", retryMinutes: Math.max(1, Math.ceil(pair.msBeforeNext / 60000)) };
  const account = await consume(limiters.loginAccount(), accountKey);
  const over = account.consumed - 1 - LOGIN_ACCOUNT_FREE_FAILURES;
  const delayMs = over < 0 ? 0 : Math.min(LOGIN_ACCOUNT_MAX_DELAY_MS, 250 * 2 ** Math.min(over, 10));
  return { ok: true, pairFailures: pair.consumed, delayMs };
}

/** A wrong password: when the pair has used its attempts, lock it (15 min, doubling each time). */
export async function failLoginAttempt({
  accountKey,
  ipHash,
  pairFailures,
}: {
  accountKey: string;
  ipHash: string;
  pairFailures: number;
}): Promise<{ locked: false } | { locked: true; minutes: number }> {
  if (pairFailures < LOGIN_PAIR_FAILURES) return { locked: false };
  const key = `${accountKey}:${ipHash}`;
  const locks = await consume(limiters.loginLocks(), key);
  const minutes = Math.min(24 * 60, LOGIN_LOCK_MINUTES * 2 ** Math.min(locks.consumed - 1, 7));
  await limiters.loginPair().block(key, minutes * 60);
  return { locked: true, minutes };
}

/** The right password: the attempt was not a guess, so its points are given back. */
export async function succeedLoginAttempt({ accountKey, ipHash }: { accountKey: string; ipHash: string }): Promise<void> {
  await limiters.loginPair().delete(`${accountKey}:${ipHash}`);
  await limiters.login().reward(ipHash, 1);
  await limiters.loginAccount().reward(accountKey, 1);
}

/** An administrator's reset: every lock and count of this account, from every address, ends. */
export function clearLoginLimits(accountKey: string): void {
  database()
    .prepare(`DELETE FROM "RateLimit" WHERE key LIKE ? ESCAPE '\\' OR key LIKE ? ESCAPE '\\' OR key = ?`)
    .run(`login-pair:${escapeLike(accountKey)}:%`, `login-locks:${escapeLike(accountKey)}:%`, `login-account:${accountKey}`);
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Household ballot codes (docs/decisions/012): a wrong code costs its address one point. The
// commune whose page it was typed on (null: a /b/ address, whose unknown code has no commune)
// counts ADDRESSES with wrong codes, not codes (decision 042): ten wrong codes from one address
// spend that address's budget only, and cannot lock the commune's page for every household.
// Once either is out of points, codes are not looked up at all. Right codes cost nothing, so
// residents answering at the same time never block one another; parallel guesses can overshoot
// by the requests in flight.
const codeIpLimiter = () => limiter("code-ip", env.BALLOT_WRONG_CODES_PER_HOUR, 60 * 60);
const codeCommuneLimiter = () => limiter("code-commune", env.BALLOT_WRONG_CODES_PER_COMMUNE_PER_HOUR, 60 * 60);
/** Wrong codes of one address on one commune's page this hour: its first one counts for the commune. */
const codeCommuneAddressLimiter = () => limiter("code-commune-ip", 1_000_000, 60 * 60);

/** false when this address, or this commune's page (distinct addresses), has had too many wrong codes in the last hour. */
export async function mayCheckCode(ipHash: string, communeKey: string | null): Promise<boolean> {
  const [ip, commune] = await Promise.all([
    codeIpLimiter().get(ipHash),
    communeKey === null ? null : codeCommuneLimiter().get(communeKey),
  ]);
  return (
    (!ip || ip.consumedPoints < env.BALLOT_WRONG_CODES_PER_HOUR) &&
    (!commune || commune.consumedPoints < env.BALLOT_WRONG_CODES_PER_COMMUNE_PER_HOUR)
  );
}

/** A code that was looked up and not found. */
export async function recordWrongCode(ipHash: string, communeKey: string | null): Promise<void> {
  await consume(codeIpLimiter(), ipHash);
  if (communeKey === null) return;
  const fromThisAddress = await consume(codeCommuneAddressLimiter(), `${communeKey}:${ipHash}`);
  if (fromThisAddress.consumed === 1) await consume(codeCommuneLimiter(), communeKey);
}
