// The cookies the app sets. Residents have no account: a signed random id ("voter") lets us
// keep one answer per resident, commune and period; "lng" remembers the language switch.
import { createCookie } from "@remix-run/node";
import { env } from "./env.server";

const YEAR = 60 * 60 * 24 * 365;

/** What every cookie of the app is: out of scripts' reach, not sent on cross-site posts, HTTPS-only in production. */
const BASE = { httpOnly: true, sameSite: "lax", secure: env.COOKIE_SECURE } as const;

export const languageCookie = createCookie("lng", {
  path: "/",
  ...BASE,
  maxAge: YEAR,
});

export const voterCookie = createCookie("voter", {
  path: "/",
  ...BASE,
  // Browsers cap cookie lifetime at 400 days.
  maxAge: 400 * 24 * 60 * 60,
  secrets: [env.SESSION_SECRET],
});

/** The resident's random id from their signed cookie, or null when absent or not ours. */
export async function readVoterId(request: Request): Promise<string | null> {
  const value = await voterCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[0-9a-f-]{36}$/.test(value) ? value : null;
}

/** The official's last inbox filters, so that "Inbox" and "back" return to the same view. */
export const inboxFilterCookie = createCookie("inbox", {
  path: "/staff",
  ...BASE,
  maxAge: 30 * 24 * 60 * 60,
  secrets: [env.SESSION_SECRET],
});
