// Staff accounts and their stored sessions.
import crypto from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { Prisma } from "~/generated/prisma/client";
import type { Role } from "~/lib/roles";
import { prisma } from "~/utils/db.server";

export { ROLES, type Role } from "~/lib/roles";

export const SESSION_HOURS = 12;
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

export function hashPassword(password: string) {
  return hash(password); // argon2id, library defaults (19 MiB, t=2, p=1: OWASP's minimum profile)
}

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
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

/** Sets a new password, clears any lock-out and ends every session of the account. */
export async function resetPassword({ id, password }: { id: number; password: string }) {
  const passwordHash = await hashPassword(password);
  await prisma.$transaction([
    prisma.user.update({ where: { id }, data: { passwordHash, failedLogins: 0, lockedUntil: null } }),
    prisma.session.deleteMany({ where: { userId: id } }),
  ]);
}

export async function updateUser({
  id,
  name,
  role,
  active,
  communeIds,
}: {
  id: number;
  name: string;
  role: Role;
  active: boolean;
  communeIds: number[];
}) {
  await prisma.$transaction([
    prisma.user.update({ where: { id }, data: { name, role, active } }),
    prisma.userCommune.deleteMany({ where: { userId: id } }),
    prisma.userCommune.createMany({
      data: (role === "official" ? communeIds : []).map((communeId) => ({ userId: id, communeId })),
    }),
    ...(active ? [] : [prisma.session.deleteMany({ where: { userId: id } })]),
  ]);
}

// A real hash to verify against when the e-mail is unknown, so both cases take the same time.
let dummyHash: Promise<string> | undefined;

export type LoginResult =
  { ok: true; sessionId: string; userId: number } | { ok: false; reason: "invalid" | "locked"; lockedMinutes?: number };

/**
 * Checks a password. Each failure is counted; after LOCK_AFTER_FAILURES in a row the account is
 * locked for LOCK_MINUTES (the password is not even checked then). Failures before that are
 * slowed down. Success starts a new session with a new random id (no session fixation).
 */
export async function login({ email, password }: { email: string; password: string }): Promise<LoginResult> {
  const user = await prisma.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, passwordHash: true, active: true, failedLogins: true, lockedUntil: true },
  });
  const now = new Date();
  if (!user || !user.active) {
    await verify(await (dummyHash ??= hashPassword("not-a-real-password")), password).catch(() => false);
    return { ok: false, reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    return { ok: false, reason: "locked", lockedMinutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60000) };
  }
  const valid = await verify(user.passwordHash, password).catch(() => false);
  if (!valid) {
    const failures = user.failedLogins + 1;
    const lock = failures >= LOCK_AFTER_FAILURES;
    await prisma.user.update({
      where: { id: user.id },
      data: lock ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60000) } : { failedLogins: failures },
    });
    // Slow down guessing before the lock: 0.2 s, 0.4 s, 0.6 s, 0.8 s.
    await new Promise((r) => setTimeout(r, 200 * Math.min(failures, 4)));
    return lock ? { ok: false, reason: "locked", lockedMinutes: LOCK_MINUTES } : { ok: false, reason: "invalid" };
  }
  const sessionId = crypto.randomBytes(32).toString("base64url");
  await prisma.$transaction([
    prisma.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } }),
    prisma.session.create({
      data: { id: sessionId, userId: user.id, expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000) },
    }),
  ]);
  return { ok: true, sessionId, userId: user.id };
}

/** The signed-in user of a live session, with the communes they answer for. */
export async function getSessionUser({ sessionId }: { sessionId: string }) {
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, user: { select: userSelect } },
  });
  if (!session || session.expiresAt < new Date() || !session.user.active) return null;
  const { communes, ...user } = session.user;
  return { ...user, role: user.role, communes: communes.map((c) => c.commune) };
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>;

export function deleteSession({ sessionId }: { sessionId: string }) {
  return prisma.session.deleteMany({ where: { id: sessionId } });
}
