// Staff authentication and the guards every staff loader and action starts with:
// requireUser, requireRole, requireCommuneAccess. They throw a redirect (not signed in) or a 403.
import { createCookie, json, redirect } from "@remix-run/node";
import { isCommuneScoped } from "~/lib/roles";
import { getSessionUser, SESSION_HOURS, type Role, type SessionUser } from "~/models/user.server";
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

export async function requireRole(request: Request, roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) throw json({ error: "forbidden" }, { status: 403 });
  return user;
}

/**
 * Access to one commune's staff data. "read": council members and administrators see every
 * commune, officials and the Front only their own. "write" (answering complaints): only an
 * official of that commune; council members change nothing. "run" (survey rounds, ballot codes,
 * paper ballots: separation of duties, docs/decisions/012): the Front for its communes, or an
 * administrator; never the commune's own officials.
 */
export function requireCommuneAccess(user: SessionUser, communeId: number, mode: "read" | "write" | "run"): void {
  if (!canAccessCommune(user, communeId, mode)) throw json({ error: "forbidden" }, { status: 403 });
}

export function canAccessCommune(user: SessionUser, communeId: number, mode: "read" | "write" | "run"): boolean {
  // A unit account reads no commune's staff data: its reports come through forwarding
  // (routes/staff.unit.*).
  if (user.role === "unit") return false;
  const own = user.communes.some((c) => c.id === communeId);
  if (mode === "read") return !isCommuneScoped(user.role) || own;
  if (mode === "write") return user.role === "official" && own;
  return user.role === "admin" || (user.role === "front" && own);
}

/**
 * Access to one record (a complaint) of a commune: as requireCommuneAccess, but a user who may not
 * even read that commune gets 404, as for a record that does not exist, so ids cannot be probed.
 */
export function requireRecordAccess(user: SessionUser, communeId: number, mode: "read" | "write"): void {
  if (!canAccessCommune(user, communeId, "read")) throw new Response(null, { status: 404 });
  requireCommuneAccess(user, communeId, mode);
}

/** The communes whose complaints this user may list. null = all; a unit account: none. */
export function readableCommuneIds(user: SessionUser): number[] | null {
  if (user.role === "unit") return [];
  return isCommuneScoped(user.role) ? user.communes.map((c) => c.id) : null;
}
