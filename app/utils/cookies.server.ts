// The cookies the app sets. Residents have no account: a signed random id ("voter") lets us
// keep one answer per resident, commune and period; "lng" remembers the language switch.
import { createCookie } from "@remix-run/node";
import { env } from "./env.server";

const secure = env.COOKIE_SECURE;
const YEAR = 60 * 60 * 24 * 365;

export const languageCookie = createCookie("lng", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure,
  maxAge: YEAR,
});

export const voterCookie = createCookie("voter", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure,
  // Browsers cap cookie lifetime at 400 days.
  maxAge: 400 * 24 * 60 * 60,
  secrets: [env.SESSION_SECRET],
});
