// A stolen staff session (issue 26, decision 042): changing the password or two-step sign-in
// needs the current password, and the current second factor where it is on, with the sign-in
// limits of the same account and address; "sign out everywhere" ends every session.
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { loader as layoutLoader } from "~/routes/staff";
import { action as loginAction } from "~/routes/staff_.login";
import { action as passwordAction } from "~/routes/staff.password";
import { action as everywhereAction } from "~/routes/staff_.sign-out-everywhere";
import { action as twoFactorAction } from "~/routes/staff.two-factor";
import { enableTwoFactor, newTotpSecret } from "~/models/two-factor.server";
import { startSession } from "~/models/user.server";
import { sessionCookie as sessionCookieOf } from "~/guards/auth.server";
import { prisma } from "~/utils/db.server";
import { LOGIN_PAIR_FAILURES } from "~/utils/rate-limit.server";
import { context, formRequest, getRequest, settle } from "../fixtures/http";
import { createStaff, signIn, TEST_PASSWORD } from "../fixtures/staff";

const serializeSession = (id: string) => sessionCookieOf.serialize(id);
const NEW_PASSWORD = "a brand new passphrase for the test";
const changePassword = (cookie: string, fields: Record<string, string>, ip: string) =>
  settle(() =>
    passwordAction({
      request: formRequest("/staff/password", { password: NEW_PASSWORD, confirm: NEW_PASSWORD, ...fields }, { cookie }),
      params: {},
      context: context(ip),
    }),
  );
const signedIn = async (cookie: string) =>
  (await settle(() => layoutLoader({ request: getRequest("/staff", { cookie }), params: {}, context: context() }))).status ===
  200;

describe("changing the password with a stolen session", () => {
  it("guessing the current password locks like sign-in does, for the form and for sign-in from that address", async () => {
    const u = await createStaff("official", ["vinh-bao"]);
    const stolen = await signIn(u.email);
    const ip = "203.0.113.150";
    for (let i = 0; i < LOGIN_PAIR_FAILURES - 1; i++) {
      const res = await changePassword(stolen, { current: `guess ${i}` }, ip);
      expect(res.status).toBe(400);
      expect((await res.json()).fieldErrors.current).toBe("password.errors.wrongPassword");
    }
    const locked = await changePassword(stolen, { current: "last guess" }, ip);
    expect(locked.status).toBe(429);
    expect((await locked.json()).fieldErrors.current).toBe("reauth.locked");
    // Even the right password is refused from there now, on this form and on the sign-in page.
    expect((await changePassword(stolen, { current: TEST_PASSWORD }, ip)).status).toBe(429);
    const login = await settle(() =>
      loginAction({
        request: formRequest("/staff/login", { email: u.email, password: TEST_PASSWORD }),
        params: {},
        context: context(ip),
      }),
    );
    expect(login.status).toBe(429);
    // The owner, from another address, still changes it.
    expect((await changePassword(stolen, { current: TEST_PASSWORD }, "203.0.113.151")).status).toBe(303);
  });

  it("with two-step sign-in on, needs the current code as well", async () => {
    const u = await createStaff("admin");
    const secret = newTotpSecret();
    const enabled = await enableTwoFactor({ userId: u.id, secret, token: await generate({ secret }) });
    if (!enabled.ok) throw new Error("enable");
    // Signed in with both steps earlier; the session was then stolen.
    const sessionCookie = (await serializeSession(await startSession({ userId: u.id }))).split(";")[0];
    const noCode = await changePassword(sessionCookie, { current: TEST_PASSWORD }, "203.0.113.152");
    expect(noCode.status).toBe(400);
    expect((await noCode.json()).fieldErrors.code).toBe("reauth.codeRequired");
    const wrong = await changePassword(sessionCookie, { current: TEST_PASSWORD, code: "000000" }, "203.0.113.152");
    expect((await wrong.json()).fieldErrors.code).toBe("reauth.wrongCode");
    expect(
      (await changePassword(sessionCookie, { current: TEST_PASSWORD, code: enabled.recoveryCodes[0] }, "203.0.113.152")).status,
    ).toBe(303);
  });
});

describe("two-step sign-in with a stolen session", () => {
  it("cannot be turned on without the password (the thief's own authenticator)", async () => {
    const u = await createStaff("council");
    const cookie = await signIn(u.email);
    const secret = newTotpSecret();
    const code = await generate({ secret });
    const res = await settle(() =>
      twoFactorAction({
        request: formRequest("/staff/two-factor", { intent: "enable", secret, code, password: "guess" }, { cookie }),
        params: {},
        context: context("203.0.113.153"),
      }),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe("twoFactor.wrongPassword");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: u.id } })).totpSecret).toBeNull();
  });
});

describe("sign out everywhere", () => {
  it("ends every session of the account, the copied one included, and no other account's", async () => {
    const u = await createStaff("front", ["vinh-bao"]);
    const other = await createStaff("front", ["vinh-bao"]);
    const mine = await signIn(u.email);
    const copied = await signIn(u.email);
    const theirs = await signIn(other.email);
    const res = await settle(() =>
      everywhereAction({
        request: formRequest("/staff/sign-out-everywhere", {}, { cookie: mine }),
        params: {},
        context: context(),
      }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/staff/login");
    expect(await signedIn(mine)).toBe(false);
    expect(await signedIn(copied)).toBe(false);
    expect(await signedIn(theirs)).toBe(true);
  });
});
