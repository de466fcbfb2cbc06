// Optional two-step sign-in for administrators and council members: a TOTP authenticator app
// (otplib, RFC 6238) plus ten one-time recovery codes. See docs/decisions/015-two-step-sign-in.md.
import crypto from "node:crypto";
import { generateSecret, generateURI, verify as verifyTotp } from "otplib";
import { prisma } from "~/utils/db.server";
import { keyedHash } from "~/utils/hash.server";
import { recordChange } from "./audit.server";

const RECOVERY_CODES = 10;
const ISSUER = "NTM Hải Phòng";

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri({ secret, email }: { secret: string; email: string }): string {
  return generateURI({ issuer: ISSUER, label: email, secret });
}

/** The time step of a 6-digit code valid now (the current 30-second step or the one before or after). */
async function totpStep(secret: string, token: string): Promise<number | null> {
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verifyTotp({ secret, token, epochTolerance: 30 }).catch(() => null);
  return result?.valid && "timeStep" in result ? Number(result.timeStep) : null;
}

export async function checkTotp(secret: string, token: string): Promise<boolean> {
  return (await totpStep(secret, token)) !== null;
}

function normaliseRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, "").toLowerCase();
}

/**
 * Turns two-step sign-in on, once the user has shown a code from the new secret. Returns the
 * recovery codes, shown once; only their keyed hashes are stored.
 */
export async function enableTwoFactor({
  userId,
  secret,
  token,
}: {
  userId: number;
  secret: string;
  token: string;
}): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; reason: "wrongCode" }> {
  if (!(await checkTotp(secret, token))) return { ok: false, reason: "wrongCode" };
  const recoveryCodes = Array.from({ length: RECOVERY_CODES }, () => {
    const raw = crypto.randomBytes(5).toString("hex"); // 40 bits each, single use, rate-limited
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data: { totpSecret: secret, totpLastStep: null } }),
    twoStepChange(userId, true),
    prisma.recoveryCode.deleteMany({ where: { userId } }),
    prisma.recoveryCode.createMany({
      data: recoveryCodes.map((c) => ({ userId, codeHash: keyedHash("recovery", normaliseRecoveryCode(c)) })),
    }),
  ]);
  return { ok: true, recoveryCodes };
}

/** Two-step sign-in turned on or off, by its owner: audited (decision 036), never the secret. */
const twoStepChange = (userId: number, on: boolean) =>
  recordChange(prisma, {
    actorId: userId,
    action: "user_changed",
    subject: `user ${userId}`,
    before: { twoStep: !on },
    after: { twoStep: on },
  });

export async function disableTwoFactor({ userId }: { userId: number }): Promise<void> {
  await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data: { totpSecret: null } }),
    twoStepChange(userId, false),
    prisma.recoveryCode.deleteMany({ where: { userId } }),
  ]);
}

/**
 * The second step of a sign-in: a current TOTP code, or an unused recovery code, which is spent
 * by the same statement that checks it (two parallel uses cannot both succeed).
 */
export async function checkSecondFactor({ userId, secret, code }: { userId: number; secret: string; code: string }) {
  const trimmed = code.trim();
  const step = await totpStep(secret, trimmed);
  if (step !== null) {
    // Each code once: the step is recorded by the statement that checks it is newer than the last.
    const taken = await prisma.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return taken.count === 1;
  }
  const codeHash = keyedHash("recovery", normaliseRecoveryCode(trimmed));
  const spent = await prisma.recoveryCode.updateMany({ where: { userId, codeHash, usedAt: null }, data: { usedAt: new Date() } });
  return spent.count === 1;
}

export function countUnusedRecoveryCodes({ userId }: { userId: number }) {
  return prisma.recoveryCode.count({ where: { userId, usedAt: null } });
}
