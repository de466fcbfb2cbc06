// Area news (issue 24 point 4, decision 043): following a commune by e-mail from its page, with
// double opt-in; at most one digest a day (Vietnam day) with the day's reports and answers; the
// stop link; the council members' weekly digest. The clock is moved by passing `now`.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { action as followAction } from "~/routes/c.$slug.follow";
import { action as confirmAction, loader as confirmLoader } from "~/routes/news.confirm.$token";
import { action as stopAction, loader as stopLoader } from "~/routes/news.stop.$token";
import { action as staffAction } from "~/routes/staff.complaints.$id";
import { createComplaint } from "~/models/complaint/filing.server";
import { composeCouncilDigests, composeDailyDigests } from "~/models/news/digest.server";
import { FOLLOW_MAILS_PER_DAY } from "~/utils/rate-limit.server";
import { prisma } from "~/utils/db.server";
import { context, formRequest, getRequest, settle } from "../fixtures/http";
import { createStaff, signIn } from "../fixtures/staff";

const SLUG = "vinh-bao";
let communeId = 0;
let official = "";
let ip = 0;

// A fixed Vietnam day, far from today, so the test owns every event in its windows.
const at = (day: string, hm: string) => new Date(`${day}T${hm}:00+07:00`);
const D = "2027-03-03";
const D1 = "2027-03-04";

