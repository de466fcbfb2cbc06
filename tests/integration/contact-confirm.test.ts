// Issue 26, point 5 (decision 043): a contact left on "me too" is used only after the resident
// confirms it. Until then the one confirmation message is all that goes to it; the link confirms
// (a POST; the GET only asks); a forged or expired link is refused with a page, not an error; and
// the retention job erases what nobody confirmed once the link expired.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { action as meTooAction } from "~/routes/c.$slug.me-too";
import { action as confirmAction, loader as confirmLoader } from "~/routes/confirm.$token";
import { action as staffAction } from "~/routes/staff.complaints.$id";
import { createComplaint } from "~/models/complaint/filing.server";
import { eraseDue } from "~/models/privacy/retention.server";
import { getRetentionSettings } from "~/models/privacy/settings.server";
import { CONFIRM_DAYS } from "~/lib/news";
import { prisma } from "~/utils/db.server";
import { context, cookiesFrom, formRequest, getRequest, settle } from "../fixtures/http";
import { createStaff, signIn } from "../fixtures/staff";

const SLUG = "vinh-bao";
const EMAIL = "hang.xom@example.vn";
const CONFIRM_SUBJECT = "Xác nhận nhận tin về phản ánh";
let communeId = 0;
let official = "";
let ip = 0;

beforeAll(async () => {
  communeId = (await prisma.commune.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  official = await signIn((await createStaff("official", [SLUG])).email);
});

beforeEach(async () => {
  await prisma.complaint.deleteMany();
});

const call = <F extends (args: never) => Promise<unknown>>(fn: F, request: Request, params: Record<string, string> = {}) =>
  settle(() => (fn as unknown as (a: unknown) => Promise<unknown>)({ request, params, context: context(`203.0.113.${++ip}`) }));

async function supportAndSubscribe(email = EMAIL) {
  const c = await createComplaint({
    communeId,
    category: "roads",
    text: "Cống thôn Nam bị tắc, nước tràn ra đường.",
    village: "Thôn Nam",
  });
  const press = (cookie?: string) =>
    call(meTooAction, formRequest(`/c/${SLUG}/me-too`, { complaintId: String(c.id) }, { cookie }), { slug: SLUG });
  const cookie = cookiesFrom(await press());
  expect((await press(cookie)).status).toBe(303);
  const res = await call(
    meTooAction,
    formRequest(`/c/${SLUG}/me-too?id=${c.id}&subscribe`, { complaintId: String(c.id), consent: "on", email }, { cookie }),
    { slug: SLUG },
  );
  expect(res.status).toBe(303);
  return c;
}

const staffMove = (id: number, to: string, reply = "") =>
  call(staffAction, formRequest(`/staff/complaints/${id}`, { intent: "move", to, reply }, { cookie: official }), {
    id: String(id),
  });

const messagesTo = (recipient: string) =>
  prisma.outboxMessage.findMany({ where: { recipient }, orderBy: { id: "asc" }, select: { subject: true, body: true } });

const tokenIn = (body: string) => /\/confirm\/([A-Za-z0-9_-]+)/.exec(body)![1];

describe("a 'me too' contact before and after the resident confirms it", () => {
  it("gets nothing but the confirmation message until the link is confirmed", async () => {
    const c = await supportAndSubscribe();
    expect((await staffMove(c.id, "acknowledged")).status).toBe(303);
    expect((await staffMove(c.id, "in_progress", "Đội vệ sinh sẽ thông cống trong tuần.")).status).toBe(303);
    const messages = await messagesTo(EMAIL);
    expect(messages.map((m) => m.subject)).toEqual([CONFIRM_SUBJECT]);
    expect(messages[0].body).toMatch(/\/confirm\/[A-Za-z0-9_-]{32}/);
    // The link carries no contact and the subscription stores none as confirmed.
    expect(await prisma.subscription.findFirstOrThrow({ where: { complaintId: c.id } })).toMatchObject({
      email: EMAIL,
      emailConfirmedAt: null,
    });
  });

  it("is confirmed by a POST on the link (the GET only asks), and news follows from then on", async () => {
    const c = await supportAndSubscribe();
    const token = tokenIn((await messagesTo(EMAIL))[0].body);
    const page = await call(confirmLoader, getRequest(`/confirm/${token}`), { token });
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toContain("no-store");
    expect(await page.text()).not.toContain(EMAIL);
    expect((await prisma.subscription.findFirstOrThrow({ where: { complaintId: c.id } })).emailConfirmedAt).toBeNull();

    const res = await call(confirmAction, formRequest(`/confirm/${token}`, {}), { token });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ confirmed: true });
    expect((await staffMove(c.id, "acknowledged")).status).toBe(303);
    expect((await messagesTo(EMAIL)).map((m) => m.subject)).toEqual([CONFIRM_SUBJECT, `Phản ánh ${c.code}: đã được tiếp nhận`]);
  });

  it("refuses a forged link with 404 and an expired one with 400, confirming nothing", async () => {
    const c = await supportAndSubscribe();
    for (const token of ["A".repeat(32), "không-hợp-lệ", "x"]) {
      expect((await call(confirmLoader, getRequest(`/confirm/${encodeURIComponent(token)}`), { token })).status).toBe(404);
      expect((await call(confirmAction, formRequest(`/confirm/${token}`, {}), { token })).status).toBe(404);
    }
    const token = tokenIn((await messagesTo(EMAIL))[0].body);
    await prisma.subscription.updateMany({ where: { complaintId: c.id }, data: { confirmBy: new Date(Date.now() - 1000) } });
    expect((await call(confirmLoader, getRequest(`/confirm/${token}`), { token })).status).toBe(400);
    expect((await call(confirmAction, formRequest(`/confirm/${token}`, {}), { token })).status).toBe(400);
    expect((await prisma.subscription.findFirstOrThrow({ where: { complaintId: c.id } })).emailConfirmedAt).toBeNull();
    await staffMove(c.id, "acknowledged");
    expect((await messagesTo(EMAIL)).map((m) => m.subject)).toEqual([CONFIRM_SUBJECT]);
  });

  it("is erased by the retention job once the link expired unconfirmed, with its consent; a confirmed one stays", async () => {
    const waiting = await supportAndSubscribe("cho@example.vn");
    const confirmed = await supportAndSubscribe("da.xac.nhan@example.vn");
    const token = tokenIn((await messagesTo("da.xac.nhan@example.vn"))[0].body);
    expect((await call(confirmAction, formRequest(`/confirm/${token}`, {}), { token })).status).toBe(200);
    const settings = await getRetentionSettings();

    const early = await eraseDue({ settings, now: new Date(Date.now() + (CONFIRM_DAYS - 1) * 86_400_000) });
    expect(early.unconfirmedContacts).toBe(0);
    const late = await eraseDue({ settings, now: new Date(Date.now() + (CONFIRM_DAYS + 1) * 86_400_000) });
    expect(late.unconfirmedContacts).toBe(1);
    expect(await prisma.subscription.count({ where: { complaintId: waiting.id } })).toBe(0);
    expect(await prisma.contactConsent.count({ where: { complaintId: waiting.id, source: "me_too" } })).toBe(0);
    expect(await prisma.subscription.findFirstOrThrow({ where: { complaintId: confirmed.id } })).toMatchObject({
      email: "da.xac.nhan@example.vn",
    });
  });
});
