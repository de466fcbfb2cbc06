// Staff authentication and authorisation: sessions, lock-out, cross-site posts, and a matrix of
// every staff route and action x every role x own commune / other commune. The matrix must name
// every loader and action of every app/routes/staff*.tsx module (read from the file system).
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as layoutLoader } from "~/routes/staff";
import { loader as inboxLoader } from "~/routes/staff._index";
import { action as complaintAction, loader as complaintLoader } from "~/routes/staff.complaints.$id";
import { action as userAction } from "~/routes/staff.users.$id";
import { action as loginAction } from "~/routes/staff_.login";
import { action as logoutAction } from "~/routes/staff_.logout";
import { createComplaint } from "~/models/complaint/filing.server";
import { addUnitMember, createUnit, forwardComplaint } from "~/models/forwarding.server";
import { changePassword } from "~/models/user.server";
import { sessionCookie } from "~/guards/auth.server";
import { generateBatch } from "~/models/ballot.server";
import { prisma } from "~/utils/db.server";
import { context, cookiesFrom, formRequest, getRequest, settle } from "../fixtures/http";
import { createStaff, signIn, TEST_PASSWORD } from "../fixtures/staff";

const ROUTES_DIR = path.resolve("app/routes");
/** Staff routes anyone may call: signing in and out. */
const PUBLIC_STAFF_ROUTES = ["staff_.login.tsx", "staff_.logout.tsx"];

