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
import { changePassword, startSession } from "~/models/user.server";
import { sessionCookie } from "~/guards/auth.server";
import { generateBatch, printBatch, sealBatch } from "~/models/ballot.server";
import { proposeRound } from "~/models/round-approval.server";
import { vnIsoDay } from "~/lib/vn-time";
import { importTestRegister } from "../fixtures/register";
import { prisma } from "~/utils/db.server";
import { can, type Action } from "~/lib/policy";
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
  let closedRound = 0;
  let proposedRound = 0;
  let proposalN = 0;
  let paperN = 0;
  let paperCodes: string[] = [];
  let criterionKeys: string[] = [];
  let levelId = 0;
  let recognitionN = 0;
  let forwardedComplaint = 0;
  let ownWork = 0;
  let otherWork = 0;
  let ownInspection = 0;
  let otherInspection = 0;
  let ownPhoto = 0;
  let otherCommuneIdForNotices = 0;

  beforeAll(async () => {
    const official = await createStaff("official", [OWN]);
    const council = await createStaff("council");
    const admin = await createStaff("admin");
    someUserId = official.id;
    cookies.anonymous = undefined;
    cookies.official = await signIn(official.email);
    const frontUser = await createStaff("front", [OWN]);
    cookies.front = await signIn(frontUser.email);
    cookies.council = await signIn(council.email);
    cookies.admin = await signIn(admin.email);
    const own = await prisma.commune.findUniqueOrThrow({ where: { slug: OWN } });
    const other = await prisma.commune.findUniqueOrThrow({ where: { slug: OTHER } });
    ownCommuneId = own.id;
    otherCommuneIdForNotices = other.id;
    ownComplaint = (await createComplaint({ communeId: own.id, category: "roads", text: "Phản ánh của xã mình quản lý." })).id;
    otherComplaint = (await createComplaint({ communeId: other.id, category: "water", text: "Phản ánh của xã khác." })).id;
    // A photo row for the blurring page (its file is never read: the matrix posts an empty form).
    ownPhoto = (
      await prisma.complaintPhoto.create({
        data: {
          complaintId: ownComplaint,
          fileName: `${"ab".repeat(15)}${String(Date.now() % 100).padStart(2, "0")}.jpg`,
          width: 400,
          height: 300,
          bytes: 1,
        },
      })
    ).id;
    const now = Date.now();
    await importTestRegister([
      [OWN, "Thôn 1", 60],
      [OWN, "Thôn 2", 40],
    ]);
    ownRound = (
      await prisma.surveyRound.create({
        data: {
          name: "Đợt kiểm tra quyền",
          purpose: "routine",
          startsAt: new Date(now - 86_400_000),
          endsAt: new Date(now + 86_400_000),
          approvedAt: new Date(now - 2 * 86_400_000),
          communes: { create: { communeId: own.id, households: 100 } },
        },
      })
    ).id;
    const batch = await generateBatch({
      actorId: admin.id,
      roundId: ownRound,
      communeId: own.id,
      village: "Thôn 1",
      count: 2,
    });
    if (!batch.ok) throw new Error(batch.reason);
    ownBatch = batch.batchId;
    // Every paper ballot carries a code (decision 036): a sealed batch whose codes the matrix spends.
    const paper = await generateBatch({ actorId: admin.id, roundId: ownRound, communeId: own.id, village: "Thôn 2", count: 8 });
    if (!paper.ok) throw new Error(paper.reason);
    paperCodes = (await printBatch({ id: paper.batchId, actorId: null }))!.slips.map((x) => x.code);
    await sealBatch({ id: paper.batchId, roundId: ownRound, communeId: own.id, actorId: null });
    const proposed = await proposeRound({
      name: "Đợt chờ duyệt",
      purpose: "routine",
      levelId: null,
      startsAt: new Date(now + 400 * 86_400_000),
      endsAt: new Date(now + 410 * 86_400_000),
      codesRequired: false,
      communeIds: [own.id],
      proposerId: frontUser.id,
    });
    if (!proposed.ok) throw new Error(proposed.reason);
    proposedRound = proposed.id;
    // Results are shown once paper entry has closed (decision 036): the export reads a round closed a week ago.
    closedRound = (
      await prisma.surveyRound.create({
        data: {
          name: "Đợt đã chốt",
          purpose: "routine",
          startsAt: new Date(now - 30 * 86_400_000),
          endsAt: new Date(now - 7 * 86_400_000),
          approvedAt: new Date(now - 31 * 86_400_000),
          communes: { create: { communeId: own.id, households: 100 } },
        },
      })
    ).id;
    criterionKeys = (await prisma.criterion.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" } })).map(
      (c) => c.key,
    );
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
    // A work in each commune, for the supervision board's inspection form (issue 22).
    const work = (communeId: number) =>
      prisma.work.create({
        data: {
          communeId,
          code: `AUTH-${communeId}`,
          category: "roads",
          name: "Đường thử quyền",
          programme: "NTM",
          totalInvestment: 1n,
          status: "handed_over",
        },
      });
    ownWork = (await work(own.id)).id;
    otherWork = (await work(other.id)).id;
    // An inspection with one photo on each, for blurring it (the pages read the list, not the file).
    const inspection = (workId: number) =>
      prisma.workInspection.create({
        data: {
          workId,
          inspectedOn: new Date("2026-11-01T00:00:00Z"),
          inspectors: "Ban giám sát",
          findings: "Ảnh có người qua đường.",
          verdict: "good",
          photos: JSON.stringify([{ fileName: `${"a".repeat(32)}.jpg`, width: 1200, height: 900 }]),
        },
      });
    ownInspection = (await inspection(ownWork)).id;
    otherInspection = (await inspection(otherWork)).id;
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
    /** The action of app/lib/policy.ts the route checks; none: any signed-in user passes. */
    action?: Action;
    /**
     * The commune the action is checked in: the signed-in accounts' own, another, or none. "missing":
     * the record is not there for the roles the table allows (404 for them, 403 for the others).
     */
    scope?: "own" | "other" | "missing";
    /**
     * Roles the table allows but the record's own rule refuses (404): a unit opens a contact only on
     * a report forwarded to it, which the table cannot know.
     */
    refusedByRecord?: Who[];
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
      action: "commune.read",
      scope: "own",
      module: "staff.complaints.$id.tsx",
      method: "GET",
      path: () => `/staff/complaints/${ownComplaint}`,
      params: () => ({ id: String(ownComplaint) }),
      expected: communeStaff,
    },
    "GET /staff/complaints/forwarded": {
      action: "commune.read",
      scope: "own",
      module: "staff.complaints.$id.tsx",
      method: "GET",
      path: () => `/staff/complaints/${forwardedComplaint}`,
      params: () => ({ id: String(forwardedComplaint) }),
      expected: communeStaff,
    },
    "GET /staff/complaints/:id/forward": {
      action: "complaint.reply",
      scope: "own",
      module: "staff.complaints.$id_.forward.tsx",
      method: "GET",
      path: () => `/staff/complaints/${ownComplaint}/forward`,
      params: () => ({ id: String(ownComplaint) }),
      expected: officialOnly(200),
    },
    "POST /staff/complaints/:id/forward": {
      action: "complaint.reply",
      scope: "own",
      module: "staff.complaints.$id_.forward.tsx",
      method: "POST",
      path: () => `/staff/complaints/${ownComplaint}/forward`,
      params: () => ({ id: String(ownComplaint) }),
      body: () => ({ intent: "forward" }),
      expected: officialOnly(400),
    },
    "GET /staff/complaints/other/urgency": {
      action: "complaint.reply",
      scope: "other",
      module: "staff.complaints.$id_.urgency.tsx",
      method: "GET",
      path: () => `/staff/complaints/${otherComplaint}/urgency`,
      params: () => ({ id: String(otherComplaint) }),
      expected: { anonymous: 302, official: 404, front: 404, council: 403, admin: 403, unit: 404 },
    },
    "POST /staff/complaints/:id/urgency": {
      action: "complaint.reply",
      scope: "own",
      module: "staff.complaints.$id_.urgency.tsx",
      method: "POST",
      path: () => `/staff/complaints/${ownComplaint}/urgency`,
      params: () => ({ id: String(ownComplaint) }),
      body: () => ({}),
      expected: officialOnly(400),
    },
    "GET /staff/complaints/:id/photos/:photoId/redact": {
      action: "photo.redact",
      scope: "own",
      module: "staff.complaints.$id_.photos.$photoId.redact.tsx",
      method: "GET",
      path: () => `/staff/complaints/${ownComplaint}/photos/${ownPhoto}/redact`,
      params: () => ({ id: String(ownComplaint), photoId: String(ownPhoto) }),
      expected: officialOnly(200),
    },
    "GET /staff/complaints/other/photos/:photoId/redact": {
      action: "photo.redact",
      scope: "other",
      module: "staff.complaints.$id_.photos.$photoId.redact.tsx",
      method: "GET",
      path: () => `/staff/complaints/${otherComplaint}/photos/${ownPhoto}/redact`,
      params: () => ({ id: String(otherComplaint), photoId: String(ownPhoto) }),
      expected: { anonymous: 302, official: 404, front: 404, council: 403, admin: 403, unit: 404 },
    },
    "POST /staff/complaints/:id/photos/:photoId/redact": {
      action: "photo.redact",
      scope: "own",
      module: "staff.complaints.$id_.photos.$photoId.redact.tsx",
      method: "POST",
      path: () => `/staff/complaints/${ownComplaint}/photos/${ownPhoto}/redact`,
      params: () => ({ id: String(ownComplaint), photoId: String(ownPhoto) }),
      body: () => ({}),
      expected: officialOnly(400),
    },
    "GET /staff/notices": {
      action: "notice.manage",
      module: "staff.notices.tsx",
      method: "GET",
      path: () => "/staff/notices",
      expected: { anonymous: 302, official: 200, front: 403, council: 403, admin: 200, unit: 403 },
    },
    "POST /staff/notices own": {
      action: "notice.manage",
      scope: "own",
      module: "staff.notices.tsx",
      method: "POST",
      path: () => "/staff/notices",
      body: () => ({
        intent: "post",
        communeId: String(ownCommuneId),
        text: "Cắt nước thôn 1.",
        startDay: vnIsoDay(new Date()),
        endDay: vnIsoDay(new Date()),
      }),
      expected: { anonymous: 302, official: 303, front: 403, council: 403, admin: 303, unit: 403 },
    },
    // Another commune's notices are not an official's to post.
    "POST /staff/notices other": {
      action: "notice.manage",
      scope: "other",
      module: "staff.notices.tsx",
      method: "POST",
      path: () => "/staff/notices",
      body: () => ({
        intent: "post",
        communeId: String(otherCommuneIdForNotices),
        text: "Cắt điện.",
        startDay: vnIsoDay(new Date()),
        endDay: vnIsoDay(new Date()),
      }),
      expected: { anonymous: 302, official: 403, front: 403, council: 403, admin: 303, unit: 403 },
    },
    "GET /staff/complaints/:id/merge": {
      action: "complaint.reply",
      scope: "own",
      module: "staff.complaints.$id_.merge.tsx",
      method: "GET",
      path: () => `/staff/complaints/${ownComplaint}/merge`,
      params: () => ({ id: String(ownComplaint) }),
      expected: officialOnly(200),
    },
    "POST /staff/complaints/:id/merge": {
      action: "complaint.reply",
      scope: "own",
      module: "staff.complaints.$id_.merge.tsx",
      method: "POST",
      path: () => `/staff/complaints/${ownComplaint}/merge`,
      params: () => ({ id: String(ownComplaint) }),
      body: () => ({}),
      expected: officialOnly(400),
    },
    // Issue 24: officials enter reports received by phone, letter or in person; the receipt is
    // read like the report. (An url-encoded post is not the multipart form: the official's 400.)
    "GET /staff/complaints/new": {
      action: "complaint.reply",
      module: "staff.complaints.new.tsx",
      method: "GET",
      path: () => "/staff/complaints/new",
      expected: { anonymous: 302, official: 200, front: 403, council: 403, admin: 403, unit: 403 },
    },
    "POST /staff/complaints/new": {
      action: "complaint.reply",
      module: "staff.complaints.new.tsx",
      method: "POST",
      path: () => "/staff/complaints/new",
      body: () => ({}),
      expected: { anonymous: 302, official: 400, front: 403, council: 403, admin: 403, unit: 403 },
    },
    "GET /staff/complaints/:id/receipt": {
      action: "commune.read",
      scope: "own",
      module: "staff.complaints.$id_.receipt.tsx",
      method: "GET",
      path: () => `/staff/complaints/${ownComplaint}/receipt`,
      params: () => ({ id: String(ownComplaint) }),
      expected: communeStaff,
    },
    "GET /staff/complaints/other/receipt": {
      action: "commune.read",
      scope: "other",
      module: "staff.complaints.$id_.receipt.tsx",
      method: "GET",
      path: () => `/staff/complaints/${otherComplaint}/receipt`,
      params: () => ({ id: String(otherComplaint) }),
      expected: { anonymous: 302, official: 404, front: 404, council: 200, admin: 200, unit: 404 },
    },
    "GET /staff/acknowledge": {
      action: "complaint.reply",
      module: "staff.acknowledge.tsx",
      method: "GET",
      path: () => "/staff/acknowledge",
      expected: { anonymous: 302, official: 302, front: 403, council: 403, admin: 403, unit: 403 },
    },
    "POST /staff/acknowledge": {
      action: "complaint.reply",
      module: "staff.acknowledge.tsx",
      method: "POST",
      path: () => "/staff/acknowledge",
      body: () => ({ ids: String(ownComplaint) }),
      expected: { anonymous: 302, official: 303, front: 403, council: 403, admin: 403, unit: 403 },
    },
    "GET /staff/unit": {
      action: "forwarded.handle",
      module: "staff.unit._index.tsx",
      method: "GET",
      path: () => "/staff/unit",
      expected: unitOnly(200),
    },
    // Residents' personal data (issue 21): the requests queue (officials answer, administrators
    // read), the contact access log and the retention settings (administrators).
    "GET /staff/privacy": {
      action: "privacy.queue",
      module: "staff.privacy._index.tsx",
      method: "GET",
      path: () => "/staff/privacy",
      expected: { anonymous: 302, official: 200, front: 403, council: 403, admin: 200, unit: 403 },
    },
    "POST /staff/privacy": {
      action: "privacy.answer",
      module: "staff.privacy._index.tsx",
      method: "POST",
      path: () => "/staff/privacy",
      body: () => ({ intent: "answer" }),
      expected: { anonymous: 302, official: 400, front: 403, council: 403, admin: 403, unit: 403 },
    },
    "GET /staff/privacy/access": {
      action: "privacy.admin",
      module: "staff.privacy.access.tsx",
      method: "GET",
      path: () => "/staff/privacy/access",
      expected: adminRead,
    },
    "GET /staff/privacy/settings": {
      action: "privacy.admin",
      module: "staff.privacy.settings.tsx",
      method: "GET",
      path: () => "/staff/privacy/settings",
      expected: adminRead,
    },
    "POST /staff/privacy/settings": {
      action: "privacy.admin",
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
      action: "contact.open",
      scope: "own",
      refusedByRecord: ["unit"],
      module: "staff.complaints.$id_.contact.tsx",
      method: "GET",
      path: () => `/staff/complaints/${ownComplaint}/contact`,
      params: () => ({ id: String(ownComplaint) }),
      expected: { anonymous: 302, official: 200, front: 403, council: 403, admin: 403, unit: 404 },
    },
    "GET /staff/complaints/forwarded/contact": {
      action: "contact.open",
      scope: "own",
      module: "staff.complaints.$id_.contact.tsx",
      method: "GET",
      path: () => `/staff/complaints/${forwardedComplaint}/contact`,
      params: () => ({ id: String(forwardedComplaint) }),
      expected: { anonymous: 302, official: 200, front: 403, council: 403, admin: 403, unit: 200 },
    },
    "POST /staff/complaints/:id/contact": {
      action: "contact.open",
      scope: "own",
      refusedByRecord: ["unit"],
      module: "staff.complaints.$id_.contact.tsx",
      method: "POST",
      path: () => `/staff/complaints/${ownComplaint}/contact`,
      params: () => ({ id: String(ownComplaint) }),
      expected: { anonymous: 302, official: 200, front: 403, council: 403, admin: 403, unit: 404 },
    },
    "GET /staff/unit/forwarded": {
      action: "forwarded.handle",
      module: "staff.unit.$id.tsx",
      method: "GET",
      path: () => `/staff/unit/${forwardedComplaint}`,
      params: () => ({ id: String(forwardedComplaint) }),
      expected: unitOnly(200),
    },
    "GET /staff/unit/not-forwarded": {
      action: "forwarded.handle",
      scope: "missing",
      module: "staff.unit.$id.tsx",
      method: "GET",
      path: () => `/staff/unit/${ownComplaint}`,
      params: () => ({ id: String(ownComplaint) }),
      expected: unitOnly(404),
    },
    "POST /staff/unit/not-forwarded": {
      action: "forwarded.handle",
      scope: "missing",
      module: "staff.unit.$id.tsx",
      method: "POST",
      path: () => `/staff/unit/${otherComplaint}`,
      params: () => ({ id: String(otherComplaint) }),
      body: () => ({ intent: "accept" }),
      expected: unitOnly(404),
    },
    // Another commune's complaint answers as a missing one would: its existence is not told.
    "GET /staff/complaints/other": {
      action: "commune.read",
      scope: "other",
      module: "staff.complaints.$id.tsx",
      method: "GET",
      path: () => `/staff/complaints/${otherComplaint}`,
      params: () => ({ id: String(otherComplaint) }),
      expected: { anonymous: 302, official: 404, front: 404, council: 200, admin: 200, unit: 404 },
    },
    "POST /staff/complaints/own": {
      action: "complaint.reply",
      scope: "own",
      module: "staff.complaints.$id.tsx",
      method: "POST",
      path: () => `/staff/complaints/${ownComplaint}`,
      params: () => ({ id: String(ownComplaint) }),
      body: () => ({ intent: "note", body: "ghi chú" }),
      expected: { anonymous: 302, official: 303, front: 403, council: 403, admin: 403, unit: 404 },
    },
    "POST /staff/complaints/other": {
      action: "complaint.reply",
      scope: "other",
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
    // Every signed-in user may end all their sessions (the matrix signs them in again after).
    "POST /staff/sign-out-everywhere": {
      module: "staff_.sign-out-everywhere.tsx",
      method: "POST",
      path: () => "/staff/sign-out-everywhere",
      body: () => ({}),
      expected: { anonymous: 302, official: 303, front: 303, council: 303, admin: 303, unit: 303 },
    },
    "GET /staff/sign-out-everywhere": {
      module: "staff_.sign-out-everywhere.tsx",
      method: "GET",
      path: () => "/staff/sign-out-everywhere",
      expected: { anonymous: 302, official: 302, front: 302, council: 302, admin: 302, unit: 302 },
    },
    "GET /staff/posters": {
      module: "staff.posters._index.tsx",
      method: "GET",
      path: () => "/staff/posters",
      expected: staffOnly,
    },
    "GET /staff/posters/print own": {
      action: "commune.read",
      scope: "own",
      module: "staff.posters.print.tsx",
      method: "GET",
      path: () => `/staff/posters/print?slug=${OWN}`,
      expected: { ...staffOnly, unit: 404 },
    },
    // Posters of another commune are not there for a commune-scoped account.
    "GET /staff/posters/print other": {
      action: "commune.read",
      scope: "other",
      module: "staff.posters.print.tsx",
      method: "GET",
      path: () => `/staff/posters/print?slug=${OTHER}`,
      expected: { anonymous: 302, official: 404, front: 404, council: 200, admin: 200, unit: 404 },
    },
    "GET /staff/two-factor": {
      action: "twoFactor.use",
      module: "staff.two-factor.tsx",
      method: "GET",
      path: () => "/staff/two-factor",
      expected: { anonymous: 302, official: 403, front: 403, council: 200, admin: 200, unit: 403 },
    },
    // Two-step sign-in is for administrators and council members: an empty form gets as far as a 400.
    "POST /staff/two-factor": {
      action: "twoFactor.use",
      module: "staff.two-factor.tsx",
      method: "POST",
      path: () => "/staff/two-factor",
      body: () => ({}),
      expected: { anonymous: 302, official: 403, front: 403, council: 400, admin: 400, unit: 403 },
    },
    "GET /staff/slips/:id": {
      action: "round.run",
      scope: "own",
      module: "staff_.slips.$id.tsx",
      method: "GET",
      path: () => `/staff/slips/${ownBatch}`,
      params: () => ({ id: String(ownBatch) }),
      expected: { anonymous: 302, official: 403, front: 200, council: 403, admin: 200, unit: 403 },
    },
    "GET /staff/map": { module: "staff.map.tsx", method: "GET", path: () => "/staff/map", expected: staffOnly },
    // Works (issue 22): officials import their own communes' lists, administrators every commune.
    "GET /staff/works/import": {
      action: "works.import",
      module: "staff.works.import.tsx",
      method: "GET",
      path: () => "/staff/works/import",
      expected: { anonymous: 302, official: 200, front: 403, council: 403, admin: 200, unit: 403 },
    },
    // Not a multipart upload: refused with 400 after the guard, nothing written.
    "POST /staff/works/import": {
      action: "works.import",
      module: "staff.works.import.tsx",
      method: "POST",
      path: () => "/staff/works/import",
      body: () => ({ intent: "preview" }),
      expected: { anonymous: 302, official: 400, front: 403, council: 403, admin: 400, unit: 403 },
    },
    // The supervision board's inspections (issue 22 point 5): the Front for its communes,
    // administrators for any; another commune's work is as missing as one that does not exist.
    "GET /staff/works": {
      action: "work.inspect",
      module: "staff.works._index.tsx",
      method: "GET",
      path: () => "/staff/works",
      expected: { anonymous: 302, official: 403, front: 200, council: 403, admin: 200, unit: 403 },
    },
    "GET /staff/works/:id/inspect": {
      action: "work.inspect",
      scope: "own",
      module: "staff.works.$id.inspect.tsx",
      method: "GET",
      path: () => `/staff/works/${ownWork}/inspect`,
      params: () => ({ id: String(ownWork) }),
      expected: { anonymous: 302, official: 403, front: 200, council: 403, admin: 200, unit: 403 },
    },
    "GET /staff/works/other/inspect": {
      action: "work.inspect",
      scope: "other",
      module: "staff.works.$id.inspect.tsx",
      method: "GET",
      path: () => `/staff/works/${otherWork}/inspect`,
      params: () => ({ id: String(otherWork) }),
      expected: { anonymous: 302, official: 403, front: 404, council: 403, admin: 200, unit: 403 },
    },
    // Not a multipart form: the allowed roles get as far as the form's 400, nothing written.
    "POST /staff/works/:id/inspect": {
      action: "work.inspect",
      scope: "own",
      module: "staff.works.$id.inspect.tsx",
      method: "POST",
      path: () => `/staff/works/${ownWork}/inspect`,
      params: () => ({ id: String(ownWork) }),
      body: () => ({ inspectedOn: "2026-01-01", inspectors: "Ban", findings: "Không ghi được.", verdict: "good" }),
      expected: { anonymous: 302, official: 403, front: 400, council: 403, admin: 400, unit: 403 },
    },
    "POST /staff/works/other/inspect": {
      action: "work.inspect",
      scope: "other",
      module: "staff.works.$id.inspect.tsx",
      method: "POST",
      path: () => `/staff/works/${otherWork}/inspect`,
      params: () => ({ id: String(otherWork) }),
      body: () => ({}),
      expected: { anonymous: 302, official: 403, front: 404, council: 403, admin: 400, unit: 403 },
    },
    // The board's own photos: the Front of the commune and administrators; never the officials.
    "GET /staff/works/:id/inspections/:inspectionId/photos/:n": {
      action: "inspectionPhoto.redact",
      scope: "own",
      module: "staff.works.$id.inspections.$inspectionId.photos.$n.tsx",
      method: "GET",
      path: () => `/staff/works/${ownWork}/inspections/${ownInspection}/photos/0`,
      params: () => ({ id: String(ownWork), inspectionId: String(ownInspection), n: "0" }),
      expected: { anonymous: 302, official: 403, front: 200, council: 403, admin: 200, unit: 403 },
    },
    "GET /staff/works/other/inspections/:inspectionId/photos/:n": {
      action: "inspectionPhoto.redact",
      scope: "other",
      module: "staff.works.$id.inspections.$inspectionId.photos.$n.tsx",
      method: "GET",
      path: () => `/staff/works/${otherWork}/inspections/${otherInspection}/photos/0`,
      params: () => ({ id: String(otherWork), inspectionId: String(otherInspection), n: "0" }),
      expected: { anonymous: 302, official: 403, front: 404, council: 403, admin: 200, unit: 403 },
    },
    // No rectangle: the allowed roles get as far as the form's 400, nothing changed.
    "POST /staff/works/:id/inspections/:inspectionId/photos/:n": {
      action: "inspectionPhoto.redact",
      scope: "own",
      module: "staff.works.$id.inspections.$inspectionId.photos.$n.tsx",
      method: "POST",
      path: () => `/staff/works/${ownWork}/inspections/${ownInspection}/photos/0`,
      params: () => ({ id: String(ownWork), inspectionId: String(ownInspection), n: "0" }),
      body: () => ({}),
      expected: { anonymous: 302, official: 403, front: 400, council: 403, admin: 400, unit: 403 },
    },
    "POST /staff/works/other/inspections/:inspectionId/photos/:n": {
      action: "inspectionPhoto.redact",
      scope: "other",
      module: "staff.works.$id.inspections.$inspectionId.photos.$n.tsx",
      method: "POST",
      path: () => `/staff/works/${otherWork}/inspections/${otherInspection}/photos/0`,
      params: () => ({ id: String(otherWork), inspectionId: String(otherInspection), n: "0" }),
      body: () => ({}),
      expected: { anonymous: 302, official: 403, front: 404, council: 403, admin: 400, unit: 403 },
    },
    "GET /staff/council/works": {
      action: "council.read",
      module: "staff.council.works.tsx",
      method: "GET",
      path: () => "/staff/council/works?criterion=roads",
      expected: councilRead,
    },
    "GET /staff/works/template.xlsx": {
      action: "works.import",
      module: "staff.works.template[.]xlsx.tsx",
      method: "GET",
      path: () => "/staff/works/template.xlsx",
      expected: { anonymous: 302, official: 200, front: 403, council: 403, admin: 200, unit: 403 },
    },
    "GET /staff/council/export.xlsx": {
      action: "council.read",
      module: "staff.council.export[.]xlsx.tsx",
      method: "GET",
      path: () => "/staff/council/export.xlsx",
      expected: councilRead,
    },
    "GET /staff/council": {
      action: "council.read",
      module: "staff.council._index.tsx",
      method: "GET",
      path: () => "/staff/council",
      expected: councilRead,
    },
    "GET /staff/council/export": {
      action: "council.read",
      module: "staff.council.export.tsx",
      method: "GET",
      path: () => "/staff/council/export",
      expected: councilRead,
    },
    "GET /staff/council/:slug": {
      action: "council.read",
      module: "staff.council.$slug.tsx",
      method: "GET",
      path: () => `/staff/council/${OWN}`,
      params: () => ({ slug: OWN }),
      expected: councilRead,
    },
    "POST /staff/council/:slug": {
      action: "council.review",
      module: "staff.council.$slug.tsx",
      method: "POST",
      path: () => `/staff/council/${OWN}`,
      params: () => ({ slug: OWN }),
      body: () => ({ verdict: "defer", reason: "Cần thêm ý kiến người dân." }),
      expected: { anonymous: 302, official: 403, front: 403, council: 303, admin: 403, unit: 403 },
    },
    "GET /staff/rounds": { module: "staff.rounds._index.tsx", method: "GET", path: () => "/staff/rounds", expected: staffOnly },
    "POST /staff/rounds": {
      action: "round.create",
      module: "staff.rounds._index.tsx",
      method: "POST",
      path: () => "/staff/rounds",
      body: () => ({
        name: "Đợt mới",
        purpose: "routine",
        // one after the other, so that no proposal overlaps the one before
        startsOn: vnIsoDay(new Date(Date.now() + (20 + 10 * ++proposalN) * 86_400_000)),
        endsOn: vnIsoDay(new Date(Date.now() + (25 + 10 * proposalN) * 86_400_000)),
        communes: String(ownCommuneId),
      }),
      // Separation of duties (decisions 012, 036): the Front proposes rounds for its communes; an
      // administrator approves them, and so does not propose.
      expected: { anonymous: 302, official: 403, front: 303, council: 403, admin: 403, unit: 403 },
    },
    "POST /staff/rounds/:id/approve": {
      action: "round.approve",
      module: "staff.rounds.$id_.approve.tsx",
      method: "POST",
      path: () => `/staff/rounds/${proposedRound}/approve`,
      params: () => ({ id: String(proposedRound) }),
      // The second signature: an administrator, never the Front that proposed it.
      expected: { anonymous: 302, official: 403, front: 403, council: 403, admin: 303, unit: 403 },
    },
    "GET /staff/register": {
      action: "register.import",
      module: "staff.register.tsx",
      method: "GET",
      path: () => "/staff/register",
      expected: adminRead,
    },
    "POST /staff/register": {
      action: "register.import",
      module: "staff.register.tsx",
      method: "POST",
      path: () => "/staff/register",
      // the guard comes before the body is read: an empty form is the administrator's 400
      expected: { anonymous: 302, official: 403, front: 403, council: 403, admin: 400, unit: 403 },
    },
    "GET /staff/audit": {
      action: "audit.trail",
      module: "staff.audit.tsx",
      method: "GET",
      path: () => "/staff/audit",
      expected: councilRead,
    },
    "GET /staff/rounds/:id": {
      action: "commune.read",
      scope: "own",
      module: "staff.rounds.$id.tsx",
      method: "GET",
      path: () => `/staff/rounds/${ownRound}`,
      params: () => ({ id: String(ownRound) }),
      expected: { ...staffOnly, unit: 403 },
    },
    "POST /staff/rounds/:id": {
      action: "round.run",
      scope: "own",
      module: "staff.rounds.$id.tsx",
      method: "POST",
      path: () => `/staff/rounds/${ownRound}`,
      params: () => ({ id: String(ownRound) }),
      // a whole ballot: a blank cell is refused (issue 23), "-" is no opinion
      body: () => ({
        communeId: String(ownCommuneId),
        b0_code: paperCodes[paperN++],
        ...Object.fromEntries(criterionKeys.map((k, i) => [`b0_${k}`, i === 0 ? "-" : "5"])),
      }),
      // Paper ballots are typed in by the Front or an administrator, never the commune's officials.
      expected: { anonymous: 302, official: 403, front: 303, council: 403, admin: 303, unit: 403 },
    },
    "GET /staff/rounds/:id/export": {
      action: "council.read",
      module: "staff.rounds.$id.export.tsx",
      method: "GET",
      path: () => `/staff/rounds/${closedRound}/export`,
      params: () => ({ id: String(closedRound) }),
      expected: councilRead,
    },
    // Issue 24: the results notice waits for the final count (the round is open: 409); the opening
    // script is there from the start. Every reader of the commune may print them; a unit reads no commune.
    "GET /staff/rounds/:id/notice": {
      action: "commune.read",
      scope: "own",
      module: "staff.rounds.$id_.notice.tsx",
      method: "GET",
      path: () => `/staff/rounds/${ownRound}/notice?commune=${OWN}`,
      params: () => ({ id: String(ownRound) }),
      expected: { anonymous: 302, official: 409, front: 409, council: 409, admin: 409, unit: 404 },
    },
    "GET /staff/rounds/:id/loudspeaker": {
      action: "commune.read",
      scope: "own",
      module: "staff.rounds.$id_.loudspeaker.tsx",
      method: "GET",
      path: () => `/staff/rounds/${ownRound}/loudspeaker?kind=opening`,
      params: () => ({ id: String(ownRound) }),
      expected: { ...staffOnly, unit: 404 },
    },
    "GET /staff/rounds/:id/integrity/:communeId": {
      action: "commune.read",
      scope: "own",
      module: "staff.rounds.$id_.integrity.$communeId.tsx",
      method: "GET",
      path: () => `/staff/rounds/${ownRound}/integrity/${ownCommuneId}`,
      params: () => ({ id: String(ownRound), communeId: String(ownCommuneId) }),
      expected: { ...staffOnly, unit: 403 },
    },
    // Exclusions and re-checks are "run" actions: the Front for its communes, or an administrator.
    // (A routine round cannot be re-checked: the allowed roles get the form's 400.)
    "POST /staff/rounds/:id/integrity/:communeId": {
      action: "round.run",
      scope: "own",
      module: "staff.rounds.$id_.integrity.$communeId.tsx",
      method: "POST",
      path: () => `/staff/rounds/${ownRound}/integrity/${ownCommuneId}`,
      params: () => ({ id: String(ownRound), communeId: String(ownCommuneId) }),
      body: () => ({ intent: "draw" }),
      expected: { anonymous: 302, official: 403, front: 400, council: 403, admin: 400, unit: 403 },
    },
    "GET /staff/users": {
      action: "users.manage",
      module: "staff.users._index.tsx",
      method: "GET",
      path: () => "/staff/users",
      expected: adminRead,
    },
    "POST /staff/users": {
      action: "users.manage",
      module: "staff.users._index.tsx",
      method: "POST",
      path: () => "/staff/users",
      body: () => ({ email: `new${++userN}@test.local`, name: "Mới", role: "council", password: "long enough password" }),
      expected: adminWrite,
    },
    "GET /staff/users/:id": {
      action: "users.manage",
      module: "staff.users.$id.tsx",
      method: "GET",
      path: () => `/staff/users/${someUserId}`,
      params: () => ({ id: String(someUserId) }),
      expected: adminRead,
    },
    "POST /staff/users/:id": {
      action: "users.manage",
      module: "staff.users.$id.tsx",
      method: "POST",
      path: () => `/staff/users/${someUserId}`,
      params: () => ({ id: String(someUserId) }),
      body: () => ({ intent: "password", password: TEST_PASSWORD }),
      expected: adminWrite,
    },
    "GET /staff/api-keys": {
      action: "apiKeys.manage",
      module: "staff.api-keys.tsx",
      method: "GET",
      path: () => "/staff/api-keys",
      expected: adminRead,
    },
    // Issuing a key answers 200 with the key (shown once), not a redirect.
    "POST /staff/api-keys": {
      action: "apiKeys.manage",
      module: "staff.api-keys.tsx",
      method: "POST",
      path: () => "/staff/api-keys",
      body: () => ({ intent: "issue", name: "Ứng dụng thử quyền" }),
      expected: adminRead,
    },
    "GET /staff/settings": {
      action: "settings.edit",
      module: "staff.settings.tsx",
      method: "GET",
      path: () => "/staff/settings",
      expected: adminRead,
    },
    "GET /staff/settings (index)": {
      action: "settings.edit",
      module: "staff.settings._index.tsx",
      method: "GET",
      path: () => "/staff/settings",
      expected: { anonymous: 302, official: 403, front: 403, council: 403, admin: 302, unit: 403 },
    },
    "GET /staff/settings/thresholds": {
      action: "settings.edit",
      module: "staff.settings.thresholds.tsx",
      method: "GET",
      path: () => "/staff/settings/thresholds",
      expected: adminRead,
    },
    "POST /staff/settings/thresholds": {
      action: "settings.edit",
      module: "staff.settings.thresholds.tsx",
      method: "POST",
      path: () => "/staff/settings/thresholds",
      body: () => thresholdsBody,
      expected: adminWrite,
    },
    "GET /staff/settings/complaints": {
      action: "settings.edit",
      module: "staff.settings.complaints.tsx",
      method: "GET",
      path: () => "/staff/settings/complaints",
      expected: adminRead,
    },
    "POST /staff/settings/complaints": {
      action: "settings.edit",
      module: "staff.settings.complaints.tsx",
      method: "POST",
      path: () => "/staff/settings/complaints",
      body: () => ({ intent: "officeHours", officeHours: "07:30-11:30, 13:30-17:00" }),
      expected: adminWrite,
    },
    "GET /staff/settings/integrity": {
      action: "settings.edit",
      module: "staff.settings.integrity.tsx",
      method: "GET",
      path: () => "/staff/settings/integrity",
      expected: adminRead,
    },
    "POST /staff/settings/integrity": {
      action: "settings.edit",
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
      action: "settings.edit",
      module: "staff.settings.recognitions.tsx",
      method: "GET",
      path: () => "/staff/settings/recognitions",
      expected: adminRead,
    },
    "POST /staff/settings/recognitions": {
      action: "settings.edit",
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

  // The matrix and the permission table say the same: for each entry, the roles the table allows
  // are exactly the roles the matrix expects to get past the guard, and the route names its action.
  it("lets through exactly the roles that the permission table allows", async () => {
    const otherCommuneId = (await prisma.commune.findUniqueOrThrow({ where: { slug: OTHER } })).id;
    const disagreements: string[] = [];
    for (const [route, entry] of Object.entries(matrix)) {
      const source = fs.readFileSync(path.join(ROUTES_DIR, entry.module), "utf8");
      if (entry.action && !source.includes(`"${entry.action}"`))
        disagreements.push(`${route}: no "${entry.action}" in the module`);
      for (const who of Object.keys(entry.expected) as Who[]) {
        if (who === "anonymous") continue;
        const actor = { role: who, communes: who === "official" || who === "front" ? [{ id: ownCommuneId }] : [] };
        const communeId = entry.scope === "own" ? ownCommuneId : entry.scope === "other" ? otherCommuneId : undefined;
        const allowed = entry.action ? can(actor, entry.action, communeId) : true;
        const status = entry.expected[who];
        const agrees = entry.refusedByRecord?.includes(who)
          ? allowed && status === 404
          : entry.scope === "missing"
            ? status === (allowed ? 404 : 403)
            : allowed === (status !== 403 && status !== 404);
        if (!agrees) disagreements.push(`${route} as ${who}: table ${allowed ? "allows" : "refuses"}, matrix ${status}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  /** The account of a session cookie (to give it a new session after "sign out everywhere"). */
  async function userOf(cookie: string): Promise<number> {
    const id = await sessionCookie.parse(cookie);
    return (await prisma.session.findUniqueOrThrow({ where: { id }, select: { userId: true } })).userId;
  }
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
        const signedOut = route === "POST /staff/sign-out-everywhere" && cookies[who] ? await userOf(cookies[who]) : null;
        const res = await run(entry, cookies[who]);
        expect(res.status).toBe(entry.expected[who]);
        if (signedOut) cookies[who] = (await sessionCookie.serialize(await startSession({ userId: signedOut }))).split(";")[0];
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
