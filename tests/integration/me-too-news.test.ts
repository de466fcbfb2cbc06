// "Me too" takes a contact (issue 12, items 4 and 5): after saying "I have this problem too" the
// resident may leave an e-mail and/or phone on the confirmation page; only someone who supported
// the report may; the supporter gets a message (an outbox row) when the report moves, also after
// an official merged it into another; the contact never shows publicly, in exports or Open311.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { action as meTooAction, loader as meTooLoader } from "~/routes/c.$slug.me-too";
import { loader as trackLoader } from "~/routes/t.$code";
import { action as staffAction } from "~/routes/staff.complaints.$id";
import { action as mergeAction } from "~/routes/staff.complaints.$id_.merge";
import { loader as open311Loader } from "~/routes/open311.v2.$file";
import { loader as open311RequestLoader } from "~/routes/open311.v2.requests.$file";
import { loader as exportLoader } from "~/routes/staff.council.export";
import { action as confirmAction } from "~/routes/confirm.$token";
import { createComplaint } from "~/models/complaint/filing.server";
import { prisma } from "~/utils/db.server";
import { getFixedT } from "~/utils/i18n.server";
import { context, cookiesFrom, formRequest, getRequest, settle } from "../fixtures/http";
import { createStaff, signIn } from "../fixtures/staff";

const SLUG = "vinh-bao";
const OTHER = "cam-giang";
const EMAIL = "nguoi.ung.ho@example.vn";
let communeId = 0;
let official = "";
let council = "";
let ip = 0;

