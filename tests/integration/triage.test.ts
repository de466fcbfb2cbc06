// Complaint triage through loaders and actions on a real SQLite file: working-calendar deadlines,
// urgency, forwarding to units and back, a unit's 404 on reports it was not given, reply
// templates, bulk acknowledge, merging duplicates, and "me too" without JavaScript.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { action as reportAction } from "~/routes/c.$slug.report";
import { action as meTooAction, loader as meTooLoader } from "~/routes/c.$slug.me-too";
import { loader as trackLoader } from "~/routes/t.$code";
import { loader as inboxLoader } from "~/routes/staff._index";
import { loader as staffLoader } from "~/routes/staff.complaints.$id";
import { action as forwardAction } from "~/routes/staff.complaints.$id_.forward";
import { action as urgencyAction } from "~/routes/staff.complaints.$id_.urgency";
import { action as mergeAction } from "~/routes/staff.complaints.$id_.merge";
import { action as acknowledgeAction } from "~/routes/staff.acknowledge";
import { action as unitAction, loader as unitLoader } from "~/routes/staff.unit.$id";
import { loader as unitInboxLoader } from "~/routes/staff.unit._index";
import { action as settingsAction } from "~/routes/staff.settings.complaints";
import { createComplaint } from "~/models/complaint/filing.server";
import { addUnitMember, createUnit } from "~/models/forwarding.server";
import { onTimeForCommune, onTimeOverall } from "~/models/complaint/stats.server";
import { prisma } from "~/utils/db.server";
import { context, cookiesFrom, formRequest, getRequest, ORIGIN, settle } from "../fixtures/http";
import { createStaff, signIn } from "../fixtures/staff";

const SLUG = "vinh-bao";
const OTHER = "cam-giang";
// Vietnam local time, as read on a wall clock.
const vn = (local: string) => new Date(`${local}+07:00`);

let communeId = 0;
let otherCommuneId = 0;
let official = { id: 0, cookie: "" };
let admin = "";
let unitA = { id: 0, cookie: "" };
let unitB = { id: 0, cookie: "" };

