// Staff authentication and the guards every staff loader and action starts with: requireUser,
// requirePermission, requireCommunePermission, requireRecordPermission. Who may do what is the
// table in app/lib/policy.ts (decision 034); these only read it. They throw a redirect (not signed
// in), a 403, or a 404 for a record of a commune the user may not read.
import { createCookie, json, redirect } from "@remix-run/node";
import { can, type Action } from "~/lib/policy";
import { getSessionUser, SESSION_HOURS, type SessionUser } from "~/models/user.server";
import { env } from "~/utils/env.server";

export const sessionCookie = createCookie("__session", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: env.COOKIE_SECURE,
  maxAge: SESSION_HOURS * 3600,
  secrets: [env.SESSION_SECRET],
});

export const PASSWORD_PATH = "/staff/password";

export async function getSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length >= 32 ? value : null;
}

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await getSessionId(request);
  return sessionId ? getSessionUser({ sessionId }) : null;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/staff/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  // After an administrator's reset, the temporary password opens only the page that replaces it.
  if (user.mustChangePassword && new URL(request.url).pathname !== PASSWORD_PATH) throw redirect(PASSWORD_PATH);
  return user;
}

/** Signed in, and the table (app/lib/policy.ts) lets the user's role do this action somewhere. */
export async function requirePermission(request: Request, action: Action): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!can(user, action)) throw forbidden();
  return user;
}

/** The user may do this action in this commune (app/lib/policy.ts), or a 403. */
export function requireCommunePermission(user: SessionUser, action: Action, communeId: number): void {
  if (!can(user, action, communeId)) throw forbidden();
}

/**
 * The action on one record (a complaint) of a commune: as requireCommunePermission, but a user who
 * may not even read that commune gets 404, as for a record that does not exist, so ids cannot be probed.
 */
export function requireRecordPermission(user: SessionUser, action: Action, communeId: number): void {
  if (!can(user, "commune.read", communeId)) throw new Response(null, { status: 404 });
  requireCommunePermission(user, action, communeId);
}

function forbidden() {
  return json({ error: "forbidden" }, { status: 403 });
}
