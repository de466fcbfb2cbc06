// Staff accounts and their stored sessions.
import crypto from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { communesForRole, ROLES, type Role } from "~/lib/roles";
import { cachedByKey } from "~/utils/cache.server";
import { prisma } from "~/utils/db.server";
import { keyedHash } from "~/utils/hash.server";
import { recordChange } from "./audit.server";
import { checkSecondFactor } from "./two-factor.server";
import { clearLoginLimits, failLoginAttempt, reserveLoginAttempt, succeedLoginAttempt } from "~/utils/rate-limit.server";

/** argon2 (a native module, 13 MiB of a process's memory) is loaded with the first password, not with the server. */
const argon2 = () => import("@node-rs/argon2");
const hash = async (password: string) => (await argon2()).hash(password);
const verify = async (hashed: string, password: string) => (await argon2()).verify(hashed, password);

export { ROLES, type Role } from "~/lib/roles";

export const SESSION_HOURS = 12;

export function hashPassword(password: string) {
  return hash(password); // argon2id, library defaults (19 MiB, t=2, p=1: OWASP's minimum profile)
}

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  mustChangePassword: true,
  communes: { select: { commune: { select: { id: true, slug: true, name: true } } } },
} as const;

export async function createUser({
  email,
  name,
  role,
  password,
  communeIds = [],
  isDemo = false,
}: {
  email: string;
  name: string;
  role: Role;
  password: string;
  communeIds?: number[];
  isDemo?: boolean;
}): Promise<{ ok: true; id: number } | { ok: false; reason: "emailTaken" }> {
  try {
    const { id } = await prisma.user.create({
      data: {
        email: email.toLowerCase(),
        name,
        role,
        passwordHash: await hashPassword(password),
        isDemo,
        communes: { create: communeIds.map((communeId) => ({ communeId })) },
      },
      select: { id: true },
    });
    return { ok: true, id };
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return { ok: false, reason: "emailTaken" };
    throw e;
  }
}

export function listUsers() {
  return prisma.user.findMany({
    select: { ...userSelect, lockedUntil: true, isDemo: true },
    orderBy: [{ role: "asc" }, { email: "asc" }],
  });
}

export function getUserById({ id }: { id: number }) {
  return prisma.user.findUnique({ where: { id }, select: { ...userSelect, lockedUntil: true } });
}

/**
 * An administrator's reset: a new password that the owner must replace at the next sign-in,
 * every lock of the account lifted and every session of the account ended.
 */
export async function resetPassword({ id, password, actorId }: { id: number; password: string; actorId: number | null }) {
  const passwordHash = await hashPassword(password);
  const [user] = await prisma.$transaction([
    prisma.user.update({
      where: { id },
      data: { passwordHash, failedLogins: 0, lockedUntil: null, mustChangePassword: true },
      select: { email: true },
    }),
    prisma.session.deleteMany({ where: { userId: id } }),
    // Never the password: only that it was reset and by whom (decision 036).
    recordChange(prisma, {
      actorId,
      action: "user_changed",
      subject: `user ${id}`,
      before: { passwordReset: false },
      after: { passwordReset: true },
    }),
  ]);
  clearLoginLimits(loginAccountKey(user.email));
}

/** The owner's password, asked again before a sensitive change (turning two-step sign-in off). */
export async function checkPassword({ userId, password }: { userId: number; password: string }): Promise<boolean> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  return verify(user.passwordHash, password).catch(() => false);
}

export type ChangePasswordResult = { ok: true; sessionId: string } | { ok: false; reason: "wrongPassword" | "samePassword" };

/**
 * The owner changes their own password: the current one must be right, the new one different.
 * Every session of the account ends and a new one is returned for this browser.
 */
export async function changePassword({
  userId,
  currentPassword,
  newPassword,
}: {
  userId: number;
  currentPassword: string;
  newPassword: string;
}): Promise<ChangePasswordResult> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verify(user.passwordHash, currentPassword).catch(() => false))) return { ok: false, reason: "wrongPassword" };
  if (currentPassword === newPassword) return { ok: false, reason: "samePassword" };
  const passwordHash = await hashPassword(newPassword);
  const sessionId = crypto.randomBytes(32).toString("base64url");
  await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: false } }),
    prisma.session.deleteMany({ where: { userId } }),
    prisma.session.create({
      data: { id: sessionId, userId, expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000) },
    }),
  ]);
  return { ok: true, sessionId };
}

