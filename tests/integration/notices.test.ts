// Notices on a commune's pages (issue 24 point 5, decision 039): who may post them, what a notice
// may say and for how long, and that a commune's pages show exactly the current ones.
import { beforeAll, describe, expect, it } from "vitest";
import { action as noticesAction, loader as noticesLoader } from "~/routes/staff.notices";
import { loader as communeLoader } from "~/routes/c.$slug._index";
import { loader as reportLoader } from "~/routes/c.$slug.report";
import { loader as postersLoader } from "~/routes/staff.posters.print";
import { vnIsoDay } from "~/lib/vn-time";
import { prisma } from "~/utils/db.server";
import { context, formRequest, getRequest, settle } from "../fixtures/http";
import { createStaff, signIn } from "../fixtures/staff";

const OWN = "tien-lang";
const OTHER = "kien-thuy";
const DAY = 86_400_000;
let official = "";
let officialId = 0;
let admin = "";
let ownId = 0;
let otherId = 0;

beforeAll(async () => {
  const o = await createStaff("official", [OWN]);
  officialId = o.id;
  official = await signIn(o.email);
  admin = await signIn((await createStaff("admin")).email);
  ownId = (await prisma.commune.findUniqueOrThrow({ where: { slug: OWN } })).id;
  otherId = (await prisma.commune.findUniqueOrThrow({ where: { slug: OTHER } })).id;
});

const today = () => vnIsoDay(new Date());
const inDays = (n: number) => vnIsoDay(new Date(Date.now() + n * DAY));
const post = (body: Record<string, string>, cookie = official) =>
  settle(() => noticesAction({ request: formRequest("/staff/notices", body, { cookie }), params: {}, context: context() }));
const notice = (over: Record<string, string> = {}) => ({
  intent: "post",
  communeId: String(ownId),
  text: "Cắt nước sạch toàn xã để sửa đường ống, từ 8 giờ đến 17 giờ.",
  startDay: today(),
  endDay: inDays(2),
  ...over,
});
const countNotices = () => prisma.areaNotice.count();

async function publicNoticeTexts(slug: string): Promise<{ page: string[]; form: string[] }> {
  const page = await (
    await settle(() => communeLoader({ request: getRequest(`/c/${slug}`), params: { slug }, context: context() }))
  ).json();
  const form = await (
    await settle(() => reportLoader({ request: getRequest(`/c/${slug}/report`), params: { slug }, context: context() }))
  ).json();
  return {
    page: page.notices.map((n: { text: string }) => n.text),
    form: form.notices.map((n: { text: string }) => n.text),
  };
}

describe("posting a notice", () => {
  it("refuses empty text, a last day before the first, more than 280 characters, a first day in the past or more than 60 days: 400 next to the field, input kept, nothing written", async () => {
    const before = await countNotices();
    const audits = await prisma.auditEvent.count({ where: { action: "notice_posted" } });
    const cases: [Record<string, string>, Record<string, string>][] = [
      [notice({ text: "   " }), { text: "notices.errors.textRequired" }],
      [notice({ text: "Đ".repeat(281) }), { text: "notices.errors.textTooLong" }],
      [notice({ startDay: inDays(5), endDay: inDays(3) }), { endDay: "notices.errors.endBeforeStart" }],
      [notice({ startDay: inDays(-1) }), { startDay: "notices.errors.startPast" }],
      [notice({ endDay: inDays(60) }), { endDay: "notices.errors.tooLong" }],
      [notice({ endDay: "" }), { endDay: "notices.errors.endRequired" }],
    ];
    for (const [body, errors] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(errors)).toBe(400);
      const data = await res.json();
      expect(data.fieldErrors).toEqual(errors);
      expect(data.values.text).toBe(body.text);
      expect(data.values.endDay).toBe(body.endDay);
    }
    expect(await countNotices()).toBe(before);
    expect(await prisma.auditEvent.count({ where: { action: "notice_posted" } })).toBe(audits);
    // 280 characters and 60 days (the first day counted) are allowed.
    expect((await post(notice({ text: "Đ".repeat(280), endDay: inDays(59) }))).status).toBe(303);
  });

  it("an official cannot post for another commune (403) nor end its notices; an administrator can", async () => {
    const before = await countNotices();
    expect((await post(notice({ communeId: String(otherId) }))).status).toBe(403);
    expect(await countNotices()).toBe(before);
    expect((await post(notice({ communeId: String(otherId), text: "Bão số 3: đóng đường đê." }), admin)).status).toBe(303);
    const theirs = await prisma.areaNotice.findFirstOrThrow({ where: { communeId: otherId }, orderBy: { id: "desc" } });
    expect((await post({ intent: "end", noticeId: String(theirs.id) })).status).toBe(403);
    expect((await prisma.areaNotice.findUniqueOrThrow({ where: { id: theirs.id } })).removedAt).toBeNull();
    // The official's page lists only their own commune's notices.
    const page = await (
      await settle(() =>
        noticesLoader({ request: getRequest("/staff/notices", { cookie: official }), params: {}, context: context() }),
      )
    ).json();
    expect(page.open.every((n: { communeId: number }) => n.communeId === ownId)).toBe(true);
    expect(page.communes).toEqual([{ id: ownId, name: expect.any(String) }]);
    expect(page.today).toBe(today());
  });
});

