// Rate limits per network address, kept in memory: the app runs as one process on one
// SQLite file, so a shared store would add a moving part for nothing.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "./env.server";

const surveyLimiter = new RateLimiterMemory({
  keyPrefix: "survey",
  points: env.SURVEY_RATE_LIMIT_PER_HOUR,
  duration: 60 * 60,
});

const complaintLimiter = new RateLimiterMemory({
  keyPrefix: "complaint",
  points: env.COMPLAINT_RATE_LIMIT_PER_HOUR,
  duration: 60 * 60,
});

const loginLimiter = new RateLimiterMemory({
  keyPrefix: "login",
  points: env.LOGIN_RATE_LIMIT_PER_15_MIN,
  duration: 15 * 60,
});

const limiters = { survey: surveyLimiter, complaint: complaintLimiter, login: loginLimiter };

// Household ballot codes (docs/decisions/012): every code checked takes a point from its address
// and from its commune ("any" when it came without one, as a hand-typed /b/ address); a code that
// turns out right gives them back, so only wrong codes count. Taking before looking makes the
// limit hold under parallel requests.
const codeLimiters = [
  new RateLimiterMemory({ keyPrefix: "code-ip", points: env.BALLOT_WRONG_CODES_PER_HOUR, duration: 60 * 60 }),
  new RateLimiterMemory({ keyPrefix: "code-commune", points: env.BALLOT_WRONG_CODES_PER_COMMUNE_PER_HOUR, duration: 60 * 60 }),
] as const;

/** Reserves one code check for this address and commune; false when either has had too many wrong codes. */
export async function takeCodeCheck(ipHash: string, communeKey: string): Promise<boolean> {
  const keys = [ipHash, communeKey];
  const taken = await Promise.allSettled(codeLimiters.map((l, i) => l.consume(keys[i])));
  if (taken.every((t) => t.status === "fulfilled")) return true;
  for (const t of taken) if (t.status === "rejected" && !(t.reason instanceof RateLimiterRes)) throw t.reason;
  // Give back what was taken from the limiter that still had room: a refused check costs nothing.
  await Promise.all(codeLimiters.map((l, i) => (taken[i].status === "fulfilled" ? l.reward(keys[i]) : null)));
  return false;
}

/** The code was right (or never looked up): the reserved check is given back. */
export async function returnCodeCheck(ipHash: string, communeKey: string): Promise<void> {
  const keys = [ipHash, communeKey];
  await Promise.all(codeLimiters.map((l, i) => l.reward(keys[i])));
}

/** Takes one point for this address; false when the address is over its limit. */
export async function takeToken(kind: keyof typeof limiters, ipHash: string): Promise<boolean> {
  try {
    await limiters[kind].consume(ipHash);
    return true;
  } catch (e) {
    if (e instanceof RateLimiterRes) return false;
    throw e;
  }
}
