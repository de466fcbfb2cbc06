// Password guessing, written as the attacks of issue 11: parallel bursts, an address over its
// budget, someone else locking the owner out, telling known accounts from unknown ones, and the
// second step. Real sign-in action, real SQLite counters (shared by every server process).
import fs from "node:fs";
import Database from "better-sqlite3";
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { loader as layoutLoader } from "~/routes/staff";
import { action as loginAction } from "~/routes/staff_.login";
import { action as passwordAction } from "~/routes/staff.password";
import { action as twoFactorAction, loader as twoFactorLoader } from "~/routes/staff.two-factor";
import { enableTwoFactor, newTotpSecret } from "~/models/two-factor.server";
import { loginAccountKey, resetPassword } from "~/models/user.server";
import { prisma } from "~/utils/db.server";
import { LOGIN_ACCOUNT_MAX_DELAY_MS, LOGIN_PAIR_FAILURES, rateLimitFile } from "~/utils/rate-limit.server";
import { context, cookiesFrom, formRequest, getRequest, settle } from "../fixtures/http";
import { createStaff, signIn, TEST_PASSWORD } from "../fixtures/staff";

let ipN = 0;
/** A fresh documentation address (RFC 5737) per attacker, so tests do not share budgets. */
const freshIp = () => `198.51.100.${++ipN}`;

function attempt(email: string, password: string, ip: string, extra: Record<string, string> = {}) {
  return settle(() =>
    loginAction({ request: formRequest("/staff/login", { email, password, ...extra }), params: {}, context: context(ip) }),
  );
}

async function outcome(res: Response): Promise<string> {
  if (res.status === 303) return "signedIn";
  return `${res.status} ${(await res.json()).formError}`;
}

// The counters' own file (app/utils/rate-limit.server.ts), read as another process would.
let counters: Database.Database | undefined;
async function pairPoints(email: string): Promise<number> {
  const file = rateLimitFile(process.env.DATABASE_URL!);
  if (!counters && !fs.existsSync(file)) return 0; // no point counted yet
  counters ??= new Database(file, { readonly: true });
  const rows = counters
    .prepare(`SELECT points FROM "RateLimit" WHERE key LIKE ?`)
    .all(`login-pair:${loginAccountKey(email)}:%`) as { points: number }[];
  return Math.max(0, ...rows.map((r) => r.points));
}