describe("showing notices", () => {
  it("shows a current notice on the commune page, the report form and the poster; never an expired, a future or an ended one", async () => {
    const slug = "vinh-hai";
    const commune = await prisma.commune.findUniqueOrThrow({ where: { slug } });
    const now = Date.now();
    await prisma.areaNotice.createMany({
      data: [
        { communeId: commune.id, text: "Đã hết hạn hôm qua.", startsAt: new Date(now - 5 * DAY), endsAt: new Date(now - DAY) },
        { communeId: commune.id, text: "Bắt đầu tuần sau.", startsAt: new Date(now + 7 * DAY), endsAt: new Date(now + 9 * DAY) },
        {
          communeId: commune.id,
          text: "Đã kết thúc sớm.",
          startsAt: new Date(now - DAY),
          endsAt: new Date(now + DAY),
          removedAt: new Date(now - 1000),
        },
      ],
    });
    expect(await publicNoticeTexts(slug)).toEqual({ page: [], form: [] });

    const adminCookie = admin;
    const text = 'Đường trục xã đóng <b>đến hết</b> ngày mai & "vòng" qua thôn 2.';
    expect((await post(notice({ communeId: String(commune.id), text, endDay: inDays(1) }), adminCookie)).status).toBe(303);
    expect(await publicNoticeTexts(slug)).toEqual({ page: [text], form: [text] });
    const posters = await (
      await settle(() =>
        postersLoader({
          request: getRequest(`/staff/posters/print?slug=${slug}`, { cookie: adminCookie }),
          params: {},
          context: context(),
        }),
      )
    ).json();
    expect(posters.posters[0].notices.lines.map((l: { text: string }) => l.text)).toEqual([text]);
    expect(posters.posters[0].notices.lines[0].until).toBe(`(đến hết ngày ${inDays(1).split("-").reverse().join("/")})`);

    // Ended early: gone at once from every page; audited, with who.
    const posted = await prisma.areaNotice.findFirstOrThrow({ where: { communeId: commune.id, text } });
    expect((await post({ intent: "end", noticeId: String(posted.id) }, adminCookie)).status).toBe(303);
    expect(await publicNoticeTexts(slug)).toEqual({ page: [], form: [] });
    const again = await post({ intent: "end", noticeId: String(posted.id) }, adminCookie);
    expect(again.status).toBe(409);
    const audits = await prisma.auditEvent.findMany({
      where: { action: { in: ["notice_posted", "notice_ended"] }, communeId: commune.id },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual(["notice_posted", "notice_ended"]);
    expect(JSON.parse(audits[1].detail!)).toEqual({ noticeId: posted.id });
  });

  it("an official's notice for today starts at once and ends at the end of its last day, Vietnam time", async () => {
    const before = new Date();
    expect((await post(notice({ text: "Tiêm phòng cho đàn gia cầm tại nhà văn hoá.", endDay: today() }))).status).toBe(303);
    const n = await prisma.areaNotice.findFirstOrThrow({ where: { communeId: ownId }, orderBy: { id: "desc" } });
    expect(n.createdById).toBe(officialId);
    expect(n.startsAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(n.startsAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(n.endsAt.toISOString()).toBe(new Date(new Date(`${today()}T00:00:00+07:00`).getTime() + DAY).toISOString());
    expect((await publicNoticeTexts(OWN)).page).toContain("Tiêm phòng cho đàn gia cầm tại nhà văn hoá.");
  });
});