const OWN = "vinh-bao";
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
  type Who = "anonymous" | "official" | "front" | "council" | "admin" | "unit";
  const cookies = {} as Record<Who, string | undefined>;
  let ownComplaint = 0;
  let otherComplaint = 0;
  let someUserId = 0;
  let ownCommuneId = 0;
  let ownRound = 0;
  let ownBatch = 0;
  let firstCriterion = "";
  let levelId = 0;
  let recognitionN = 0;
  let forwardedComplaint = 0;

  beforeAll(async () => {
    const official = await createStaff("official", [OWN]);
    const council = await createStaff("council");
    const admin = await createStaff("admin");
    someUserId = official.id;
    cookies.anonymous = undefined;
    cookies.official = await signIn(official.email);
    cookies.front = await signIn((await createStaff("front", [OWN])).email);
    cookies.council = await signIn(council.email);
    cookies.admin = await signIn(admin.email);
    const own = await prisma.commune.findUniqueOrThrow({ where: { slug: OWN } });
    const other = await prisma.commune.findUniqueOrThrow({ where: { slug: OTHER } });
    ownCommuneId = own.id;
    ownComplaint = (await createComplaint({ communeId: own.id, category: "roads", text: "Phản ánh của xã mình quản lý." })).id;
    otherComplaint = (await createComplaint({ communeId: other.id, category: "water", text: "Phản ánh của xã khác." })).id;
    const now = Date.now();
    ownRound = (
      await prisma.surveyRound.create({
        data: {
          name: "Đợt kiểm tra quyền",
          purpose: "routine",
          startsAt: new Date(now - 86_400_000),
          endsAt: new Date(now + 86_400_000),
          communes: { create: { communeId: own.id, households: 100 } },
        },
      })
    ).id;
    const batch = await generateBatch({
      actorId: admin.id,
      roundId: ownRound,
      communeId: own.id,
      village: "Thôn 1",
      households: 10,
      count: 2,
    });
    if (!batch.ok) throw new Error(batch.reason);
    ownBatch = batch.batchId;
    firstCriterion = (await prisma.criterion.findFirstOrThrow({ where: { active: true }, orderBy: { sortOrder: "asc" } })).key;
    levelId = (await prisma.recognitionLevel.findFirstOrThrow()).id;
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

  // Every loader and action of every staff route module, x every role. 200/303 = allowed,
  // 403 = refused, 302 = sent to sign in (or, for /staff/settings, on to its first page).
  // A staff route module without entries here fails the first test below.
  type Entry = {
    module: string;
    method: "GET" | "POST";
    path: () => string;
    params?: () => Record<string, string>;
    body?: () => Record<string, string>;
    expected: Record<Who, number>;
  };
  const staffOnly = { anonymous: 302, official: 200, front: 200, council: 200, admin: 200, unit: 200 };
  const councilRead = { anonymous: 302, official: 403, front: 403, council: 200, admin: 200, unit: 403 };
  const adminRead = { anonymous: 302, official: 403, front: 403, council: 403, admin: 200, unit: 403 };
  const adminWrite = { anonymous: 302, official: 403, front: 403, council: 403, admin: 303, unit: 403 };
  const communeStaff = { ...staffOnly, unit: 404 };
  /** Officials' pages about one report of their commune (a Front account reads, never answers). */
  const officialOnly = (status: number) => ({
    anonymous: 302,
    official: status,
    front: 403,
    council: 403,
    admin: 403,
    unit: 404,
  });
  const unitOnly = (status: number) => ({ anonymous: 302, official: 403, front: 403, council: 403, admin: 403, unit: status });
  const matrix: Record<string, Entry> = {
    "GET /staff (frame)": { module: "staff.tsx", method: "GET", path: () => "/staff", expected: staffOnly },
    "GET /staff": { module: "staff._index.tsx", method: "GET", path: () => "/staff", expected: { ...staffOnly, unit: 302 } },
    "GET /staff/complaints/own": {
      module: "staff.complaints.$id.tsx",
      method: "GET",
      path: () => `/staff/complaints/${ownComplaint}`,
      params: () => ({ id: String(ownComplaint) }),
      expected: communeStaff,
    },
    "GET /staff/complaints/forwarded": {
      module: "staff.complaints.$id.tsx",
      method: "GET",
      path: () => `/staff/complaints/${forwardedComplaint}`,
      params: () => ({ id: String(forwardedComplaint) }),
      expected: communeStaff,
    },
    "GET /staff/complaints/:id/forward": {
      module: "staff.complaints.$id_.forward.tsx",
      method: "GET",
      path: () => `/staff/complaints/${ownComplaint}/forward`,
      params: () => ({ id: String(ownComplaint) }),
      expected: officialOnly(200),
    },
    "POST /staff/complaints/:id/forward": {
      module: "staff.complaints.$id_.forward.tsx",
      method: "POST",
      path: () => `/staff/complaints/${ownComplaint}/forward`,
      params: () => ({ id: String(ownComplaint) }),
      body: () => ({ intent: "forward" }),
      expected: officialOnly(400),
    },
    "GET /staff/complaints/other/urgency": {
      module: "staff.complaints.$id_.urgency.tsx",
      method: "GET",
      path: () => `/staff/complaints/${otherComplaint}/urgency`,
      params: () => ({ id: String(otherComplaint) }),
      expected: { anonymous: 302, official: 404, front: 404, council: 403, admin: 403, unit: 404 },
    },
    "POST /staff/complaints/:id/urgency": {
      module: "staff.complaints.$id_.urgency.tsx",
      method: "POST",
      path: () => `/staff/complaints/${ownComplaint}/urgency`,
      params: () => ({ id: String(ownComplaint) }),
      body: () => ({}),
      expected: officialOnly(400),
    },
    "GET /staff/complaints/:id/merge": {
      module: "staff.complaints.$id_.merge.tsx",
      method: "GET",
      path: () => `/staff/complaints/${ownComplaint}/merge`,
      params: () => ({ id: String(ownComplaint) }),
      expected: officialOnly(200),
    },
    "POST /staff/complaints/:id/merge": {
      module: "staff.complaints.$id_.merge.tsx",
      method: "POST",
      path: () => `/staff/complaints/${ownComplaint}/merge`,
      params: () => ({ id: String(ownComplaint) }),
      body: () => ({}),
      expected: officialOnly(400),
    },
    "GET /staff/acknowledge": {
      module: "staff.acknowledge.tsx",
      method: "GET",
      path: () => "/staff/acknowledge",
      expected: { anonymous: 302, official: 302, front: 403, council: 403, admin: 403, unit: 403 },
    },
    "POST /staff/acknowledge": {
      module: "staff.acknowledge.tsx",
      method: "POST",
      path: () => "/staff/acknowledge",
      body: () => ({ ids: String(ownComplaint) }),
      expected: { anonymous: 302, official: 303, front: 403, council: 403, admin: 403, unit: 403 },
    },
    // Residents' personal data (issue 21): the requests queue (officials answer, administrators
    // read), the contact access log and the retention settings (administrators).
    "GET /staff/privacy": {
      module: "staff.privacy._index.tsx",
      method: "GET",
      path: () => "/staff/privacy",
      expected: { anonymous: 302, official: 200, front: 403, council: 403, admin: 200, unit: 403 },
    },
    "POST /staff/privacy": {
      module: "staff.privacy._index.tsx",
      method: "POST",
      path: () => "/staff/privacy",
      body: () => ({ intent: "answer" }),
      expected: { anonymous: 302, official: 400, front: 403, council: 403, admin: 403, unit: 403 },
    },
    "GET /staff/privacy/access": {
      module: "staff.privacy.access.tsx",
      method: "GET",
      path: () => "/staff/privacy/access",
      expected: adminRead,
    },
    "GET /staff/privacy/settings": {
      module: "staff.privacy.settings.tsx",
      method: "GET",
      path: () => "/staff/privacy/settings",
      expected: adminRead,
    },
    "POST /staff/privacy/settings": {
      module: "staff.privacy.settings.tsx",
      method: "POST",
      path: () => "/staff/privacy/settings",
      body: () => ({
        intent: "privacy",
        controller: "commune",
        controllerName: "",
        contactDays: "90",
        photoDays: "30",
        ipHashDays: "2",
        answerIpHashDays: "180",
      }),
      expected: adminWrite,
    },
    // "Show contact" (issue 21, 26): officials of the commune and the unit the report is forwarded
    // to; council, Front and administrators never (403), another unit's or commune's report 404.
    "GET /staff/complaints/:id/contact": {
      module: "staff.complaints.$id_.contact.tsx",
      method: "GET",
      path: () => `/staff/complaints/${ownComplaint}/contact`,
      params: () => ({ id: String(ownComplaint) }),
      expected: { anonymous: 302, official: 200, front: 403, council: 403, admin: 403, unit: 404 },
    },
    "GET /staff/complaints/forwarded/contact": {
      module: "staff.complaints.$id_.contact.tsx",
      method: "GET",
      path: () => `/staff/complaints/${forwardedComplaint}/contact`,
      params: () => ({ id: String(forwardedComplaint) }),
      expected: { anonymous: 302, official: 200, front: 403, council: 403, admin: 403, unit: 200 },
    },
    "POST /staff/complaints/:id/contact": {
      module: "staff.complaints.$id_.contact.tsx",
      method: "POST",
      path: () => `/staff/complaints/${ownComplaint}/contact`,
      params: () => ({ id: String(ownComplaint) }),
      expected: { anonymous: 302, official: 200, front: 403, council: 403, admin: 403, unit: 404 },
    },
    "GET /staff/unit": { module: "staff.unit._index.tsx", method: "GET", path: () => "/staff/unit", expected: unitOnly(200) },
    "GET /staff/unit/forwarded": {
      module: "staff.unit.$id.tsx",
      method: "GET",
      path: () => `/staff/unit/${forwardedComplaint}`,
      params: () => ({ id: String(forwardedComplaint) }),
      expected: unitOnly(200),
    },
    "GET /staff/unit/not-forwarded": {
      module: "staff.unit.$id.tsx",
      method: "GET",
      path: () => `/staff/unit/${ownComplaint}`,
      params: () => ({ id: String(ownComplaint) }),
      expected: unitOnly(404),
    },
    "POST /staff/unit/not-forwarded": {
      module: "staff.unit.$id.tsx",
      method: "POST",
      path: () => `/staff/unit/${otherComplaint}`,
      params: () => ({ id: String(otherComplaint) }),
      body: () => ({ intent: "accept" }),
      expected: unitOnly(404),
    },
    // Another commune's complaint answers as a missing one would: its existence is not told.
    "GET /staff/complaints/other": {
      module: "staff.complaints.$id.tsx",
      method: "GET",
      path: () => `/staff/complaints/${otherComplaint}`,
      params: () => ({ id: String(otherComplaint) }),
      expected: { anonymous: 302, official: 404, front: 404, council: 200, admin: 200, unit: 404 },
    },
    "POST /staff/complaints/own": {
      module: "staff.complaints.$id.tsx",
      method: "POST",
      path: () => `/staff/complaints/${ownComplaint}`,
      params: () => ({ id: String(ownComplaint) }),
      body: () => ({ intent: "note", body: "ghi chú" }),
      expected: { anonymous: 302, official: 303, front: 403, council: 403, admin: 403, unit: 404 },
    },
    "POST /staff/complaints/other": {
      module: "staff.complaints.$id.tsx",
      method: "POST",
      path: () => `/staff/complaints/${otherComplaint}`,
      params: () => ({ id: String(otherComplaint) }),
      body: () => ({ intent: "note", body: "ghi chú" }),
      expected: { anonymous: 302, official: 404, front: 404, council: 403, admin: 403, unit: 404 },
    },
    "GET /staff/password": { module: "staff.password.tsx", method: "GET", path: () => "/staff/password", expected: staffOnly },
    // Every signed-in user may change their own password: an empty form gets as far as a 400.
    "POST /staff/password": {
      module: "staff.password.tsx",
      method: "POST",
      path: () => "/staff/password",
      body: () => ({}),
      expected: { anonymous: 302, official: 400, front: 400, council: 400, admin: 400, unit: 400 },
    },
    "GET /staff/posters": {
      module: "staff.posters._index.tsx",
      method: "GET",
      path: () => "/staff/posters",
      expected: staffOnly,
    },
    "GET /staff/posters/print own": {
      module: "staff.posters.print.tsx",
      method: "GET",
      path: () => `/staff/posters/print?slug=${OWN}`,
      expected: { ...staffOnly, unit: 404 },
    },
    // Posters of another commune are not there for a commune-scoped account.
    "GET /staff/posters/print other": {
      module: "staff.posters.print.tsx",
      method: "GET",
      path: () => `/staff/posters/print?slug=${OTHER}`,
      expected: { anonymous: 302, official: 404, front: 404, council: 200, admin: 200, unit: 404 },
    },
    "GET /staff/two-factor": {
      module: "staff.two-factor.tsx",
      method: "GET",
      path: () => "/staff/two-factor",
      expected: { anonymous: 302, official: 403, front: 403, council: 200, admin: 200, unit: 403 },
    },
    // Two-step sign-in is for administrators and council members: an empty form gets as far as a 400.
    "POST /staff/two-factor": {
      module: "staff.two-factor.tsx",
      method: "POST",
      path: () => "/staff/two-factor",
      body: () => ({}),
      expected: { anonymous: 302, official: 403, front: 403, council: 400, admin: 400, unit: 403 },
    },
    "GET /staff/slips/:id": {
      module: "staff_.slips.$id.tsx",
      method: "GET",
      path: () => `/staff/slips/${ownBatch}`,
      params: () => ({ id: String(ownBatch) }),
      expected: { anonymous: 302, official: 403, front: 200, council: 403, admin: 200, unit: 403 },
    },
    "GET /staff/map": { module: "staff.map.tsx", method: "GET", path: () => "/staff/map", expected: staffOnly },
    "GET /staff/council/export.xlsx": {
      module: "staff.council.export[.]xlsx.tsx",
      method: "GET",
      path: () => "/staff/council/export.xlsx",
      expected: councilRead,
    },
    "GET /staff/council": {
      module: "staff.council._index.tsx",
      method: "GET",
      path: () => "/staff/council",
      expected: councilRead,
    },
    "GET /staff/council/export": {
      module: "staff.council.export.tsx",
      method: "GET",
      path: () => "/staff/council/export",
      expected: councilRead,
    },
    "GET /staff/council/:slug": {
      module: "staff.council.$slug.tsx",
      method: "GET",
      path: () => `/staff/council/${OWN}`,
      params: () => ({ slug: OWN }),
      expected: councilRead,
    },
    "POST /staff/council/:slug": {
      module: "staff.council.$slug.tsx",
      method: "POST",
      path: () => `/staff/council/${OWN}`,
      params: () => ({ slug: OWN }),
      body: () => ({ verdict: "defer", reason: "Cần thêm ý kiến người dân." }),
      expected: { anonymous: 302, official: 403, front: 403, council: 303, admin: 403, unit: 403 },
    },
    "GET /staff/rounds": { module: "staff.rounds._index.tsx", method: "GET", path: () => "/staff/rounds", expected: staffOnly },
    "POST /staff/rounds": {
      module: "staff.rounds._index.tsx",
      method: "POST",
      path: () => "/staff/rounds",
      body: () => ({
        name: "Đợt mới",
        purpose: "routine",
        startsOn: "2026-01-01",
        endsOn: "2026-02-01",
        [`households_${ownCommuneId}`]: "50",
      }),
      // Separation of duties (decision 012): the Front runs rounds for its communes, officials do not.
      expected: { anonymous: 302, official: 403, front: 303, council: 403, admin: 303, unit: 403 },
    },
    "GET /staff/rounds/:id": {
      module: "staff.rounds.$id.tsx",
      method: "GET",
      path: () => `/staff/rounds/${ownRound}`,
      params: () => ({ id: String(ownRound) }),
      expected: { ...staffOnly, unit: 403 },
    },
    "POST /staff/rounds/:id": {
      module: "staff.rounds.$id.tsx",
      method: "POST",
      path: () => `/staff/rounds/${ownRound}`,
      params: () => ({ id: String(ownRound) }),
      body: () => ({ communeId: String(ownCommuneId), [`b0_${firstCriterion}`]: "5" }),
      // Paper ballots are typed in by the Front or an administrator, never the commune's officials.
      expected: { anonymous: 302, official: 403, front: 303, council: 403, admin: 303, unit: 403 },
    },
    "GET /staff/rounds/:id/export": {
      module: "staff.rounds.$id.export.tsx",
      method: "GET",
      path: () => `/staff/rounds/${ownRound}/export`,
      params: () => ({ id: String(ownRound) }),
      expected: councilRead,
    },
    "GET /staff/rounds/:id/integrity/:communeId": {
      module: "staff.rounds.$id_.integrity.$communeId.tsx",
      method: "GET",
      path: () => `/staff/rounds/${ownRound}/integrity/${ownCommuneId}`,
      params: () => ({ id: String(ownRound), communeId: String(ownCommuneId) }),
      expected: { ...staffOnly, unit: 403 },
    },
    // Exclusions and re-checks are "run" actions: the Front for its communes, or an administrator.
    // (A routine round cannot be re-checked: the allowed roles get the form's 400.)
    "POST /staff/rounds/:id/integrity/:communeId": {
      module: "staff.rounds.$id_.integrity.$communeId.tsx",
      method: "POST",
      path: () => `/staff/rounds/${ownRound}/integrity/${ownCommuneId}`,
      params: () => ({ id: String(ownRound), communeId: String(ownCommuneId) }),
      body: () => ({ intent: "draw" }),
      expected: { anonymous: 302, official: 403, front: 400, council: 403, admin: 400, unit: 403 },
    },
    "GET /staff/users": { module: "staff.users._index.tsx", method: "GET", path: () => "/staff/users", expected: adminRead },
    "POST /staff/users": {
      module: "staff.users._index.tsx",
      method: "POST",
      path: () => "/staff/users",
      body: () => ({ email: `new${++userN}@test.local`, name: "Mới", role: "council", password: "long enough password" }),
      expected: adminWrite,
    },
    "GET /staff/users/:id": {
      module: "staff.users.$id.tsx",
      method: "GET",
      path: () => `/staff/users/${someUserId}`,
      params: () => ({ id: String(someUserId) }),
      expected: adminRead,
    },
    "POST /staff/users/:id": {
      module: "staff.users.$id.tsx",
      method: "POST",
      path: () => `/staff/users/${someUserId}`,
      params: () => ({ id: String(someUserId) }),
      body: () => ({ intent: "password", password: TEST_PASSWORD }),
      expected: adminWrite,
    },
    "GET /staff/api-keys": { module: "staff.api-keys.tsx", method: "GET", path: () => "/staff/api-keys", expected: adminRead },
    // Issuing a key answers 200 with the key (shown once), not a redirect.
    "POST /staff/api-keys": {
      module: "staff.api-keys.tsx",
      method: "POST",
      path: () => "/staff/api-keys",
      body: () => ({ intent: "issue", name: "Ứng dụng thử quyền" }),
      expected: adminRead,
    },
    "GET /staff/settings": { module: "staff.settings.tsx", method: "GET", path: () => "/staff/settings", expected: adminRead },
    "GET /staff/settings (index)": {
      module: "staff.settings._index.tsx",
      method: "GET",
      path: () => "/staff/settings",
      expected: { anonymous: 302, official: 403, front: 403, council: 403, admin: 302, unit: 403 },
    },
    "GET /staff/settings/thresholds": {
      module: "staff.settings.thresholds.tsx",
      method: "GET",
      path: () => "/staff/settings/thresholds",
      expected: adminRead,
    },
    "POST /staff/settings/thresholds": {
      module: "staff.settings.thresholds.tsx",
      method: "POST",
      path: () => "/staff/settings/thresholds",
      body: () => thresholdsBody,
      expected: adminWrite,
    },
    "GET /staff/settings/complaints": {
      module: "staff.settings.complaints.tsx",
      method: "GET",
      path: () => "/staff/settings/complaints",
      expected: adminRead,
    },
    "POST /staff/settings/complaints": {
      module: "staff.settings.complaints.tsx",
      method: "POST",
      path: () => "/staff/settings/complaints",
      body: () => ({ intent: "officeHours", officeHours: "07:30-11:30, 13:30-17:00" }),
      expected: adminWrite,
    },
    "GET /staff/settings/integrity": {
      module: "staff.settings.integrity.tsx",
      method: "GET",
      path: () => "/staff/settings/integrity",
      expected: adminRead,
    },
    "POST /staff/settings/integrity": {
      module: "staff.settings.integrity.tsx",
      method: "POST",
      path: () => "/staff/settings/integrity",
      body: () => ({
        intent: "integrity",
        topAddressShare: "30",
        identicalShare: "20",
        straightShare: "30",
        fastShare: "20",
        openVerifiedGap: "15",
        villageUseShare: "98",
        recheckMargin: "10",
        deniedShare: "10",
      }),
      expected: adminWrite,
    },
    "GET /staff/settings/recognitions": {
      module: "staff.settings.recognitions.tsx",
      method: "GET",
      path: () => "/staff/settings/recognitions",
      expected: adminRead,
    },
    "POST /staff/settings/recognitions": {
      module: "staff.settings.recognitions.tsx",
      method: "POST",
      path: () => "/staff/settings/recognitions",
      body: () => ({
        intent: "recognise",
        communeId: String(ownCommuneId),
        levelId: String(levelId),
        decisionNumber: `QĐ-${++recognitionN}`,
        decidedOn: "2026-01-15",
      }),
      expected: adminWrite,
    },
  };
  let userN = 0;
  let thresholdsBody: Record<string, string> = {};
  beforeAll(async () => {
    thresholdsBody = { intent: "thresholds", share_default: "90", sample_default: "30" };
    for (const l of await prisma.recognitionLevel.findMany()) {
      thresholdsBody[`share_${l.id}`] = String(Math.round(l.thresholdShare * 1000) / 10);
      thresholdsBody[`sample_${l.id}`] = String(l.minSample);
      thresholdsBody[`coverage_${l.id}`] = String(Math.round(l.coverageShare * 100));
    }
  });

  it("covers every loader and action of every staff route module", async () => {
    const modules = fs.readdirSync(ROUTES_DIR).filter((f) => /^staff([._]|\.tsx$)/.test(f) && !PUBLIC_STAFF_ROUTES.includes(f));
    const covered = new Set(Object.values(matrix).map((e) => `${e.method} ${e.module}`));
    const missing: string[] = [];
    for (const file of modules) {
      const mod = await import(/* @vite-ignore */ path.join(ROUTES_DIR, file));
      if (mod.loader && !covered.has(`GET ${file}`)) missing.push(`GET ${file}`);
      if (mod.action && !covered.has(`POST ${file}`)) missing.push(`POST ${file}`);
    }
    expect(missing, "staff route handlers without an entry in the authorisation matrix").toEqual([]);
  });

  async function run(entry: Entry, cookie?: string): Promise<Response> {
    const mod = await import(/* @vite-ignore */ path.join(ROUTES_DIR, entry.module));
    const args = { params: entry.params?.() ?? {}, context: context() };
    return entry.method === "GET"
      ? settle(() => mod.loader({ ...args, request: getRequest(entry.path(), { cookie }) }))
      : settle(() => mod.action({ ...args, request: formRequest(entry.path(), entry.body?.() ?? {}, { cookie }) }));
  }

  for (const [route, entry] of Object.entries(matrix)) {
    for (const who of Object.keys(entry.expected) as Who[]) {
      it(`${route} as ${who} → ${entry.expected[who]}`, async () => {
        const res = await run(entry, cookies[who]);
        expect(res.status).toBe(entry.expected[who]);
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