beforeAll(async () => {
  communeId = (await prisma.commune.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  otherCommuneId = (await prisma.commune.findUniqueOrThrow({ where: { slug: OTHER } })).id;
  const o = await createStaff("official", [SLUG]);
  official = { id: o.id, cookie: await signIn(o.email) };
  admin = await signIn((await createStaff("admin")).email);
  for (const [slot, name, kind] of [
    ["a", "Công ty nước sạch", "water"],
    ["b", "Công ty môi trường đô thị", "environment"],
  ] as const) {
    const unit = await createUnit({ slug: `unit-${slot}-${Date.now()}`, name, kind });
    if (!unit.ok) throw new Error("unit");
    const member = await createStaff("unit");
    await addUnitMember({ unitId: unit.id, email: member.email });
    const value = { id: unit.id, cookie: await signIn(member.email) };
    if (slot === "a") unitA = value;
    else unitB = value;
  }
});

beforeEach(async () => {
  await prisma.complaint.deleteMany();
  await prisma.calendarDay.deleteMany();
  await prisma.replyTemplate.deleteMany();
});

const post = <A extends (args: never) => Promise<unknown>>(
  action: A,
  path: string,
  body: Record<string, string | string[]>,
  cookie?: string,
  params: Record<string, string> = {},
  ip = "192.0.2.10",
) =>
  settle(() =>
    (action as unknown as (a: unknown) => Promise<unknown>)({
      request: formRequest(path, body, { cookie }),
      params,
      context: context(ip),
    }),
  );

const get = <L extends (args: never) => Promise<unknown>>(
  loader: L,
  path: string,
  cookie?: string,
  params: Record<string, string> = {},
) =>
  settle(() =>
    (loader as unknown as (a: unknown) => Promise<unknown>)({
      request: getRequest(path, { cookie }),
      params,
      context: context(),
    }),
  );

async function fileAt(createdAt: Date, category: "roads" | "security" | "water" = "roads", extra: Record<string, unknown> = {}) {
  return createComplaint({ communeId, category, text: "Đường liên thôn bị sụt lún sau mưa lớn.", createdAt, ...extra });
}

async function deadlines(id: number) {
  const c = await prisma.complaint.findUniqueOrThrow({
    where: { id },
    select: { acknowledgeBy: true, handleBy: true, urgency: true },
  });
  return { ack: c.acknowledgeBy!.toISOString(), handle: c.handleBy!.toISOString(), urgency: c.urgency };
}

describe("deadlines on the working calendar (stored at filing)", () => {
  it.each([
    // Friday 24/4/2026 16:50: then the weekend, Giỗ Tổ (Sunday 26/4) and its compensatory Monday.
    [
      "Friday 16:50 before Giỗ Tổ, 30/4 and 1/5 (roads)",
      "2026-04-24T16:50:00",
      "roads",
      "2026-04-29T07:50:00",
      "2026-05-06T16:50:00",
    ],
    // Wednesday 29/4/2026 16:50: 30/4 and 1/5 fall on Thursday and Friday.
    ["Wednesday 16:50 before 30/4 and 1/5 (roads)", "2026-04-29T16:50:00", "roads", "2026-05-05T07:50:00", "2026-05-08T16:50:00"],
    // Security is urgent by default: handled within 4 working hours.
    [
      "Friday 16:50 before Giỗ Tổ (security, urgent)",
      "2026-04-24T16:50:00",
      "security",
      "2026-04-29T07:50:00",
      "2026-04-28T11:20:00",
    ],
    // Tết Bính Ngọ: offices closed Saturday 14/2 to Sunday 22/2/2026.
    ["last morning before Tết 2026", "2026-02-13T10:00:00", "roads", "2026-02-23T10:30:00", "2026-02-27T10:00:00"],
    ["filed on the second day of Tết 2026", "2026-02-18T09:00:00", "roads", "2026-02-24T08:00:00", "2026-02-27T17:00:00"],
  ] as const)("%s", async (_name, filed, category, ack, handle) => {
    const { id } = await fileAt(vn(filed), category);
    const d = await deadlines(id);
    expect(d.ack).toBe(vn(ack).toISOString());
    expect(d.handle).toBe(vn(handle).toISOString());
  });

  it("an administrator's make-up Saturday moves the deadlines of open reports; bad office hours are refused", async () => {
    const { id } = await fileAt(vn("2026-12-04T16:50:00")); // a Friday
    expect((await deadlines(id)).ack).toBe(vn("2026-12-08T07:50:00").toISOString());
    const res = await post(
      settingsAction,
      "/staff/settings/complaints",
      { intent: "addDay", date: "2026-12-05", kind: "make_up", note: "Làm bù" },
      admin,
    );
    expect(res.status).toBe(303);
    expect((await deadlines(id)).ack).toBe(vn("2026-12-07T07:50:00").toISOString());

    const bad = await post(
      settingsAction,
      "/staff/settings/complaints",
      { intent: "officeHours", officeHours: "13:30-17:00, 07:30-11:30" },
      admin,
    );
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.fieldErrors.officeHours).toBe("errors.officeHours");
    expect(body.values.officeHours).toBe("13:30-17:00, 07:30-11:30");
  });

  it("raising the urgency recomputes the handling deadline and records the reason internally", async () => {
    const { id, code } = await fileAt(vn("2026-11-24T09:00:00"));
    expect((await deadlines(id)).handle).toBe(vn("2026-12-01T09:00:00").toISOString());
    const missing = await post(
      urgencyAction,
      `/staff/complaints/${id}/urgency`,
      { urgency: "urgent", reason: "" },
      official.cookie,
      { id: String(id) },
    );
    expect(missing.status).toBe(400);
    const res = await post(
      urgencyAction,
      `/staff/complaints/${id}/urgency`,
      { urgency: "urgent", reason: "Ổ gà sâu trên đường tới trường" },
      official.cookie,
      {
        id: String(id),
      },
    );
    expect(res.status).toBe(303);
    const d = await deadlines(id);
    expect(d.urgency).toBe("urgent");
    expect(d.handle).toBe(vn("2026-11-24T15:00:00").toISOString()); // 9:00-11:30, then 13:30-15:00
    const same = await post(
      urgencyAction,
      `/staff/complaints/${id}/urgency`,
      { urgency: "urgent", reason: "lại" },
      official.cookie,
      { id: String(id) },
    );
    expect(same.status).toBe(400);
    const track = await (await get(trackLoader, `/t/${code}`, undefined, { code })).json();
    expect(JSON.stringify(track)).not.toContain("Ổ gà sâu");
  });

  it("the inbox sorts by the deadline that applies now and says the time left in working time", async () => {
    const later = await fileAt(new Date(Date.now() - 60_000));
    const overdue = await fileAt(vn("2026-01-05T09:00:00"));
    const res = await get(inboxLoader, "/staff?sort=due", official.cookie);
    const { inbox } = await res.json();
    expect(inbox.items.map((i: { id: number }) => i.id)).toEqual([overdue.id, later.id]);
    const first = inbox.items[0];
    expect(first.overdue).toBe(true);
    expect(first.timeLeft).toMatchObject({ overdue: true, unit: "days" });
    expect(inbox.items[1].timeLeft.overdue).toBe(false);
  });
});

