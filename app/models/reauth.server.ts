// Confirming who is at the keyboard before a change that would let a thief keep an account
// (issue 26, decision 042): the current password and, where two-step sign-in is on, the current
// second factor. Every attempt goes through the sign-in limits of the same account and address
// (decision 014), so a stolen session guesses no faster here than on the sign-in page.
import { prisma } from "~/utils/db.server";
import { failLoginAttempt, reserveLoginAttempt, succeedLoginAttempt } from "~/utils/rate-limit.server";
import { checkSecondFactor } from "./two-factor.server";
import { checkPassword, loginAccountKey } from "./user.server";

export type ReauthRefusal = "wrongPassword" | "codeRequired" | "wrongCode" | "locked" | "rateLimited";
export type ReauthResult = { ok: true } | { ok: false; reason: ReauthRefusal; lockedMinutes?: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function confirmIdentity({
  userId,
  password,
  code,
  ipHash,
}: {
  userId: number;
  password: string;
  /** TOTP or recovery code: required when the account has two-step sign-in on */
  code?: string | null;
  ipHash: string;
}): Promise<ReauthResult> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, totpSecret: true },
  });
  const accountKey = loginAccountKey(user.email);
  const reservation = await reserveLoginAttempt({ accountKey, ipHash });
  if (!reservation.ok) return { ok: false, reason: reservation.reason, lockedMinutes: reservation.retryMinutes };
  if (reservation.delayMs > 0) await sleep(reservation.delayMs);
  const passwordOk = await checkPassword({ userId, password });
  const reason: ReauthRefusal | null = !passwordOk
    ? "wrongPassword"
    : !user.totpSecret
      ? null
      : !code
        ? "codeRequired"
        : (await checkSecondFactor({ userId, secret: user.totpSecret, code }))
          ? null
          : "wrongCode";
  if (reason) {
    const lock = await failLoginAttempt({ accountKey, ipHash, pairFailures: reservation.pairFailures });
    if (lock.locked) return { ok: false, reason: "locked", lockedMinutes: lock.minutes };
    return { ok: false, reason };
  }
  await succeedLoginAttempt({ accountKey, ipHash });
  return { ok: true };
}

/** "Sign out everywhere": every session of this account ends, this one included. */
export async function endAllSessions({ userId }: { userId: number }): Promise<number> {
  return (await prisma.session.deleteMany({ where: { userId } })).count;
}
