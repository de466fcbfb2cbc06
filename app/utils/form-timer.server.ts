// Completion time of a survey form (issue 10, decision 026): the form carries the moment it was
// shown, signed with the server secret, so a sender cannot claim a longer time. Only the duration
// in seconds is stored with the answer; the token itself is neither stored nor an identifier
// (it holds a time and its signature, nothing else).
import crypto from "node:crypto";
import { env } from "./env.server";

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
