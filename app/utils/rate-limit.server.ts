// Rate limits per network address, kept in memory: the app runs as one process on one
// SQLite file, so a shared store would add a moving part for nothing.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "./env.server";

const surveyLimiter = new RateLimiterMemory({
  keyPrefix: "survey",
  points: env.SURVEY_RATE_LIMIT_PER_HOUR,
  duration: 60 * 60,
});

/** Takes one point for this address; false when the address is over its limit. */
export async function takeSurveyToken(ipHash: string): Promise<boolean> {
  try {
    await surveyLimiter.consume(ipHash);
    return true;
  } catch (e) {
    if (e instanceof RateLimiterRes) return false;
    throw e;
  }
}