describe("password guessing", () => {
  it("a burst of 24 parallel wrong passwords checks at most 5, locks, and a correct password in the burst does not get in", async () => {
    const u = await createStaff("official", ["vinh-bao"]);
    const ip = freshIp();
    const burst = Array.from({ length: 24 }, (_, i) => attempt(u.email, `wrong guess ${i}`, ip));
    // The right password arrives while the wrong ones are still being checked.
    while ((await pairPoints(u.email)) < LOGIN_PAIR_FAILURES) await new Promise((r) => setTimeout(r, 2));
    const correct = await outcome(await attempt(u.email, TEST_PASSWORD, ip));
    const results = await Promise.all((await Promise.all(burst)).map(outcome));

    expect(correct).toBe("429 locked");
    // Exactly LOCK passwords were checked: 4 said "invalid", the 5th locked, the other 19 were refused unread.
    expect(results.filter((r) => r === "400 invalid")).toHaveLength(LOGIN_PAIR_FAILURES - 1);
    expect(results.filter((r) => r === "429 locked")).toHaveLength(24 - (LOGIN_PAIR_FAILURES - 1));
    // And afterwards, still locked for this address, right password or not.
    expect(await outcome(await attempt(u.email, TEST_PASSWORD, ip))).toBe("429 locked");
  });

  it("an address over its limit is refused even with the right password, and its refusals do not count against the account", async () => {
    const u = await createStaff("official", ["vinh-bao"]);
    const ip = freshIp();
    // 30 failures spread over unknown accounts (no pair lock): the address's whole budget.
    const spray = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(`nobody-${i}-${Date.now()}@test.local`, "guess", ip).then(outcome)),
    );
    expect(spray.every((r) => r === "400 invalid")).toBe(true);
    expect(await outcome(await attempt(u.email, TEST_PASSWORD, ip))).toBe("429 rateLimited");
    for (let i = 0; i < 10; i++) expect(await outcome(await attempt(u.email, "more guesses", ip))).toBe("429 rateLimited");
    // Those refusals were never password checks: the owner, elsewhere, signs in at once.
    const t0 = performance.now();
    expect(await outcome(await attempt(u.email, TEST_PASSWORD, freshIp()))).toBe("signedIn");
    expect(performance.now() - t0).toBeLessThan(LOGIN_ACCOUNT_MAX_DELAY_MS);
  });

  it("someone else's failures from several addresses do not lock the owner out: the owner, from another address, gets in after a bounded delay", async () => {
    const u = await createStaff("council");
    const attackers = [freshIp(), freshIp(), freshIp()];
    for (const ip of attackers) {
      const tries = await Promise.all(Array.from({ length: 8 }, (_, i) => attempt(u.email, `guess ${i}`, ip).then(outcome)));
      expect(tries.filter((r) => r === "400 invalid")).toHaveLength(LOGIN_PAIR_FAILURES - 1);
    }
    // Each attacker address is locked for this account, even with the right password.
    for (const ip of attackers) expect(await outcome(await attempt(u.email, TEST_PASSWORD, ip))).toBe("429 locked");
    // 15 failures on the account: each further attempt waits (exponential, capped), the owner's too.
    const t0 = performance.now();
    expect(await outcome(await attempt(u.email, TEST_PASSWORD, freshIp()))).toBe("signedIn");
    const waited = performance.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(LOGIN_ACCOUNT_MAX_DELAY_MS - 50);
    expect(waited).toBeLessThan(LOGIN_ACCOUNT_MAX_DELAY_MS + 3000);
  }, 40_000); // about 10 s: the attackers' own waits grow as the account's failures do

  it("a known and an unknown account answer the same, in about the same time", async () => {
    const u = await createStaff("admin");
    const unknown = `not-staff-${Date.now()}@test.local`;
    const run = async (email: string) => {
      const ip = freshIp();
      const answers: string[] = [];
      const times: number[] = [];
      for (let i = 0; i < 6; i++) {
        const t0 = performance.now();
        answers.push(await outcome(await attempt(email, "wrong password", ip)));
        times.push(performance.now() - t0);
      }
      return { answers, total: times.reduce((a, b) => a + b, 0) };
    };
    const known = await run(u.email);
    const none = await run(unknown);
    expect(none.answers).toEqual(known.answers);
    expect(known.answers).toEqual([...Array(4).fill("400 invalid"), "429 locked", "429 locked"]);
    // Both spend the same hash work and the same delays (1.5 s in all); noise on a shared machine aside.
    expect(none.total / known.total).toBeGreaterThan(0.7);
    expect(none.total / known.total).toBeLessThan(1.4);
  });
});

describe("passwords", () => {
  it("after an administrator's reset the temporary password only opens the change-password page", async () => {
    const u = await createStaff("official", ["vinh-bao"]);
    await resetPassword({ id: u.id, password: "temporary password 1", actorId: null });
    const signedIn = await attempt(u.email, "temporary password 1", freshIp());
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("Location")).toBe("/staff/password");
    const cookie = cookiesFrom(signedIn);
    const elsewhere = await settle(() =>
      layoutLoader({ request: getRequest("/staff", { cookie }), params: {}, context: context() }),
    );
    expect(elsewhere.status).toBe(302);
    expect(elsewhere.headers.get("Location")).toBe("/staff/password");

    const change = (body: Record<string, string>) =>
      settle(() => passwordAction({ request: formRequest("/staff/password", body, { cookie }), params: {}, context: context() }));
    const wrong = await change({ current: "not it", password: "my own new password", confirm: "my own new password" });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).fieldErrors.current).toBe("password.errors.wrongPassword");
    const mismatch = await change({ current: "temporary password 1", password: "my own new password", confirm: "other" });
    expect((await mismatch.json()).fieldErrors.confirm).toBe("password.errors.mismatch");
    const ok = await change({ current: "temporary password 1", password: "my own new password", confirm: "my own new password" });
    expect(ok.status).toBe(303);
    const newCookie = cookiesFrom(ok);
    const staff = await settle(() =>
      layoutLoader({ request: getRequest("/staff", { cookie: newCookie }), params: {}, context: context() }),
    );
    expect(staff.status).toBe(200);
    // The old session ended with the change; the old password no longer works.
    expect(
      (await settle(() => layoutLoader({ request: getRequest("/staff", { cookie }), params: {}, context: context() }))).status,
    ).toBe(302);
    expect(await outcome(await attempt(u.email, "temporary password 1", freshIp()))).toBe("400 invalid");
  });
});