describe("forwarding to a unit", () => {
  it("forwards with a note, the unit accepts, returns with a reason; the resident reads where it is", async () => {
    const { id, code } = await fileAt(new Date());
    const params = { id: String(id) };
    const noUnit = await post(
      forwardAction,
      `/staff/complaints/${id}/forward`,
      { intent: "forward", unitId: "", note: "Kiểm tra giúp" },
      official.cookie,
      params,
    );
    expect(noUnit.status).toBe(400);
    expect((await noUnit.json()).fieldErrors.unitId).toBe("errors.unitRequired");

    const ok = await post(
      forwardAction,
      `/staff/complaints/${id}/forward`,
      { intent: "forward", unitId: String(unitA.id), note: "Nhờ kiểm tra đường ống" },
      official.cookie,
      params,
    );
    expect(ok.status).toBe(303);
    const twice = await post(
      forwardAction,
      `/staff/complaints/${id}/forward`,
      { intent: "forward", unitId: String(unitB.id), note: "Chuyển nữa" },
      official.cookie,
      params,
    );
    expect(twice.status).toBe(409);

    let track = await (await get(trackLoader, `/t/${code}`, undefined, { code })).json();
    expect(track.triage.whereabouts).toEqual({ unit: "Công ty nước sạch", accepted: false });
    expect(JSON.stringify(track)).not.toContain("Nhờ kiểm tra đường ống"); // the note is internal

    // The unit sees it in its inbox, with the note; the other unit does not even learn it exists.
    const inbox = await (await get(unitInboxLoader, "/staff/unit", unitA.cookie)).json();
    expect(inbox.items.map((f: { complaint: { id: number } }) => f.complaint.id)).toEqual([id]);
    const page = await (await get(unitLoader, `/staff/unit/${id}`, unitA.cookie, params)).json();
    expect(page.active.note).toBe("Nhờ kiểm tra đường ống");
    expect(JSON.stringify(page)).not.toContain("contact");
    expect((await get(unitLoader, `/staff/unit/${id}`, unitB.cookie, params)).status).toBe(404);
    expect((await post(unitAction, `/staff/unit/${id}`, { intent: "accept" }, unitB.cookie, params)).status).toBe(404);

    expect((await post(unitAction, `/staff/unit/${id}`, { intent: "accept" }, unitA.cookie, params)).status).toBe(303);
    expect((await prisma.complaint.findUniqueOrThrow({ where: { id } })).status).toBe("acknowledged");
    track = await (await get(trackLoader, `/t/${code}`, undefined, { code })).json();
    expect(track.triage.whereabouts).toEqual({ unit: "Công ty nước sạch", accepted: true });

    const noReason = await post(unitAction, `/staff/unit/${id}`, { intent: "return", reason: " " }, unitA.cookie, params);
    expect(noReason.status).toBe(400);
    const back = await post(
      unitAction,
      `/staff/unit/${id}`,
      { intent: "return", reason: "Không thuộc tuyến ống của công ty" },
      unitA.cookie,
      params,
    );
    expect(back.status).toBe(303);
    track = await (await get(trackLoader, `/t/${code}`, undefined, { code })).json();
    expect(track.triage.whereabouts).toBeNull();
    const kinds = track.complaint.events.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(["filed", "forwarded", "forward_accepted", "status", "forward_returned"]);
    expect(JSON.stringify(track)).not.toContain("Không thuộc tuyến ống");
    // Staff see every step, the reason included.
    const staff = await (await get(staffLoader, `/staff/complaints/${id}`, official.cookie, params)).json();
    expect(staff.complaint.events.map((e: { kind: string }) => e.kind)).toEqual([
      "filed",
      "forwarded",
      "forward_note",
      "forward_accepted",
      "status",
      "forward_returned",
      "note",
    ]);
    expect(staff.triage.forwardings[0]).toMatchObject({ status: "returned", returnReason: "Không thuộc tuyến ống của công ty" });
    // Returned: the unit can no longer act on it, but may still read its history with the report.
    expect((await post(unitAction, `/staff/unit/${id}`, { intent: "accept" }, unitA.cookie, params)).status).toBe(409);
  });

  it("tells a resident who left an e-mail where the report went and when it came back, never the note or the reason", async () => {
    const { id } = await fileAt(new Date(), "water", { notify: { email: "nguoidan@example.vn" }, consent: "report" });
    const params = { id: String(id) };
    await post(
      forwardAction,
      `/staff/complaints/${id}/forward`,
      { intent: "forward", unitId: String(unitA.id), note: "Ghi chú nội bộ XYZ" },
      official.cookie,
      params,
    );
    await post(unitAction, `/staff/unit/${id}`, { intent: "return", reason: "Lý do nội bộ QRS" }, unitA.cookie, params);
    const messages = await prisma.outboxMessage.findMany({
      where: { subscription: { complaintId: id } },
      orderBy: { id: "asc" },
    });
    const bodies = messages.map((m) => m.body).join("\n");
    expect(messages.length).toBe(3); // filed, forwarded, returned
    expect(bodies).toContain("Công ty nước sạch");
    expect(bodies).not.toContain("XYZ");
    expect(bodies).not.toContain("QRS");
  });

  it("a unit that accepted resolves with a public reply", async () => {
    const { id, code } = await fileAt(new Date(), "water");
    const params = { id: String(id) };
    await post(
      forwardAction,
      `/staff/complaints/${id}/forward`,
      { intent: "forward", unitId: String(unitA.id), note: "Mất nước" },
      official.cookie,
      params,
    );
    await post(unitAction, `/staff/unit/${id}`, { intent: "accept" }, unitA.cookie, params);
    const res = await post(
      unitAction,
      `/staff/unit/${id}`,
      { intent: "resolve", reply: "Đã thay đoạn ống vỡ." },
      unitA.cookie,
      params,
    );
    expect(res.status).toBe(303);
    const track = await (await get(trackLoader, `/t/${code}`, undefined, { code })).json();
    expect(track.complaint.status).toBe("resolved");
    expect(track.complaint.events.at(-1)).toMatchObject({ kind: "reply", body: "Đã thay đoạn ống vỡ." });
  });
});

