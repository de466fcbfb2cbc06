// The inbox's default order (issue 12: "the inbox sorts by time left"): least working time left
// first, overdue first, closed reports after; the remembered filters; and "next report" following
// the same order. Real SQLite, loaders called with real Requests.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loader as inboxLoader } from "~/routes/staff._index";
import { action as staffAction, loader as staffLoader } from "~/routes/staff.complaints.$id";
import { createComplaint } from "~/models/complaint/filing.server";
import { getWorkingCalendar } from "~/models/working-calendar.server";
import { addWorkingMinutes } from "~/lib/vn-time";
import { inboxFilterCookie } from "~/utils/cookies.server";
import { prisma } from "~/utils/db.server";
import { context, formRequest, getRequest, settle } from "../fixtures/http";
import { createStaff, signIn } from "../fixtures/staff";

const SLUG = "vinh-bao";
let communeId = 0;
let cookie = "";

beforeAll(async () => {
  communeId = (await prisma.commune.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  cookie = await signIn((await createStaff("official", [SLUG])).email);
});

beforeEach(async () => {
  await prisma.complaint.deleteMany();
});

const inbox = (query: string, extra?: string) =>
  settle(() =>
    inboxLoader({
      request: getRequest(`/staff${query}`, { cookie: [cookie, extra].filter(Boolean).join("; ") }),
      params: {},
      context: context(),
    }),
  );
const ids = async (res: Response) => (await res.json()).inbox.items.map((i: { id: number }) => i.id);

async function file(createdAt: Date) {
  return createComplaint({ communeId, category: "roads", text: "Đường liên thôn bị sụt lún sau mưa lớn.", createdAt });
}

/** Sets the deadline that applies now to `minutes` working minutes from now (negative: that many real minutes ago). */
async function dueIn(id: number, minutes: number) {
  const now = new Date();
  const calendar = await getWorkingCalendar(now);
  const dueAt = minutes >= 0 ? addWorkingMinutes(calendar, now, minutes) : new Date(now.getTime() + minutes * 60_000);
  await prisma.complaint.update({ where: { id }, data: { acknowledgeBy: dueAt, dueAt } });
}

describe("the inbox's default order", () => {
  it("puts a report with 1 working hour left before a newer one with 4 working days left, overdue first, closed last", async () => {
    const calendar = await getWorkingCalendar();
    const oneHour = await file(new Date(Date.now() - 3 * 86_400_000));
    const fourDays = await file(new Date(Date.now() - 60_000));
    const overdue = await file(new Date(Date.now() - 5 * 86_400_000));
    const closed = await file(new Date());
    await dueIn(oneHour.id, 60);
    await dueIn(fourDays.id, 4 * calendar.minutesPerDay);
    await dueIn(overdue.id, -7 * 24 * 60); // a week ago: overdue in working time too
    await prisma.complaint.update({ where: { id: closed.id }, data: { status: "resolved", dueAt: null } });

    const res = await inbox("");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.query.sort).toBe("due");
    expect(body.inbox.items.map((i: { id: number }) => i.id)).toEqual([overdue.id, oneHour.id, fourDays.id, closed.id]);
    expect(body.inbox.items[0]).toMatchObject({ overdue: true, timeLeft: { overdue: true } });
    expect(body.inbox.items[1].timeLeft.overdue).toBe(false);
    expect(body.inbox.items[1].timeLeft.unit).not.toBe("days");
    expect(body.inbox.items[2].timeLeft).toMatchObject({ overdue: false, unit: "days" });
    // Newest and oldest first stay one choice away.
    expect(await ids(await inbox("?sort=newest"))).toEqual([closed.id, fourDays.id, oneHour.id, overdue.id]);
    expect(await ids(await inbox("?sort=oldest"))).toEqual([overdue.id, oneHour.id, fourDays.id, closed.id]);
  });

  it("gives 'due' to an official whose remembered filters say nothing about sort, and to one remembered before it was the default", async () => {
    const older = await file(new Date(Date.now() - 86_400_000));
    const newer = await file(new Date());
    // Filters remembered now, without a sort: the redirect keeps them, the order is "due".
    const saved = (await inbox("?category=roads")).headers.get("Set-Cookie")!.split(";")[0];
    const back = await inbox("", saved);
    expect(back.headers.get("Location")).toBe("/staff?category=roads");
    expect(await ids(await inbox("?category=roads", saved))).toEqual([older.id, newer.id]);
    // A sort chosen now is remembered.
    const chosen = (await inbox("?sort=newest")).headers.get("Set-Cookie")!.split(";")[0];
    expect((await inbox("", chosen)).headers.get("Location")).toBe("/staff?sort=newest");
    // Remembered before (a plain string, where the form always sent sort=newest): the sort is
    // dropped, the other filters kept, and the cookie rewritten in the new form.
    const legacy = (await inboxFilterCookie.serialize("category=roads&sort=newest")).split(";")[0];
    const upgraded = await inbox("", legacy);
    expect(upgraded.status).toBe(302);
    expect(upgraded.headers.get("Location")).toBe("/staff?category=roads");
    const rewritten = upgraded.headers.get("Set-Cookie")!.split(";")[0];
    expect((await inbox("", rewritten)).headers.get("Location")).toBe("/staff?category=roads");
  });
});

describe("next report", () => {
  const page = async (id: number, query = "") =>
    (
      await (
        await settle(() =>
          staffLoader({
            request: getRequest(`/staff/complaints/${id}${query}`, { cookie }),
            params: { id: String(id) },
            context: context(),
          }),
        )
      ).json()
    ).next as { id: number } | null;

  it("goes down the default order while browsing (wrapping round), and to the most urgent other report after an action", async () => {
    const calendar = await getWorkingCalendar();
    const a = await file(new Date(Date.now() - 60_000)); // the newest, but due first
    const b = await file(new Date(Date.now() - 86_400_000));
    const c = await file(new Date(Date.now() - 2 * 86_400_000));
    await dueIn(a.id, 30);
    await dueIn(b.id, 2 * 60);
    await dueIn(c.id, 2 * calendar.minutesPerDay);
    expect((await page(a.id))?.id).toBe(b.id);
    expect((await page(b.id))?.id).toBe(c.id);
    expect((await page(c.id))?.id).toBe(a.id); // wraps round

    // Acknowledging "a" starts its handling clock (days away): next is "b", not what follows
    // "a"'s new deadline.
    const res = await settle(() =>
      staffAction({
        request: formRequest(`/staff/complaints/${a.id}`, { intent: "move", to: "acknowledged", reply: "" }, { cookie }),
        params: { id: String(a.id) },
        context: context(),
      }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/staff/complaints/${a.id}?done=acknowledged#done`);
    expect((await page(a.id, "?done=acknowledged"))?.id).toBe(b.id);
    // Nothing else open: no next.
    await prisma.complaint.updateMany({ where: { id: { in: [b.id, c.id] } }, data: { status: "resolved", dueAt: null } });
    expect(await page(a.id, "?done=acknowledged")).toBeNull();
  });
});