export type StaffUserInput = { name: string; role: Role; communeIds: number[] } & (
  { id: number; active: boolean; actorId: number } | { id?: undefined; email: string; password: string; actorId: number | null }
);

export type SaveStaffUserResult =
  | { ok: true; id: number }
  | {
      ok: false;
      field: "email" | "communes" | null;
      reason: "emailTaken" | "unknownCommune" | "communesRequired" | "selfLockout";
    };

/**
 * Creates (no id) or updates a staff account. The rules live here: an administrator cannot take
 * away their own access; communes must exist, officials need one and other roles have none
 * (communesForRole). One transaction; deactivating an account ends its sessions.
 */
export async function saveStaffUser(input: StaffUserInput): Promise<SaveStaffUserResult> {
  if (input.id !== undefined && input.id === input.actorId && (input.role !== "admin" || !input.active))
    return { ok: false, field: null, reason: "selfLockout" };
  const known = await prisma.commune.count({ where: { id: { in: input.communeIds } } });
  if (known !== new Set(input.communeIds).size) return { ok: false, field: "communes", reason: "unknownCommune" };
  const communes = communesForRole(input.role, input.communeIds);
  if (!communes.ok) return { ok: false, field: "communes", reason: communes.reason };
  if (input.id === undefined) {
    const created = await createUser({ ...input, communeIds: communes.communeIds });
    if (!created.ok) return { ok: false, field: "email", reason: created.reason };
    await recordChange(prisma, {
      actorId: input.actorId,
      action: "user_changed",
      subject: `user ${created.id}`,
      before: null,
      after: { email: input.email, name: input.name, role: input.role, communes: communes.communeIds, active: true },
    });
    return created;
  }
  const { id, name, role, active } = input;
  const old = await prisma.user.findUnique({
    where: { id },
    select: { name: true, role: true, active: true, communes: { select: { communeId: true }, orderBy: { communeId: "asc" } } },
  });
  await prisma.$transaction([
    recordChange(prisma, {
      actorId: input.actorId,
      action: "user_changed",
      subject: `user ${id}`,
      before: old && { name: old.name, role: old.role, active: old.active, communes: old.communes.map((c) => c.communeId) },
      after: { name, role, active, communes: [...communes.communeIds].sort((a, b) => a - b) },
    }),
    prisma.user.update({ where: { id }, data: { name, role, active } }),
    prisma.userCommune.deleteMany({ where: { userId: id } }),
    prisma.userCommune.createMany({ data: communes.communeIds.map((communeId) => ({ userId: id, communeId })) }),
    ...(active ? [] : [prisma.session.deleteMany({ where: { userId: id } })]),
  ]);
  return { ok: true, id };
}

// A real hash to verify against when the e-mail is unknown, so both cases take the same time.
let dummyHash: Promise<string> | undefined;

export type LoginResult =
  | { ok: true; sessionId: string; userId: number; mustChangePassword: boolean }
  | { ok: false; reason: "invalid" | "locked" | "rateLimited" | "codeRequired"; lockedMinutes?: number };

