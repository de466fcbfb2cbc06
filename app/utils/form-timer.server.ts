// Completion time of a survey form (issue 10, decision 026): the form carries the moment it was
// shown, signed with the server secret, so a sender cannot claim a longer time. Only the duration
// in seconds is stored with the answer; the token itself is neither stored nor an identifier
// (it holds a time and its signature, nothing else). A token counts once (decision 042): sent
// again with another answer, that answer gets 0 seconds, so a script that fetched one form and
// reuses its start cannot make every answer look slow and careful.
import crypto from "node:crypto";
import { env } from "./env.server";
import { firstUse } from "./rate-limit.server";

/** Longer than this and the figure says nothing about care in answering: not kept. */
const MAX_SECONDS = 24 * 3600;

const sign = (ms: string, secret: string) =>
  crypto.createHmac("sha256", secret).update(`form-start:${ms}`).digest("base64url").slice(0, 22);

/** "<milliseconds>.<signature>", rendered into the form as a hidden field. */
export function signFormStart(now: Date = new Date(), secret: string = env.SESSION_SECRET): string {
  const ms = String(now.getTime());
  return `${ms}.${sign(ms, secret)}`;
}

/** Whole seconds since the signed start, or null if the token is missing, forged or implausible. */
export function formDuration(
  token: string | null | undefined,
  now: Date = new Date(),
  secret: string = env.SESSION_SECRET,
): number | null {
  if (!token) return null;
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  const expected = Buffer.from(sign(m[1], secret));
  const given = Buffer.from(m[2]);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  const seconds = Math.floor((now.getTime() - Number(m[1])) / 1000);
  return seconds >= 0 && seconds <= MAX_SECONDS ? seconds : null;
}

/**
 * The duration of the answer that uses this token first; 0 for any later answer with the same
 * token (flagged as fast by the integrity report), null when the token is missing or not ours.
 * Call it once the answer is about to be stored (after the form's own checks).
 */
export async function claimFormDuration(token: string | null | undefined, now: Date = new Date()): Promise<number | null> {
  const seconds = formDuration(token, now);
  if (seconds === null) return null;
  return (await firstUse(`form-start:${token}`, MAX_SECONDS + 3600)) ? seconds : 0;
}
