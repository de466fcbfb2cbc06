// Staff authentication and authorisation: sessions, lock-out, cross-site posts, and a matrix of
// every staff route and action x every role x own commune / other commune.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as layoutLoader } from "~/routes/staff";
import { loader as inboxLoader } from "~/routes/staff._index";
import { action as complaintAction, loader as complaintLoader } from "~/routes/staff.complaints.$id";
import { action as usersAction, loader as usersLoader } from "~/routes/staff.users._index";
import { action as userAction, loader as userLoader } from "~/routes/staff.users.$id";
import { action as settingsAction, loader as settingsLoader } from "~/routes/staff.settings";
import { action as loginAction } from "~/routes/staff_.login";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { loader as forwardLoader } from "~/routes/staff.complaints.$id_.forward";
import { loader as urgencyLoader } from "~/routes/staff.complaints.$id_.urgency";
import { action as acknowledgeAction } from "~/routes/staff.acknowledge";
import { loader as unitInboxLoader } from "~/routes/staff.unit._index";
import { loader as unitComplaintLoader } from "~/routes/staff.unit.$id";
import { loader as roundsLoader } from "~/routes/staff.rounds._index";
import { action as complaintSettingsAction, loader as complaintSettingsLoader } from "~/routes/staff.settings_.complaints";
import { addUnitMember, createUnit, forwardComplaint } from "~/models/forwarding.server";
import { action as logoutAction } from "~/routes/staff_.logout";
import { createComplaint } from "~/models/complaint.server";
import { changePassword } from "~/models/user.server";
import { sessionCookie } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { context, cookiesFrom, formRequest, getRequest, settle } from "../fixtures/http";
import { createStaff, signIn, TEST_PASSWORD } from "../fixtures/staff";

const OWN = "vinh-bao";

/** The thresholds form as the settings page sends it, unchanged values. */
async function thresholdsForm() {
  const levels = await prisma.recognitionLevel.findMany({ select: { id: true } });
  const form: Record<string, string> = { intent: "thresholds", share_default: "90", sample_default: "30" };
  for (const l of levels) Object.assign(form, { [`share_${l.id}`]: "90", [`sample_${l.id}`]: "30", [`coverage_${l.id}`]: "70" });
  return form;
}
const OTHER = "cam-giang";

async function loginRequest(email: string, password: string, ip = "192.0.2.50") {
  return settle(() =>
    loginAction({ request: formRequest("/staff/login", { email, password }), params: {}, context: context(ip) }),
  );
}

describe("sessions", () => {
  it("signs in with a new session id each time, and signing out ends the session on the server", async () => {
    const u = await createStaff("official", [OWN]);
    const first = await loginRequest(u.email, TEST_PASSWORD);
    expect(first.status).toBe(303);
    const cookieA = cookiesFrom(first);
    expect(first.headers.get("Set-Cookie")).toMatch(/HttpOnly/i);
    expect(first.headers.get("Set-Cookie")).toMatch(/SameSite=Lax/i);
    // Signing in again (session fixation): another id, and the old one is dropped.
    const second = await settle(() =>
      loginAction({
        request: formRequest("/staff/login", { email: u.email, password: TEST_PASSWORD }, { cookie: cookieA }),
        params: {},
        context: context(),
      }),
    );
    const cookieB = cookiesFrom(second);
    expect(cookieB).not.toBe(cookieA);
    expect(
      (await settle(() => layoutLoader({ request: getRequest("/staff", { cookie: cookieA }), params: {}, context: context() })))
        .status,
    ).toBe(302);
    expect(
      (await settle(() => layoutLoader({ request: getRequest("/staff", { cookie: cookieB }), params: {}, context: context() })))
        .status,
    ).toBe(200);

    const out = await settle(() =>
      logoutAction({ request: formRequest("/staff/logout", {}, { cookie: cookieB }), params: {}, context: context() }),
    );
    expect(out.status).toBe(303);
    // The same cookie, replayed after logout, no longer works.
    const replay = await settle(() =>
      layoutLoader({ request: getRequest("/staff", { cookie: cookieB }), params: {}, context: context() }),
    );
    expect(replay.status).toBe(302);
    expect(replay.headers.get("Location")).toMatch(/^\/staff\/login/);
  });

  it("slows and then locks an account after 5 wrong passwords; an administrator's reset unlocks it", async () => {
    const u = await createStaff("official", [OWN]);
    for (let i = 0; i < 4; i++) expect((await loginRequest(u.email, "wrong password")).status).toBe(400);
    const fifth = await loginRequest(u.email, "wrong password");
    expect(fifth.status).toBe(429);
    expect((await fifth.json()).formError).toBe("locked");
    // Even the right password is refused while locked.
    expect((await loginRequest(u.email, TEST_PASSWORD)).status).toBe(429);

    const admin = await createStaff("admin");
    const adminCookie = await signIn(admin.email);
    const reset = await settle(() =>
      userAction({
        request: formRequest(
          `/staff/users/${u.id}`,
          { intent: "password", password: "a brand new password" },
          { cookie: adminCookie },
        ),
        params: { id: String(u.id) },
        context: context(),
      }),
    );
    expect(reset.status).toBe(303);
    expect((await loginRequest(u.email, "a brand new password")).status).toBe(303);
  });

  it("gives the same answer for an unknown e-mail as for a wrong password", async () => {
    const res = await loginRequest("nobody@test.local", "whatever");
    expect(res.status).toBe(400);
    expect((await res.json()).formError).toBe("invalid");
  });
});