describe("templates and bulk acknowledge", () => {
  it("fills a template per report and acknowledges only what the official may, skipping the rest", async () => {
    const created = await post(
      settingsAction,
      "/staff/settings/complaints",
      {
        intent: "addTemplate",
        category: "",
        title: "Tiếp nhận",
        body: "UBND {commune} đã tiếp nhận phản ánh {code} ({category}), hạn xử lý {deadline}.",
      },
      admin,
    );
    expect(created.status).toBe(303);
    const template = await prisma.replyTemplate.findFirstOrThrow();
    const empty = await post(
      settingsAction,
      "/staff/settings/complaints",
      { intent: "addTemplate", category: "", title: "", body: "x" },
      admin,
    );
    expect(empty.status).toBe(400);

    const a = await fileAt(new Date());
    const b = await fileAt(new Date(), "water");
    const other = await createComplaint({
      communeId: otherCommuneId,
      category: "roads",
      text: "Phản ánh của xã khác, không được đụng vào.",
    });
    const taken = await fileAt(new Date());
    await prisma.complaint.update({ where: { id: taken.id }, data: { status: "acknowledged" } });

    // The detail page fills the reply box from the template (?template=ID), no JavaScript needed.
    const detail = await (
      await get(staffLoader, `/staff/complaints/${a.id}?template=${template.id}`, official.cookie, { id: String(a.id) })
    ).json();
    expect(detail.triage.templateText).toMatch(
      new RegExp(`^UBND Vĩnh Bảo đã tiếp nhận phản ánh ${a.code} \\(Giao thông\\), hạn xử lý \\d\\d/\\d\\d/\\d{4}\\.$`),
    );

    const none = await post(acknowledgeAction, "/staff/acknowledge", { templateId: String(template.id) }, official.cookie);
    expect(none.status).toBe(400);
    expect((await none.json()).fieldErrors.ids).toBe("errors.selectionRequired");

    const res = await post(
      acknowledgeAction,
      "/staff/acknowledge",
      { ids: [a.id, b.id, other.id, taken.id].map(String), templateId: String(template.id) },
      official.cookie,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/staff?acknowledged=2&skipped=2");
    for (const c of [a, b]) {
      const row = await prisma.complaint.findUniqueOrThrow({ where: { id: c.id }, include: { events: true } });
      expect(row.status).toBe("acknowledged");
      expect(row.events.find((e) => e.kind === "reply")?.body).toContain(`phản ánh ${c.code}`);
    }
    expect((await prisma.complaint.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("new");
  });

  it("a template that says 'forwarded to {unit}' is offered only on a report that is with a unit, and never in bulk", async () => {
    const template = await prisma.replyTemplate.create({
      data: { category: null, title: "Chuyển đơn vị", body: "Phản ánh {code} đã được chuyển {unit} kiểm tra." },
    });
    const plain = await prisma.replyTemplate.create({
      data: { category: null, title: "Tiếp nhận", body: "Đã tiếp nhận {code}." },
    });
    const a = await fileAt(new Date(), "water");
    const params = { id: String(a.id) };
    const titles = async () =>
      (await (await get(staffLoader, `/staff/complaints/${a.id}`, official.cookie, params)).json()).triage.templates.map(
        (t: { title: string }) => t.title,
      );
    // Not forwarded: the template is not offered, and asked for by hand it fills nothing.
    expect(await titles()).toEqual(["Tiếp nhận"]);
    const asked = await (
      await get(staffLoader, `/staff/complaints/${a.id}?template=${template.id}`, official.cookie, params)
    ).json();
    expect(asked.triage.templateText).toBeNull();
    // Bulk acknowledge offers only the plain template; a forged post with the other is a 400 and acknowledges nothing.
    const inbox = await (await get(inboxLoader, "/staff?clear=1", official.cookie)).json();
    expect(inbox.templates.map((t: { id: number }) => t.id)).toEqual([plain.id]);
    const forged = await post(
      acknowledgeAction,
      "/staff/acknowledge",
      { ids: [String(a.id)], templateId: String(template.id) },
      official.cookie,
    );
    expect(forged.status).toBe(400);
    expect((await forged.json()).fieldErrors.templateId).toBe("errors.forwardingTemplate");
    expect((await prisma.complaint.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("new");
    // Forwarded to the water company: offered, and it names the unit the report really went to.
    const forwarded = await post(
      forwardAction,
      `/staff/complaints/${a.id}/forward`,
      { intent: "forward", unitId: String(unitA.id), note: "Nhờ kiểm tra" },
      official.cookie,
      params,
    );
    expect(forwarded.status).toBe(303);
    expect(await titles()).toEqual(["Chuyển đơn vị", "Tiếp nhận"]);
    const filled = await (
      await get(staffLoader, `/staff/complaints/${a.id}?template=${template.id}`, official.cookie, params)
    ).json();
    expect(filled.triage.templateText).toBe(`Phản ánh ${a.code} đã được chuyển Công ty nước sạch kiểm tra.`);
  });
});

function reportRequest(query: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return new Request(`${ORIGIN}/c/${SLUG}/report${query}`, { method: "POST", body: form, headers: { Origin: ORIGIN } });
}

describe("duplicates and me too", () => {
  it("lists nearby open reports of the same category without JavaScript, and counts 'me too' once per resident", async () => {
    const near = await fileAt(new Date(), "roads", { village: "Thôn Đông", latitude: 20.7101, longitude: 106.4801 });
    await prisma.complaintPhoto.createMany({
      data: [
        { complaintId: near.id, fileName: `t-${near.id}-1.jpg`, width: 800, height: 600, bytes: 1, approved: false },
        { complaintId: near.id, fileName: `t-${near.id}-2.jpg`, width: 800, height: 600, bytes: 1, approved: true },
      ],
    });
    const sameVillage = await fileAt(new Date(), "roads", { village: "thôn  đông" });
    await fileAt(new Date(), "roads", { village: "Thôn Tây", latitude: 20.72, longitude: 106.49 }); // ~1.5 km away
    await fileAt(new Date(), "water", { village: "Thôn Đông" }); // another category
    const closed = await fileAt(new Date(), "roads", { village: "Thôn Đông" });
    await prisma.complaint.update({ where: { id: closed.id }, data: { status: "resolved" } });

    const needPlace = await settle(() =>
      reportAction({
        request: reportRequest("?check", { category: "roads", text: "" }),
        params: { slug: SLUG },
        context: context("198.51.100.7"),
      }),
    );
    expect(needPlace.status).toBe(400);
    expect((await needPlace.json()).fieldErrors.village).toBe("triage:errors.placeRequired");

    const before = await prisma.complaint.count();
    const res = await settle(() =>
      reportAction({
        request: reportRequest("?check", {
          category: "roads",
          text: "Đường bị lún",
          village: "",
          latitude: "20.7100",
          longitude: "106.4800",
        }),
        params: { slug: SLUG },
        context: context("198.51.100.7"),
      }),
    );
    expect(res.status).toBe(200);
    const { similar, values } = await res.json();
    expect(await prisma.complaint.count()).toBe(before); // a check stores nothing
    expect(values.text).toBe("Đường bị lún");
    expect(similar.map((s: { id: number }) => s.id)).toEqual([near.id]);
    expect(similar[0].photo.id).toBe(
      (await prisma.complaintPhoto.findFirstOrThrow({ where: { complaintId: near.id, approved: true } })).id,
    );
    expect(JSON.stringify(similar)).not.toContain(near.code);

    const byVillage = await (
      await settle(() =>
        reportAction({
          request: reportRequest("?check", { category: "roads", text: "", village: "Thôn Đông" }),
          params: { slug: SLUG },
          context: context("198.51.100.7"),
        }),
      )
    ).json();
    expect(byVillage.similar.map((s: { id: number }) => s.id).sort()).toEqual([near.id, sameVillage.id].sort());

    // "Me too": a plain form post; a new resident gets a cookie and presses once more (issue 26:
    // only a resident's own cookie counts); the same resident counts once.
    const first = await post(meTooAction, `/c/${SLUG}/me-too`, { complaintId: String(near.id) }, undefined, { slug: SLUG });
    expect(first.status).toBe(303);
    expect(first.headers.get("Location")).toContain("confirm=1");
    const cookie = cookiesFrom(first);
    expect(cookie).toMatch(/^voter=/);
    const counted = await post(meTooAction, `/c/${SLUG}/me-too`, { complaintId: String(near.id) }, cookie, { slug: SLUG });
    expect(counted.headers.get("Location")).toBe(`/c/${SLUG}/me-too?id=${near.id}`);
    const again = await post(meTooAction, `/c/${SLUG}/me-too`, { complaintId: String(near.id) }, cookie, { slug: SLUG });
    expect(again.headers.get("Location")).toContain("again=1");
    const other = cookiesFrom(
      await post(meTooAction, `/c/${SLUG}/me-too`, { complaintId: String(near.id) }, undefined, { slug: SLUG }),
    );
    await post(meTooAction, `/c/${SLUG}/me-too`, { complaintId: String(near.id) }, other, { slug: SLUG });
    const thanks = await (await get(meTooLoader, `/c/${SLUG}/me-too?id=${near.id}`, undefined, { slug: SLUG })).json();
    expect(thanks.summary.supporters).toBe(2);
    // Not on a closed report, nor on another commune's.
    expect(
      (await post(meTooAction, `/c/${SLUG}/me-too`, { complaintId: String(closed.id) }, cookie, { slug: SLUG })).status,
    ).toBe(404);
    expect(
      (await post(meTooAction, `/c/${OTHER}/me-too`, { complaintId: String(near.id) }, cookie, { slug: OTHER })).status,
    ).toBe(404);

    // The count shows in the inbox and on the tracking page.
    const { inbox } = await (await get(inboxLoader, "/staff", official.cookie)).json();
    expect(inbox.items.find((i: { id: number }) => i.id === near.id)._count.supporters).toBe(2);
    const track = await (await get(trackLoader, `/t/${near.code}`, undefined, { code: near.code })).json();
    expect(track.triage.supporters).toBe(2);
  });

  it("merges a duplicate: supporters of both kept (one resident once), its author counted, its page says so", async () => {
    const target = await fileAt(new Date());
    const dup = await fileAt(new Date());
    const voter = (n: number) => ({ voterHash: `voter-${n}`, ipHash: null });
    await prisma.supporter.createMany({
      data: [
        { complaintId: target.id, ...voter(1) },
        { complaintId: dup.id, ...voter(1) },
        { complaintId: dup.id, ...voter(2) },
      ],
    });
    const params = { id: String(dup.id) };
    const bad = await post(
      mergeAction,
      `/staff/complaints/${dup.id}/merge`,
      { targetId: String(dup.id) },
      official.cookie,
      params,
    );
    expect(bad.status).toBe(400);
    const res = await post(
      mergeAction,
      `/staff/complaints/${dup.id}/merge`,
      { targetId: String(target.id) },
      official.cookie,
      params,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/staff/complaints/${target.id}?done=merged#done`);

    const merged = await prisma.complaint.findUniqueOrThrow({ where: { id: dup.id } });
    expect(merged).toMatchObject({ status: "merged", mergedIntoId: target.id, dueAt: null });
    // voter-1 (both), voter-2 (duplicate) and the duplicate's author.
    expect(await prisma.supporter.count({ where: { complaintId: target.id } })).toBe(3);
    const dupPage = await (await get(trackLoader, `/t/${dup.code}`, undefined, { code: dup.code })).json();
    expect(dupPage.triage.mergedInto).toEqual({ status: "new", supporters: 3 });
    expect(JSON.stringify(dupPage)).not.toContain(target.code);
    const staff = await (
      await get(staffLoader, `/staff/complaints/${target.id}`, official.cookie, { id: String(target.id) })
    ).json();
    expect(staff.triage.supporters).toBe(3);
    expect(staff.complaint.events.at(-1)).toMatchObject({ kind: "merged_from", body: dup.code, public: false });
    // A merged report cannot be merged again.
    const twice = await post(
      mergeAction,
      `/staff/complaints/${dup.id}/merge`,
      { targetId: String(target.id) },
      official.cookie,
      params,
    );
    expect(twice.status).toBe(409);
  });
});

describe("share handled on time", () => {
  it("follows each handled report at once, in the commune's dossier figure and the dashboard's", async () => {
    const before = await onTimeOverall();
    const commune = await onTimeForCommune({ communeId });
    const late = await fileAt(vn("2026-03-02T09:00:00"), "roads");
    const inTime = await fileAt(vn("2026-03-02T09:00:00"), "roads");
    const { handleBy } = await prisma.complaint.findUniqueOrThrow({ where: { id: inTime.id }, select: { handleBy: true } });
    // Resolved an hour before its deadline, and the other a day after it.
    await prisma.complaint.update({
      where: { id: inTime.id },
      data: { status: "resolved", resolvedAt: new Date(handleBy!.getTime() - 3_600_000) },
    });
    expect(await onTimeOverall()).toEqual({ onTime: before.onTime + 1, total: before.total + 1 });
    await prisma.complaint.update({
      where: { id: late.id },
      data: { status: "resolved", resolvedAt: new Date(handleBy!.getTime() + 86_400_000) },
    });
    expect(await onTimeOverall()).toEqual({ onTime: before.onTime + 1, total: before.total + 2 });
    expect(await onTimeForCommune({ communeId })).toEqual({ onTime: commune.onTime + 1, total: commune.total + 2 });
  });
});