beforeAll(async () => {
  communeId = (await prisma.commune.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  official = await signIn((await createStaff("official", [SLUG])).email);
  council = await signIn((await createStaff("council")).email);
});

beforeEach(async () => {
  await prisma.complaint.deleteMany();
});

const file = (text = "Đèn đường thôn Đông hỏng cả tháng nay, tối rất tối.") =>
  createComplaint({ communeId, category: "roads", text, village: "Thôn Đông" });

const call = <F extends (args: never) => Promise<unknown>>(fn: F, request: Request, params: Record<string, string> = {}) =>
  settle(() => (fn as unknown as (a: unknown) => Promise<unknown>)({ request, params, context: context(`198.51.100.${++ip}`) }));

/** Says "me too" as a new resident (who first gets the cookie, issue 26) or with this cookie; returns the cookie. */
async function support(complaintId: number, cookie?: string) {
  const press = (c?: string) =>
    call(meTooAction, formRequest(`/c/${SLUG}/me-too`, { complaintId: String(complaintId) }, { cookie: c }), { slug: SLUG });
  const own = cookie ?? cookiesFrom(await press());
  const res = await press(own);
  expect(res.status).toBe(303);
  return own;
}

const subscribe = (complaintId: number, fields: Record<string, string>, cookie?: string, slug = SLUG, origin?: string | null) =>
  call(
    meTooAction,
    formRequest(
      `/c/${slug}/me-too?id=${complaintId}&subscribe`,
      { complaintId: String(complaintId), consent: "on", ...fields },
      { cookie, origin },
    ),
    { slug },
  );

const staffMove = (id: number, to: string, reply = "") =>
  call(staffAction, formRequest(`/staff/complaints/${id}`, { intent: "move", to, reply }, { cookie: official }), {
    id: String(id),
  });

const CONFIRM_SUBJECT = "Xác nhận nhận tin về phản ánh";

/** The news written to a contact (the one confirmation message aside, decision 043). */
const outboxTo = (recipient: string) =>
  prisma.outboxMessage.findMany({
    where: { recipient, subject: { not: CONFIRM_SUBJECT } },
    orderBy: { id: "asc" },
    select: { subject: true, body: true, channel: true },
  });

/** The resident opens the link in the latest confirmation e-mail and presses "Confirm". */
async function confirmEmail(recipient: string) {
  const m = await prisma.outboxMessage.findFirstOrThrow({
    where: { recipient, subject: CONFIRM_SUBJECT },
    orderBy: { id: "desc" },
  });
  const token = /\/confirm\/([A-Za-z0-9_-]+)/.exec(m.body)![1];
  const res = await call(confirmAction, formRequest(`/confirm/${token}`, {}), { token });
  expect(res.status).toBe(200);
}

describe("a supporter's contact", () => {
  it("is offered on the confirmation page, saved for the supporter, and an acknowledgement and a resolution write messages to it", async () => {
    const c = await file();
    // Before supporting: the page offers no form (nothing to subscribe to as a stranger).
    const stranger = await (await call(meTooLoader, getRequest(`/c/${SLUG}/me-too?id=${c.id}`), { slug: SLUG })).json();
    expect(stranger.supporter).toBe(false);

    const cookie = await support(c.id);
    const page = await (await call(meTooLoader, getRequest(`/c/${SLUG}/me-too?id=${c.id}`, { cookie }), { slug: SLUG })).json();
    expect(page.supporter).toBe(true);

    const res = await subscribe(c.id, { email: ` ${EMAIL.toUpperCase()} `, phone: "" }, cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/c/${SLUG}/me-too?id=${c.id}&subscribed=1&email=1`);
    const sub = await prisma.subscription.findFirstOrThrow({ where: { complaintId: c.id } });
    expect(sub).toMatchObject({ email: EMAIL, phone: null, role: "supporter", stoppedAt: null });
    expect(sub.voterHash).toBe((await prisma.supporter.findFirstOrThrow({ where: { complaintId: c.id } })).voterHash);
    await confirmEmail(EMAIL);

    expect((await staffMove(c.id, "acknowledged")).status).toBe(303);
    expect((await staffMove(c.id, "resolved", "Đã thay bóng đèn.")).status).toBe(303);
    const messages = await outboxTo(EMAIL);
    expect(messages.map((m) => m.subject)).toEqual([
      `Phản ánh ${c.code}: đã được tiếp nhận`,
      `Phản ánh ${c.code}: đã được giải quyết`,
    ]);
    expect(messages[0].body).toContain("mà bạn cũng gặp");
    expect(messages[1].body).toContain("Đã thay bóng đèn.");
  });

  it("sent again replaces the contact (one subscription per supporter); without an SMS gateway a phone alone is not kept", async () => {
    const c = await file();
    const cookie = await support(c.id);
    expect((await subscribe(c.id, { email: EMAIL }, cookie)).status).toBe(303);
    expect((await subscribe(c.id, { email: "moi@example.vn" }, cookie)).status).toBe(303);
    const subs = await prisma.subscription.findMany({ where: { complaintId: c.id } });
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({ email: "moi@example.vn", phone: null });
    // SMS_GATEWAY is off in tests: no text message would ever reach the phone, so it is refused.
    const phoneOnly = await subscribe(c.id, { email: "", phone: "+84 912 345 678" }, cookie);
    expect(phoneOnly.status).toBe(400);
    expect((await phoneOnly.json()).fieldErrors.email).toBe("notify:supporter.contactRequired");
    expect(await prisma.subscription.count({ where: { phone: { not: null } } })).toBe(0);
  });

  it.each([
    ["a bad e-mail", { email: "ten@", phone: "" }, "email", "notify:form.emailInvalid"],
    ["a bad phone", { email: "", phone: "12345" }, "phone", "notify:form.phoneInvalid"],
    ["neither", { email: " ", phone: "" }, "email", "notify:supporter.contactRequired"],
    ["an e-mail of 101 characters", { email: `${"a".repeat(90)}@example.vn`, phone: "" }, "email", "notify:form.emailInvalid"],
  ])("refuses %s with 400, the message next to the field, the input kept, nothing written", async (_, fields, field, key) => {
    const c = await file();
    const cookie = await support(c.id);
    const res = await subscribe(c.id, fields, cookie);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.fieldErrors[field]).toBe(key);
    expect(body.values).toMatchObject(fields);
    // Without JavaScript the refused post renders the page at the form's address again.
    const again = await call(meTooLoader, getRequest(`/c/${SLUG}/me-too?id=${c.id}&subscribe`, { cookie }), { slug: SLUG });
    expect(again.status).toBe(200);
    expect((await again.json()).supporter).toBe(true);
    // Translated in both languages (the same key the report form uses for the same rule).
    for (const lng of ["vi", "en"] as const) {
      const text = getFixedT(lng, "notify")(key.replace(/^notify:/, ""));
      expect(text).not.toBe(key.replace(/^notify:/, ""));
    }
    expect(await prisma.subscription.count()).toBe(0);
  });

  it("cannot be attached by someone who did not support that report: forged posts get 403 and write nothing", async () => {
    const a = await file();
    const b = await file("Rác thải đổ bừa bãi ở đầu cầu thôn Đông.");
    const supporterOfA = await support(a.id);
    // No cookie at all, a made-up cookie, a supporter of another report, the report on another
    // commune's page: all 403.
    expect((await subscribe(a.id, { email: EMAIL })).status).toBe(403);
    expect((await subscribe(a.id, { email: EMAIL }, "voter=forged")).status).toBe(403);
    expect((await subscribe(b.id, { email: EMAIL }, supporterOfA)).status).toBe(403);
    expect((await subscribe(a.id, { email: EMAIL }, supporterOfA, OTHER)).status).toBe(403);
    // Another site's form (the Origin check), even with the right cookie.
    expect((await subscribe(a.id, { email: EMAIL }, supporterOfA, SLUG, "https://evil.example")).status).toBe(403);
    // Fields the form does not have.
    expect((await subscribe(a.id, { email: EMAIL, role: "filer" }, supporterOfA)).status).toBe(400);
    expect(await prisma.subscription.count()).toBe(0);
  });

  it("follows the kept report after a merge, and a resident following both gets one message per change", async () => {
    const kept = await file();
    const dup = await file("Đèn đường ở thôn Đông không sáng, đi tối nguy hiểm.");
    const onDup = await support(dup.id);
    expect((await subscribe(dup.id, { email: EMAIL }, onDup)).status).toBe(303);
    // Another resident follows both reports with the same e-mail.
    const both = await support(dup.id);
    await support(kept.id, both);
    expect((await subscribe(dup.id, { email: "ca.hai@example.vn" }, both)).status).toBe(303);
    expect((await subscribe(kept.id, { email: "ca.hai@example.vn" }, both)).status).toBe(303);
    await confirmEmail(EMAIL);
    for (let i = 0; i < 2; i++) {
      const m = await prisma.outboxMessage.findMany({ where: { recipient: "ca.hai@example.vn", subject: CONFIRM_SUBJECT } });
      const token = /\/confirm\/([A-Za-z0-9_-]+)/.exec(m[i].body)![1];
      expect((await call(confirmAction, formRequest(`/confirm/${token}`, {}), { token })).status).toBe(200);
    }

    const res = await call(
      mergeAction,
      formRequest(`/staff/complaints/${dup.id}/merge`, { targetId: String(kept.id) }, { cookie: official }),
      { id: String(dup.id) },
    );
    expect(res.status).toBe(303);
    const keptSubs = await prisma.subscription.findMany({ where: { complaintId: kept.id }, orderBy: { id: "asc" } });
    expect(keptSubs.map((s) => s.email).sort()).toEqual(["ca.hai@example.vn", EMAIL]);
    expect(keptSubs.every((s) => s.role === "supporter")).toBe(true);
    // Told about the merge on the duplicate, then the kept report's news.
    expect((await outboxTo(EMAIL)).map((m) => m.subject)).toEqual([
      `Phản ánh ${dup.code}: đã được gộp với một phản ánh cùng nội dung`,
    ]);
    expect((await staffMove(kept.id, "acknowledged")).status).toBe(303);
    expect((await outboxTo(EMAIL)).at(-1)!.subject).toBe(`Phản ánh ${kept.code}: đã được tiếp nhận`);
    expect((await outboxTo("ca.hai@example.vn")).filter((m) => m.subject.includes("tiếp nhận"))).toHaveLength(1);
    // The supporter may still replace their contact on the kept report (their support moved too).
    expect((await subscribe(kept.id, { email: "moi@example.vn" }, onDup)).status).toBe(303);
  });

  it("never shows on the public pages, in the council export or in Open311", async () => {
    const c = await file();
    const cookie = await support(c.id);
    expect((await subscribe(c.id, { email: EMAIL, phone: "0912 345 678" }, cookie)).status).toBe(303);
    await staffMove(c.id, "acknowledged");
    const bodies = [
      await (await call(meTooLoader, getRequest(`/c/${SLUG}/me-too?id=${c.id}&subscribed=1`, { cookie }), { slug: SLUG })).text(),
      await (await call(trackLoader, getRequest(`/t/${c.code}`), { code: c.code })).text(),
      await (await call(exportLoader, getRequest("/staff/council/export", { cookie: council }))).text(),
    ];
    for (const format of ["json", "xml"]) {
      bodies.push(
        await (await call(open311Loader, getRequest(`/open311/v2/requests.${format}`), { file: `requests.${format}` })).text(),
      );
      bodies.push(
        await (
          await call(open311RequestLoader, getRequest(`/open311/v2/requests/${c.id}.${format}`), { file: `${c.id}.${format}` })
        ).text(),
      );
    }
    expect(bodies[1]).toContain("Đèn đường");
    expect(bodies[3]).toContain("Đèn đường");
    for (const body of bodies) {
      expect(body).not.toContain("ung.ho");
      expect(body).not.toContain("0912");
      expect(body).not.toContain("345 678");
    }
  });
});