beforeAll(async () => {
  communeId = (await prisma.commune.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  official = await signIn((await createStaff("official", [SLUG])).email);
});

beforeEach(async () => {
  await prisma.complaint.deleteMany();
  await prisma.areaFollow.deleteMany();
  await prisma.newsMessage.deleteMany();
});

const call = <F extends (args: never) => Promise<unknown>>(fn: F, request: Request, params: Record<string, string> = {}) =>
  settle(() => (fn as unknown as (a: unknown) => Promise<unknown>)({ request, params, context: context(`198.18.0.${++ip}`) }));

const follow = (fields: Record<string, string>) => call(followAction, formRequest(`/c/${SLUG}/follow`, fields), { slug: SLUG });

const tokenIn = (body: string) => /\/news\/confirm\/([A-Za-z0-9_-]+)/.exec(body)![1];

/** Follows and confirms through the routes; the follow's news then start at `since`. */
async function confirmedFollower(email: string, village = "", since = at(D, "08:00")) {
  expect((await follow({ email, village, consent: "on" })).status).toBe(303);
  const m = await prisma.newsMessage.findFirstOrThrow({ where: { recipient: email, kind: "confirm" } });
  const token = tokenIn(m.body);
  expect((await call(confirmAction, formRequest(`/news/confirm/${token}`, {}), { token })).status).toBe(200);
  await prisma.areaFollow.updateMany({ where: { email }, data: { confirmedAt: since, newsSince: since } });
  return token;
}

async function reportAt(when: Date, text: string, village: string | null = null) {
  const c = await createComplaint({ communeId, category: "environment", text, village });
  await prisma.complaint.update({ where: { id: c.id }, data: { createdAt: when } });
  return c;
}

async function replyAt(id: number, when: Date, body: string) {
  const res = await call(staffAction, formRequest(`/staff/complaints/${id}`, { intent: "reply", body }, { cookie: official }), {
    id: String(id),
  });
  expect(res.status).toBe(303);
  await prisma.complaintEvent.updateMany({ where: { complaintId: id, kind: "reply" }, data: { createdAt: when } });
}

const digestsTo = (email: string) =>
  prisma.newsMessage.findMany({ where: { recipient: email, kind: "daily" }, orderBy: { id: "asc" } });

describe("following a commune's news", () => {
  it("refuses the form without consent or with a bad e-mail (400, input kept, nothing written)", async () => {
    for (const [fields, field, key] of [
      [{ email: "ban@example.vn", village: "Thôn Đông" }, "consent", "privacy:notice.consentRequired"],
      [{ email: "ban@", village: "", consent: "on" }, "email", "news:follow.emailInvalid"],
      [{ email: "", consent: "on" }, "email", "news:follow.emailInvalid"],
    ] as const) {
      const res = await follow(fields);
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.fieldErrors[field]).toBe(key);
      expect(body.values.email).toBe(fields.email);
    }
    expect(await prisma.areaFollow.count()).toBe(0);
    expect(await prisma.newsMessage.count()).toBe(0);
  });

  it("is double opt-in: one confirmation message, no digest before the link is confirmed, consent recorded", async () => {
    const res = await follow({ email: " Ban.Doc@Example.vn ", village: "", consent: "on" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/c/${SLUG}/follow?sent=1`);
    const f = await prisma.areaFollow.findFirstOrThrow();
    expect(f).toMatchObject({ email: "ban.doc@example.vn", confirmedAt: null, noticeVersion: expect.any(String) });
    expect(f.confirmBy.getTime() - f.createdAt.getTime()).toBe(7 * 86_400_000);
    const [m] = await prisma.newsMessage.findMany();
    expect(m).toMatchObject({ kind: "confirm", recipient: "ban.doc@example.vn", subject: "Xác nhận nhận tin khu vực Vĩnh Bảo" });
    expect(m.stopUrl).toMatch(/\/news\/stop\/[A-Za-z0-9_-]{32}$/);

    await reportAt(new Date(), "Bãi rác tự phát cạnh chợ chưa được dọn.");
    expect(await composeDailyDigests({ now: new Date(Date.now() + 60_000), digestHour: 0 })).toBe(0);

    const token = tokenIn(m.body);
    expect((await call(confirmLoader, getRequest(`/news/confirm/${token}`), { token })).status).toBe(200);
    expect((await prisma.areaFollow.findFirstOrThrow()).confirmedAt).toBeNull(); // the GET only asks
    expect((await call(confirmAction, formRequest(`/news/confirm/${token}`, {}), { token })).status).toBe(200);
    expect((await prisma.areaFollow.findFirstOrThrow()).confirmedAt).not.toBeNull();
  });

  it("refuses forged and expired confirmation links with a page (404, 400), not an error", async () => {
    for (const token of ["B".repeat(32), "%%%"]) {
      expect((await call(confirmLoader, getRequest(`/news/confirm/${encodeURIComponent(token)}`), { token })).status).toBe(404);
      expect((await call(confirmAction, formRequest(`/news/confirm/x`, {}), { token })).status).toBe(404);
    }
    await follow({ email: "tre@example.vn", consent: "on" });
    const token = tokenIn((await prisma.newsMessage.findFirstOrThrow()).body);
    await prisma.areaFollow.updateMany({ data: { confirmBy: new Date(Date.now() - 1000) } });
    expect((await call(confirmLoader, getRequest(`/news/confirm/${token}`), { token })).status).toBe(400);
    expect((await call(confirmAction, formRequest(`/news/confirm/${token}`, {}), { token })).status).toBe(400);
    expect((await prisma.areaFollow.findFirstOrThrow()).confirmedAt).toBeNull();
  });

  it("sends no more than the day's few confirmations to one address, with the same answer", async () => {
    for (let i = 0; i < FOLLOW_MAILS_PER_DAY + 2; i++)
      expect((await follow({ email: "nan.nhan@example.vn", consent: "on" })).status).toBe(303);
    expect(await prisma.newsMessage.count({ where: { recipient: "nan.nhan@example.vn" } })).toBe(FOLLOW_MAILS_PER_DAY);
  });
});

describe("the daily digest", () => {
  it("is composed at most once a Vietnam day, from the digest hour, with the day's reports and answers", async () => {
    await confirmedFollower("ca.xa@example.vn");
    await confirmedFollower("thon.dong@example.vn", "Thôn Đông");
    const a = await reportAt(at(D, "09:00"), "Đường liên thôn Đông sụt lún một đoạn dài.", "thôn đông");
    await replyAt(a.id, at(D, "10:00"), "Xã đã cắm biển cảnh báo và sẽ sửa trong tuần.");
    await reportAt(at(D, "09:30"), "Kênh thủy lợi xóm Trại đầy bèo.", "Xóm Trại");

    expect(await composeDailyDigests({ now: at(D, "17:59"), digestHour: 18 })).toBe(0);
    expect(await composeDailyDigests({ now: at(D, "19:00"), digestHour: 18 })).toBe(2);
    const [whole] = await digestsTo("ca.xa@example.vn");
    expect(whole).toMatchObject({ period: D, subject: "Tin khu vực Vĩnh Bảo: 3 tin mới" });
    expect(whole.body).toContain("Đường liên thôn Đông sụt lún một đoạn dài.");
    expect(whole.body).toContain("Kênh thủy lợi xóm Trại đầy bèo.");
    expect(whole.body).toContain("Xã đã cắm biển cảnh báo và sẽ sửa trong tuần.");
    expect(whole.body).toMatch(/Ngừng nhận tin: http:\/\/localhost:\d+\/news\/stop\/[A-Za-z0-9_-]{32}/);
    const [village] = await digestsTo("thon.dong@example.vn");
    expect(village.body).toContain("Đường liên thôn Đông");
    expect(village.body).not.toContain("xóm Trại");

    // Later the same day: the news waits for tomorrow's digest.
    await reportAt(at(D, "20:00"), "Đèn đường ngõ chợ tắt cả tuần.");
    expect(await composeDailyDigests({ now: at(D, "21:00"), digestHour: 18 })).toBe(0);
    expect(await composeDailyDigests({ now: at(D, "23:59"), digestHour: 18 })).toBe(0);
    expect(await digestsTo("ca.xa@example.vn")).toHaveLength(1);
    expect(await composeDailyDigests({ now: at(D1, "18:05"), digestHour: 18 })).toBe(1);
    const next = (await digestsTo("ca.xa@example.vn"))[1];
    expect(next.period).toBe(D1);
    expect(next.body).toContain("Đèn đường ngõ chợ tắt cả tuần.");
    expect(next.body).not.toContain("Đường liên thôn Đông");
    // Run again (or by another process): still one per day.
    expect(await composeDailyDigests({ now: at(D1, "19:00"), digestHour: 18 })).toBe(0);
  });

  it("stops with the link: the follow, its e-mail and its waiting digest are erased", async () => {
    const token = await confirmedFollower("thoi@example.vn");
    await reportAt(at(D, "09:00"), "Cây đổ chắn ngang đường sau bão.");
    expect(await composeDailyDigests({ now: at(D, "19:00"), digestHour: 18 })).toBe(1);
    const page = await call(stopLoader, getRequest(`/news/stop/${token}`), { token });
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain("thoi@example.vn");
    expect(await prisma.areaFollow.count()).toBe(1); // the GET only asks
    const res = await call(stopAction, formRequest(`/news/stop/${token}`, {}), { token });
    expect(res.status).toBe(200);
    expect(await prisma.areaFollow.count()).toBe(0);
    expect(await prisma.newsMessage.count({ where: { recipient: "thoi@example.vn" } })).toBe(0);
    expect((await call(stopAction, formRequest(`/news/stop/${token}`, {}), { token })).status).toBe(404);
  });
});

describe("the council's weekly digest", () => {
  it("goes once a week to each council member with overdue reports per commune and the rounds that closed", async () => {
    const member = await createStaff("council");
    const overdue = await createComplaint({ communeId, category: "roads", text: "Ổ gà lớn giữa đường trục xã.", village: null });
    await prisma.complaint.update({ where: { id: overdue.id }, data: { dueAt: new Date(Date.now() - 86_400_000) } });
    const now = new Date();
    await prisma.surveyRound.create({
      data: {
        name: "Đợt khảo sát thử tuần này",
        purpose: "routine",
        startsAt: new Date(now.getTime() - 5 * 86_400_000),
        endsAt: new Date(now.getTime() - 86_400_000),
        approvedAt: new Date(now.getTime() - 6 * 86_400_000),
        communes: { create: [{ communeId, households: 100 }] },
      },
    });
    expect(await composeCouncilDigests({ now, digestHour: 0 })).toBeGreaterThanOrEqual(1);
    const digest = await prisma.newsMessage.findFirstOrThrow({ where: { userId: member.id, kind: "weekly" } });
    expect(digest.recipient).toBe(member.email);
    expect(digest.stopUrl).toBeNull();
    expect(digest.body).toContain("Vĩnh Bảo: 1");
    expect(digest.body).toContain("Đợt khảo sát thử tuần này (1 xã)");
    expect(digest.body).toContain("Xã mới rơi xuống dưới ngưỡng hài lòng");
    // Idempotent within the week; the next week writes the next one.
    expect(await composeCouncilDigests({ now: new Date(now.getTime() + 60_000), digestHour: 0 })).toBe(0);
    expect(await composeCouncilDigests({ now: new Date(now.getTime() + 7 * 86_400_000), digestHour: 0 })).toBeGreaterThanOrEqual(
      1,
    );
    expect(await prisma.newsMessage.count({ where: { userId: member.id, kind: "weekly" } })).toBe(2);
  });
});