describe("cross-site requests", () => {
  it("refuses a forged post to a staff action and changes nothing", async () => {
    const official = await createStaff("official", [OWN]);
    const commune = await prisma.commune.findUniqueOrThrow({ where: { slug: OWN } });
    const { id } = await createComplaint({ communeId: commune.id, category: "roads", text: "Đường hỏng nặng ở thôn 2." });
    const cookie = await signIn(official.email);
    const res = await settle(() =>
      complaintAction({
        request: formRequest(
          `/staff/complaints/${id}`,
          { intent: "move", to: "acknowledged" },
          { cookie, origin: "https://evil.example" },
        ),
        params: { id: String(id) },
        context: context(),
      }),
    );
    expect(res.status).toBe(403);
    expect((await prisma.complaint.findUniqueOrThrow({ where: { id } })).status).toBe("new");
  });

  it("refuses a forged sign-in post", async () => {
    const u = await createStaff("admin");
    const res = await settle(() =>
      loginAction({
        request: formRequest("/staff/login", { email: u.email, password: TEST_PASSWORD }, { origin: "https://evil.example" }),
        params: {},
        context: context(),
      }),
    );
    expect(res.status).toBe(403);
  });
});

describe("authorisation matrix", () => {
  type Who = "anonymous" | "official" | "council" | "admin" | "unit";
  const cookies = {} as Record<Who, string | undefined>;
  let ownComplaint = 0;
  let otherComplaint = 0;
  let someUserId = 0;
  let forwardedComplaint = 0;

  beforeAll(async () => {
    const official = await createStaff("official", [OWN]);
    const council = await createStaff("council");
    const admin = await createStaff("admin");
    someUserId = official.id;
    cookies.anonymous = undefined;
    cookies.official = await signIn(official.email);
    cookies.council = await signIn(council.email);
    cookies.admin = await signIn(admin.email);
    const own = await prisma.commune.findUniqueOrThrow({ where: { slug: OWN } });
    const other = await prisma.commune.findUniqueOrThrow({ where: { slug: OTHER } });
    ownComplaint = (await createComplaint({ communeId: own.id, category: "roads", text: "Phản ánh của xã mình quản lý." })).id;
    otherComplaint = (await createComplaint({ communeId: other.id, category: "water", text: "Phản ánh của xã khác." })).id;
    // A unit account: it sees the one report forwarded to its unit, nothing else.
    const unitUser = await createStaff("unit");
    const unit = await createUnit({ slug: `nuoc-${Date.now()}`, name: "Công ty nước sạch", kind: "water" });
    if (!unit.ok) throw new Error("unit");
    await addUnitMember({ unitId: unit.id, email: unitUser.email });
    cookies.unit = await signIn(unitUser.email);
    forwardedComplaint = (
      await createComplaint({ communeId: own.id, category: "water", text: "Phản ánh đã chuyển đơn vị nước." })
    ).id;
    await forwardComplaint({ id: forwardedComplaint, actorId: official.id, unitId: unit.id, note: "Nhờ công ty kiểm tra." });
  });

  // What each role may do: 200/303 = allowed, 403 = refused, 302 = sent to sign in (a unit
  // account asking for the commune inbox is sent to its unit inbox), 404 = a unit account asking
  // for a report it was not given: for it the report does not exist.
  const expected: Record<string, Record<Who, number>> = {
    "GET /staff": { anonymous: 302, official: 200, council: 200, admin: 200, unit: 302 },
    "GET /staff/complaints/own": { anonymous: 302, official: 200, council: 200, admin: 200, unit: 404 },
    // Another commune's complaint answers as a missing one would: its existence is not told.
    "GET /staff/complaints/other": { anonymous: 302, official: 404, council: 200, admin: 200, unit: 404 },
    "GET /staff/complaints/forwarded": { anonymous: 302, official: 200, council: 200, admin: 200, unit: 404 },
    "POST /staff/complaints/own": { anonymous: 302, official: 303, council: 403, admin: 403, unit: 404 },
    "POST /staff/complaints/other": { anonymous: 302, official: 404, council: 403, admin: 403, unit: 404 },
    "GET /staff/complaints/own/forward": { anonymous: 302, official: 200, council: 403, admin: 403, unit: 404 },
    "GET /staff/complaints/other/urgency": { anonymous: 302, official: 404, council: 403, admin: 403, unit: 404 },
    "POST /staff/acknowledge": { anonymous: 302, official: 303, council: 403, admin: 403, unit: 403 },
    "GET /staff/unit": { anonymous: 302, official: 403, council: 403, admin: 403, unit: 200 },
    "GET /staff/unit/forwarded": { anonymous: 302, official: 403, council: 403, admin: 403, unit: 200 },
    "GET /staff/unit/own": { anonymous: 302, official: 403, council: 403, admin: 403, unit: 404 },
    "GET /staff/unit/other": { anonymous: 302, official: 403, council: 403, admin: 403, unit: 404 },
    "GET /staff/rounds": { anonymous: 302, official: 200, council: 200, admin: 200, unit: 403 },
    "GET /staff/users": { anonymous: 302, official: 403, council: 403, admin: 200, unit: 403 },
    "POST /staff/users": { anonymous: 302, official: 403, council: 403, admin: 303, unit: 403 },
    "GET /staff/users/:id": { anonymous: 302, official: 403, council: 403, admin: 200, unit: 403 },
    "POST /staff/users/:id": { anonymous: 302, official: 403, council: 403, admin: 303, unit: 403 },
    "GET /staff/settings": { anonymous: 302, official: 403, council: 403, admin: 200, unit: 403 },
    "POST /staff/settings": { anonymous: 302, official: 403, council: 403, admin: 303, unit: 403 },
    "GET /staff/settings/complaints": { anonymous: 302, official: 403, council: 403, admin: 200, unit: 403 },
    "POST /staff/settings/complaints": { anonymous: 302, official: 403, council: 403, admin: 303, unit: 403 },
  };

  let userN = 0;
  const get =
    (loader: (args: LoaderFunctionArgs) => Promise<unknown>, path: string, params: Record<string, string> = {}) =>
    (cookie?: string) =>
      settle(() => loader({ request: getRequest(path, { cookie }), params, context: context() }));
  const run: Record<string, (cookie?: string) => Promise<Response>> = {
    "GET /staff/complaints/forwarded": (cookie) =>
      get(complaintLoader, `/staff/complaints/${forwardedComplaint}`, { id: String(forwardedComplaint) })(cookie),
    "GET /staff/complaints/own/forward": (cookie) =>
      get(forwardLoader, `/staff/complaints/${ownComplaint}/forward`, { id: String(ownComplaint) })(cookie),
    "GET /staff/complaints/other/urgency": (cookie) =>
      get(urgencyLoader, `/staff/complaints/${otherComplaint}/urgency`, { id: String(otherComplaint) })(cookie),
    "POST /staff/acknowledge": (cookie) =>
      settle(() =>
        acknowledgeAction({
          request: formRequest("/staff/acknowledge", { ids: String(ownComplaint) }, { cookie }),
          params: {},
          context: context(),
        }),
      ),
    "GET /staff/unit": (cookie) => get(unitInboxLoader, "/staff/unit")(cookie),
    "GET /staff/unit/forwarded": (cookie) =>
      get(unitComplaintLoader, `/staff/unit/${forwardedComplaint}`, { id: String(forwardedComplaint) })(cookie),
    "GET /staff/unit/own": (cookie) =>
      get(unitComplaintLoader, `/staff/unit/${ownComplaint}`, { id: String(ownComplaint) })(cookie),
    "GET /staff/unit/other": (cookie) =>
      get(unitComplaintLoader, `/staff/unit/${otherComplaint}`, { id: String(otherComplaint) })(cookie),
    "GET /staff/rounds": (cookie) => get(roundsLoader, "/staff/rounds")(cookie),
    "GET /staff/settings/complaints": (cookie) => get(complaintSettingsLoader, "/staff/settings/complaints")(cookie),
    "POST /staff/settings/complaints": (cookie) =>
      settle(() =>
        complaintSettingsAction({
          request: formRequest(
            "/staff/settings/complaints",
            { intent: "officeHours", officeHours: "07:30-11:30, 13:30-17:00" },
            { cookie },
          ),
          params: {},
          context: context(),
        }),
      ),
    "GET /staff": (cookie) =>
      settle(() => inboxLoader({ request: getRequest("/staff", { cookie }), params: {}, context: context() })),
    "GET /staff/complaints/own": (cookie) =>
      settle(() =>
        complaintLoader({
          request: getRequest(`/staff/complaints/${ownComplaint}`, { cookie }),
          params: { id: String(ownComplaint) },
          context: context(),
        }),
      ),
    "GET /staff/complaints/other": (cookie) =>
      settle(() =>
        complaintLoader({
          request: getRequest(`/staff/complaints/${otherComplaint}`, { cookie }),
          params: { id: String(otherComplaint) },
          context: context(),
        }),
      ),
    "POST /staff/complaints/own": (cookie) =>
      settle(() =>
        complaintAction({
          request: formRequest(`/staff/complaints/${ownComplaint}`, { intent: "note", body: "ghi chú" }, { cookie }),
          params: { id: String(ownComplaint) },
          context: context(),
        }),
      ),
    "POST /staff/complaints/other": (cookie) =>
      settle(() =>
        complaintAction({
          request: formRequest(`/staff/complaints/${otherComplaint}`, { intent: "note", body: "ghi chú" }, { cookie }),
          params: { id: String(otherComplaint) },
          context: context(),
        }),
      ),
    "GET /staff/users": (cookie) =>
      settle(() => usersLoader({ request: getRequest("/staff/users", { cookie }), params: {}, context: context() })),
    "POST /staff/users": (cookie) =>
      settle(() =>
        usersAction({
          request: formRequest(
            "/staff/users",
            { email: `new${++userN}@test.local`, name: "Mới", role: "council", password: "long enough password" },
            { cookie },
          ),
          params: {},
          context: context(),
        }),
      ),
    "GET /staff/users/:id": (cookie) =>
      settle(() =>
        userLoader({
          request: getRequest(`/staff/users/${someUserId}`, { cookie }),
          params: { id: String(someUserId) },
          context: context(),
        }),
      ),
    "POST /staff/users/:id": (cookie) =>
      settle(() =>
        userAction({
          request: formRequest(`/staff/users/${someUserId}`, { intent: "password", password: TEST_PASSWORD }, { cookie }),
          params: { id: String(someUserId) },
          context: context(),
        }),
      ),
    "GET /staff/settings": (cookie) =>
      settle(() => settingsLoader({ request: getRequest("/staff/settings", { cookie }), params: {}, context: context() })),
    "POST /staff/settings": async (cookie) => {
      const form = await thresholdsForm();
      return settle(() =>
        settingsAction({
          request: formRequest("/staff/settings", form, { cookie }),
          params: {},
          context: context(),
        }),
      );
    },
  };

  for (const [route, byRole] of Object.entries(expected)) {
    for (const who of Object.keys(byRole) as Who[]) {
      it(`${route} as ${who} → ${byRole[who]}`, async () => {
        const res = await run[route](cookies[who]);
        expect(res.status).toBe(byRole[who]);
        if (res.status === 403) expect(JSON.stringify(await res.json())).not.toContain("Phản ánh");
        // The admin's password reset ends the official's sessions and makes the temporary password
        // good only for choosing a new one: the official does so, in a new session.
        if (route === "POST /staff/users/:id" && who === "admin") {
          const changed = await changePassword({
            userId: someUserId,
            currentPassword: TEST_PASSWORD,
            newPassword: "the official's own new password",
          });
          if (!changed.ok) throw new Error(changed.reason);
          cookies.official = (await sessionCookie.serialize(changed.sessionId)).split(";")[0];
        }
      });
    }
  }

  it("an official's inbox lists only their own communes' complaints", async () => {
    const data = await (
      await settle(() =>
        inboxLoader({ request: getRequest("/staff", { cookie: cookies.official }), params: {}, context: context() }),
      )
    ).json();
    const ids = data.inbox.items.map((i: { id: number }) => i.id);
    expect(ids).toContain(ownComplaint);
    expect(ids).not.toContain(otherComplaint);
    const council = await (
      await settle(() =>
        inboxLoader({ request: getRequest("/staff", { cookie: cookies.council }), params: {}, context: context() }),
      )
    ).json();
    expect(council.inbox.items.map((i: { id: number }) => i.id)).toEqual(expect.arrayContaining([ownComplaint, otherComplaint]));
  });

  it("guessing a complaint id that does not exist is a 404, not a leak", async () => {
    const res = await settle(() =>
      complaintLoader({
        request: getRequest("/staff/complaints/999999", { cookie: cookies.official }),
        params: { id: "999999" },
        context: context(),
      }),
    );
    expect(res.status).toBe(404);
  });
});