describe("two-step sign-in", () => {
  it("asks for the code, accepts a current one, and each recovery code once", async () => {
    const u = await createStaff("admin");
    const secret = newTotpSecret();
    const enabled = await enableTwoFactor({ userId: u.id, secret, token: await generate({ secret }) });
    if (!enabled.ok) throw new Error(enabled.reason);
    expect(enabled.recoveryCodes).toHaveLength(10);
    const ip = freshIp();

    expect(await outcome(await attempt(u.email, TEST_PASSWORD, ip))).toBe("400 codeRequired");
    expect(await outcome(await attempt(u.email, TEST_PASSWORD, ip, { code: "000000" }))).toBe("400 invalid");
    const current = await generate({ secret });
    expect(await outcome(await attempt(u.email, TEST_PASSWORD, ip, { code: current }))).toBe("signedIn");
    // The same code a second time (seen over a shoulder, or replayed): refused.
    expect(await outcome(await attempt(u.email, TEST_PASSWORD, freshIp(), { code: current }))).toBe("400 invalid");
    const recovery = enabled.recoveryCodes[0];
    expect(await outcome(await attempt(u.email, TEST_PASSWORD, ip, { code: recovery }))).toBe("signedIn");
    expect(await outcome(await attempt(u.email, TEST_PASSWORD, ip, { code: recovery }))).toBe("400 invalid");
    // A wrong code is a guess like a wrong password: the pair locks.
    for (let i = 0; i < 4; i++) await attempt(u.email, TEST_PASSWORD, ip, { code: "111111" });
    expect(await outcome(await attempt(u.email, TEST_PASSWORD, ip, { code: await generate({ secret }) }))).toBe("429 locked");
  });
});

describe("two-step sign-in page", () => {
  it("an administrator turns it on with a code from the new key and the password, off with the password and a code; an official cannot", async () => {
    const admin = await createStaff("admin");
    const cookie = await signIn(admin.email);
    const page = await (
      await settle(() =>
        twoFactorLoader({ request: getRequest("/staff/two-factor", { cookie }), params: {}, context: context() }),
      )
    ).json();
    expect(page.enabled).toBe(false);
    expect(page.uri).toMatch(/^otpauth:\/\/totp\//);
    const post = (body: Record<string, string>) =>
      settle(() =>
        twoFactorAction({ request: formRequest("/staff/two-factor", body, { cookie }), params: {}, context: context() }),
      );
    expect((await post({ intent: "enable", secret: page.secret, code: "000000", password: TEST_PASSWORD })).status).toBe(400);
    const on = await post({
      intent: "enable",
      secret: page.secret,
      code: await generate({ secret: page.secret }),
      password: TEST_PASSWORD,
    });
    expect(on.status).toBe(200);
    const { recoveryCodes } = await on.json();
    expect(recoveryCodes).toHaveLength(10);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).totpSecret).toBe(page.secret);
    expect((await post({ intent: "disable", password: "not my password", code: recoveryCodes[0] })).status).toBe(400);
    // Turning it off needs the current second factor too (issue 26).
    expect((await post({ intent: "disable", password: TEST_PASSWORD })).status).toBe(400);
    expect((await post({ intent: "disable", password: TEST_PASSWORD, code: recoveryCodes[0] })).status).toBe(200);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).totpSecret).toBeNull();

    const official = await createStaff("official", ["vinh-bao"]);
    const officialCookie = await signIn(official.email);
    const refused = await settle(() =>
      twoFactorLoader({ request: getRequest("/staff/two-factor", { cookie: officialCookie }), params: {}, context: context() }),
    );
    expect(refused.status).toBe(403);
  });
});
