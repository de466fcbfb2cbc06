// Residents' personal data (issue 21): no contact without consent, retention erases exactly what is
// due (answers' figures unchanged), requests with deadlines on the working calendar, the contact
// access log, and council and Front accounts never getting a contact (issue 26).
import { describe, expect, it } from "vitest";
import { action as reportAction } from "~/routes/c.$slug.report";
import { loader as staffLoader } from "~/routes/staff.complaints.$id";
import { action as contactAction } from "~/routes/staff.complaints.$id_.contact";
import { loader as accessLoader } from "~/routes/staff.privacy.access";
import { action as queueAction, loader as queueLoader } from "~/routes/staff.privacy._index";
import { action as rightsAction, loader as rightsLoader } from "~/routes/t.$code_.privacy";
import { createComplaint } from "~/models/complaint/filing.server";
import { createPrivacyRequest, ERASED_TEXT, listPrivacyRequests } from "~/models/privacy/requests.server";
import { eraseDue } from "~/models/privacy/retention.server";
import { startRetentionJob } from "~/services/retention.server";
import { RETENTION_DEFAULTS } from "~/lib/privacy";
import { prisma } from "~/utils/db.server";
import { context, formRequest, getRequest, ORIGIN, settle } from "../fixtures/http";
import { createStaff, signIn } from "../fixtures/staff";

const SLUG = "vinh-bao";
const DAY = 86_400_000;
let ip = 0;
const nextIp = () => `198.51.100.${++ip}`;

function reportRequest(fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return new Request(`${ORIGIN}/c/${SLUG}/report`, { method: "POST", body: form, headers: { Origin: ORIGIN } });
}

const fields = {
  category: "roads",
  text: "Đường trục thôn bị lún, nhiều ổ gà nguy hiểm.",
  village: "Thôn 3",
  phone: "0912345678",
  email: "dan@example.vn",
};

async function file(extra: Record<string, string> = {}) {
  const res = await settle(() =>
    reportAction({ request: reportRequest({ ...fields, ...extra }), params: { slug: SLUG }, context: context(nextIp()) }),
  );
  expect(res.status).toBe(303);
  const code = res.headers.get("Location")!.match(/^\/t\/([A-Z2-9-]+)\?new=1$/)![1];
  return prisma.complaint.findUniqueOrThrow({
    where: { code },
    include: { subscriptions: true, consents: true },
  });
}

async function communeId() {
  return (await prisma.commune.findUniqueOrThrow({ where: { slug: SLUG } })).id;
}