/** The key every sign-in limit of an e-mail address is counted under (known or not). */
export function loginAccountKey(email: string): string {
  return keyedHash("account", email.trim().toLowerCase());
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Checks a password, after the limits (see docs/decisions/014-sign-in-limits.md): the address's
 * budget, then this account-and-address pair (locked after LOGIN_PAIR_FAILURES wrong passwords in
 * a row, for 15 minutes, doubling), then a delay that grows with the account's failures from every
 * address. Known and unknown e-mails go through the same steps, the same hash work and the same
 * answers. Success starts a new session with a new random id (no session fixation), unless the
 * account has two-step sign-in, in which case the caller asks for the code first.
 */
export async function login({
  email,
  password,
  code,
  ipHash,
}: {
  email: string;
  password: string;
  /** TOTP or recovery code, for accounts with two-step sign-in */
  code?: string | null;
  ipHash: string;
}): Promise<LoginResult> {
  const accountKey = loginAccountKey(email);
  const reservation = await reserveLoginAttempt({ accountKey, ipHash });
  if (!reservation.ok) return { ok: false, reason: reservation.reason, lockedMinutes: reservation.retryMinutes };
  if (reservation.delayMs > 0) await sleep(reservation.delayMs);

  const user = await prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, passwordHash: true, active: true, mustChangePassword: true, totpSecret: true },
  });
  const hashToCheck = user?.active ? user.passwordHash : await (dummyHash ??= hashPassword("not-a-real-password"));
  const valid = (await verify(hashToCheck, password).catch(() => false)) && !!user?.active;
  // With two-step sign-in on, a missing or wrong code counts as a failed attempt too.
  const secondStep =
    !valid || !user?.totpSecret
      ? "none"
      : !code
        ? "missing"
        : (await checkSecondFactor({ userId: user.id, secret: user.totpSecret, code }))
          ? "ok"
          : "wrong";
  if (!valid || !user || secondStep === "missing" || secondStep === "wrong") {
    const lock = await failLoginAttempt({ accountKey, ipHash, pairFailures: reservation.pairFailures });
    // Slow down guessing before the lock: 0.1 s, 0.2 s, 0.4 s, 0.8 s.
    if (!lock.locked) await sleep(100 * 2 ** (reservation.pairFailures - 1));
    if (lock.locked) return { ok: false, reason: "locked", lockedMinutes: lock.minutes };
    return { ok: false, reason: secondStep === "missing" ? "codeRequired" : "invalid" };
  }
  await succeedLoginAttempt({ accountKey, ipHash });
  const sessionId = await startSession({ userId: user.id });
  return { ok: true, sessionId, userId: user.id, mustChangePassword: user.mustChangePassword };
}

/** A new session with a new random id. */
export async function startSession({ userId }: { userId: number }): Promise<string> {
  const sessionId = crypto.randomBytes(32).toString("base64url");
  await prisma.session.create({
    data: { id: sessionId, userId, expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000) },
  });
  return sessionId;
}

type SessionRow = {
  expiresAt: string | Date;
  id: number | bigint;
  email: string;
  name: string;
  role: string;
  active: number | bigint | boolean;
  mustChangePassword: number | bigint | boolean;
  totpEnabled: number | bigint | boolean;
  communeId: number | bigint | null;
  communeSlug: string | null;
  communeName: string | null;
};

/**
 * The signed-in user of a live session, with the communes they answer for. Every staff request
 * starts here. One parameterised query (the nested Prisma select took 1 to 50 ms on a busy
 * machine, against 0.1 ms for this; see docs/decisions/016-read-path.md), kept in memory until
 * any session, user, commune assignment or commune changes, in any process (decision 031): a
 * signed-out or disabled account is refused by the very next request. Expiry is checked on
 * every call.
 */
export async function getSessionUser({ sessionId }: { sessionId: string }) {
  const rows = await cachedByKey(
    "sessionUser",
    ["sessions", "reference"],
    sessionId,
    () => prisma.$queryRaw<SessionRow[]>`
    SELECT s.expiresAt AS expiresAt, u.id AS id, u.email AS email, u.name AS name, u.role AS role, u.active AS active,
           u.mustChangePassword AS mustChangePassword, u.totpSecret IS NOT NULL AS totpEnabled,
           c.id AS communeId, c.slug AS communeSlug, c.name AS communeName
    FROM Session s JOIN User u ON u.id = s.userId
    LEFT JOIN UserCommune uc ON uc.userId = u.id LEFT JOIN Commune c ON c.id = uc.communeId
    WHERE s.id = ${sessionId}
    ORDER BY c.id`,
  );
  const first = rows[0];
  const role = ROLES.find((r) => r === first?.role);
  if (!first || !role || new Date(first.expiresAt) < new Date() || !Number(first.active)) return null;
  return {
    id: Number(first.id),
    email: first.email,
    name: first.name,
    role,
    active: true,
    mustChangePassword: Boolean(Number(first.mustChangePassword)),
    // The secret itself never leaves this module.
    totpEnabled: Boolean(Number(first.totpEnabled)),
    communes: rows
      .filter((r) => r.communeId !== null)
      .map((r) => ({ id: Number(r.communeId), slug: r.communeSlug!, name: r.communeName! })),
  };
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>;

export function deleteSession({ sessionId }: { sessionId: string }) {
  return prisma.session.deleteMany({ where: { id: sessionId } });
}
