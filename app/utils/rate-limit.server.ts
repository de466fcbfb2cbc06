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

// Open311 requests per API key (the key, not the address: an aggregator posts for many people).
const open311Limiter = new RateLimiterMemory({
  keyPrefix: "open311",
  points: env.OPEN311_RATE_LIMIT_PER_HOUR,
  duration: 60 * 60,
});

const limiters = { survey: surveyLimiter, complaint: complaintLimiter, login: loginLimiter, open311: open311Limiter };

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