describe("consent where the contact is collected", () => {
  it("files the report without the box ticked and stores no contact, no subscription, no consent", async () => {
    const c = await file();
    expect(c.contact).toBeNull();
    expect(c.subscriptions).toHaveLength(0);
    expect(c.consents).toHaveLength(0);
    expect(c.text).toBe(fields.text);
  });

  it("with the box ticked stores the contact with the consent's notice version and time", async () => {
    const before = Date.now();
    const c = await file({ consent: "on" });
    expect(c.contact).toContain("0912345678");
    expect(c.subscriptions).toHaveLength(1);
    expect(c.consents).toHaveLength(1);
    expect(c.consents[0]).toMatchObject({ source: "report", withdrawnAt: null });
    expect(c.consents[0].noticeVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(c.consents[0].givenAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("a forged consent value is a 400 and stores nothing", async () => {
    const n = await prisma.complaint.count();
    const res = await settle(() =>
      reportAction({ request: reportRequest({ ...fields, consent: "yes" }), params: { slug: SLUG }, context: context(nextIp()) }),
    );
    expect(res.status).toBe(400);
    expect(await prisma.complaint.count()).toBe(n);
  });
});

describe("the resident's rights with the tracking code", () => {
  it("shows the contact masked, and withdrawing erases it at once (with an audit event)", async () => {
    const c = await file({ consent: "on" });
    const page = await (
      await settle(() =>
        rightsLoader({ request: getRequest(`/t/${c.code}/privacy`), params: { code: c.code }, context: context(nextIp()) }),
      )
    ).json();
    expect(page.held.hasContact).toBe(true);
    expect(JSON.stringify(page)).not.toContain("0912345678");
    expect(JSON.stringify(page)).not.toContain("dan@example.vn");
    const res = await settle(() =>
      rightsAction({
        request: formRequest(`/t/${c.code}/privacy`, { intent: "withdraw" }),
        params: { code: c.code },
        context: context(nextIp()),
      }),
    );
    expect(res.status).toBe(303);
    const after = await prisma.complaint.findUniqueOrThrow({
      where: { id: c.id },
      include: { subscriptions: true, consents: true },
    });
    expect(after.contact).toBeNull();
    expect(after.subscriptions).toHaveLength(0);
    expect(after.consents[0].withdrawnAt).not.toBeNull();
    expect(
      await prisma.auditEvent.count({ where: { action: "consent_withdrawn", detail: { contains: `"complaintId":${c.id}` } } }),
    ).toBe(1);
  });

  it("a request gets a deadline of 10 working days, shows in the officials' queue, turns overdue, and its answer is an audit event", async () => {
    const official = await createStaff("official", [SLUG]);
    const cookie = await signIn(official.email);
    const c = await file({ consent: "on" });
    // Filed on Friday 4 December 2026, 09:00 Vietnam time: ten working days end on Friday 18 December.
    const at = new Date("2026-12-04T02:00:00Z");
    const req = await createPrivacyRequest({ code: c.code, kind: "erasure", detail: "Xin xoá ảnh có mặt tôi.", now: at });
    if (!req.ok) throw new Error(req.reason);
    expect(req.dueAt.toISOString()).toBe("2026-12-18T02:00:00.000Z");
    // The same kind again while the first is open is refused.
    const again = await settle(() =>
      rightsAction({
        request: formRequest(`/t/${c.code}/privacy`, { intent: "erasure", detail: "Lần nữa." }),
        params: { code: c.code },
        context: context(nextIp()),
      }),
    );
    expect(again.status).toBe(409);

    const queue = await (
      await settle(() => queueLoader({ request: getRequest("/staff/privacy", { cookie }), params: {}, context: context() }))
    ).json();
    expect(queue.queue.open.find((r: { id: number }) => r.id === req.id)).toMatchObject({ kind: "erasure" });
    // Overdue once the deadline has passed, as in the inbox.
    const flag = async (now: string) =>
      (await listPrivacyRequests({ communeIds: [c.communeId], now: new Date(now) })).open.find((r) => r.id === req.id)?.overdue;
    expect(await flag("2026-12-18T01:59:00Z")).toBe(false);
    expect(await flag("2026-12-18T02:01:00Z")).toBe(true);

    await prisma.complaintPhoto.create({
      data: { complaintId: c.id, fileName: `privacy-${c.id}.jpg`, width: 10, height: 10, bytes: 10 },
    });
    const answered = await settle(() =>
      queueAction({
        request: formRequest(
          "/staff/privacy",
          { intent: "answer", requestId: String(req.id), outcome: "done", answer: "Đã xoá.", text: "" },
          { cookie },
        ),
        params: {},
        context: context(),
      }),
    );
    expect(answered.status).toBe(303);
    const after = await prisma.complaint.findUniqueOrThrow({ where: { id: c.id }, include: { photos: true } });
    expect(after.text).toBe(ERASED_TEXT);
    expect(after.photos).toHaveLength(0);
    expect(after.status).toBe("new");
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "privacy_request_answered", actorId: official.id },
    });
    expect(JSON.parse(audit.detail!)).toMatchObject({ requestId: req.id, kind: "erasure", outcome: "done", photosErased: 1 });
    // Answered once.
    const twice = await settle(() =>
      queueAction({
        request: formRequest(
          "/staff/privacy",
          { intent: "answer", requestId: String(req.id), outcome: "refused", answer: "Không." },
          { cookie },
        ),
        params: {},
        context: context(),
      }),
    );
    expect(twice.status).toBe(409);
  });

  it("an official of another commune cannot answer", async () => {
    const c = await file({ consent: "on" });
    const req = await createPrivacyRequest({ code: c.code, kind: "correction", detail: "Sửa tên thôn thành Thôn 4." });
    if (!req.ok) throw new Error(req.reason);
    const other = await signIn((await createStaff("official", ["cam-giang"])).email);
    const res = await settle(() =>
      queueAction({
        request: formRequest(
          "/staff/privacy",
          { intent: "answer", requestId: String(req.id), outcome: "done", answer: "Đã sửa." },
          { cookie: other },
        ),
        params: {},
        context: context(),
      }),
    );
    expect(res.status).toBe(403);
    expect((await prisma.privacyRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("open");
  });
});

describe("who looked at a contact", () => {
  it("council and Front accounts get no contact in the page data; an official's 'show contact' is logged and listed for administrators", async () => {
    const c = await file({ consent: "on" });
    const council = await signIn((await createStaff("council")).email);
    const front = await signIn((await createStaff("front", [SLUG])).email);
    const official = await createStaff("official", [SLUG]);
    const officialCookie = await signIn(official.email);
    for (const cookie of [council, front, officialCookie]) {
      const res = await settle(() =>
        staffLoader({
          request: getRequest(`/staff/complaints/${c.id}?_data=routes/staff.complaints.$id`, { cookie }),
          params: { id: String(c.id) },
          context: context(),
        }),
      );
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body).not.toContain("0912345678");
      expect(body).not.toContain("dan@example.vn");
      expect(JSON.parse(body).complaint.hasContact).toBe(true);
    }
    for (const cookie of [council, front]) {
      const res = await settle(() =>
        contactAction({
          request: formRequest(`/staff/complaints/${c.id}/contact`, {}, { cookie }),
          params: { id: String(c.id) },
          context: context(),
        }),
      );
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain("0912345678");
    }
    expect(await prisma.contactAccess.count({ where: { complaintId: c.id } })).toBe(0);

    const opened = await settle(() =>
      contactAction({
        request: formRequest(`/staff/complaints/${c.id}/contact`, {}, { cookie: officialCookie }),
        params: { id: String(c.id) },
        context: context(),
      }),
    );
    expect(opened.status).toBe(200);
    expect((await opened.json()).contact).toContain("0912345678");
    const log = await prisma.contactAccess.findMany({ where: { complaintId: c.id } });
    expect(log).toHaveLength(1);
    expect(log[0].userId).toBe(official.id);

    const admin = await signIn((await createStaff("admin")).email);
    const page = await (
      await settle(() =>
        accessLoader({ request: getRequest("/staff/privacy/access", { cookie: admin }), params: {}, context: context() }),
      )
    ).json();
    expect(page.log.find((a: { complaint: { id: number } }) => a.complaint.id === c.id)).toMatchObject({
      user: { id: official.id },
    });
  });
});

describe("retention", () => {
  it("erases exactly what is due, in batches, and leaves the answers' figures as they are", async () => {
    const cid = await communeId();
    const now = new Date("2027-06-01T00:00:00Z");
    const mk = async (closedDaysAgo: number | null, ageDays: number) => {
      const createdAt = new Date(now.getTime() - ageDays * DAY);
      const { id } = await createComplaint({
        communeId: cid,
        category: "water",
        text: "Nước sinh hoạt có mùi lạ mấy hôm nay.",
        contact: "0987654321",
        notify: { phone: "0987654321" },
        consent: "report",
        ipHash: "hash",
        createdAt,
        photos: [{ fileName: `ret-${ageDays}-${closedDaysAgo}-${Math.random()}.jpg`, width: 1, height: 1, bytes: 1 }],
      });
      if (closedDaysAgo !== null)
        await prisma.complaint.update({
          where: { id },
          data: { status: "resolved", resolvedAt: new Date(now.getTime() - closedDaysAgo * DAY) },
        });
      return id;
    };
    const closedLongAgo = await mk(91, 120); // contact and photo due
    const closedForPhotos = await mk(31, 60); // photo due, contact not yet
    const closedRecently = await mk(5, 10); // nothing due but the address hash
    const open = await mk(null, 200); // open: contact and photo kept whatever its age
    const fresh = await mk(null, 1); // everything kept
    // A survey answer with its ratings: its address hash goes after 180 days, its figures stay.
    const criterion = await prisma.criterion.findFirstOrThrow({ where: { active: true } });
    const answer = await prisma.response.create({
      data: {
        communeId: cid,
        period: "2026-Q3",
        ipHash: "answer-hash",
        createdAt: new Date(now.getTime() - 200 * DAY),
        ratings: { create: { criterionId: criterion.id, score: 5 } },
      },
    });
    const rollups = () =>
      prisma.scoreRollup.findMany({
        where: { communeId: cid },
        orderBy: [{ criterionId: "asc" }, { period: "asc" }, { channel: "asc" }],
      });
    const figuresBefore = await rollups();

    const job = startRetentionJob({ autoStart: false, now: () => now, batchSize: 2, log: () => {} });
    const erased = await job.runOnce();
    expect(erased.contacts).toBeGreaterThanOrEqual(1);
    expect(erased.photos).toBeGreaterThanOrEqual(2);

    const row = (id: number) =>
      prisma.complaint.findUniqueOrThrow({ where: { id }, include: { photos: true, subscriptions: true } });
    const a = await row(closedLongAgo);
    expect([a.contact, a.subscriptions.length, a.photos.length, a.ipHash]).toEqual([null, 0, 0, null]);
    expect(a.status).toBe("resolved");
    const b = await row(closedForPhotos);
    expect([b.contact, b.subscriptions.length, b.photos.length]).toEqual(["0987654321", 1, 0]);
    const c = await row(closedRecently);
    expect([c.contact, c.photos.length, c.ipHash]).toEqual(["0987654321", 1, null]);
    const d = await row(open);
    expect([d.contact, d.photos.length, d.ipHash]).toEqual(["0987654321", 1, null]);
    const e = await row(fresh);
    expect([e.contact, e.photos.length, e.ipHash]).toEqual(["0987654321", 1, "hash"]);

    const answerAfter = await prisma.response.findUniqueOrThrow({ where: { id: answer.id }, include: { ratings: true } });
    expect(answerAfter.ipHash).toBeNull();
    expect(answerAfter.ratings).toEqual([expect.objectContaining({ score: 5 })]);
    expect(await rollups()).toEqual(figuresBefore);

    // A second run finds nothing more due, and the run's counts are recorded.
    const second = await eraseDue({ settings: RETENTION_DEFAULTS, now });
    expect(Object.values(second).every((n) => n === 0)).toBe(true);
    expect(await prisma.auditEvent.count({ where: { action: "retention_run" } })).toBeGreaterThanOrEqual(2);
  });
});
