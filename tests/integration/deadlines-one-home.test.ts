// Issue 20: a report's deadlines have one home (complaint/deadlines), the date promised to the
// resident moves with them, rating is one transaction, reopening is a status change like any
// other, and a submission id replayed by another sender never returns the first report's code.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { action as reportAction } from "~/routes/c.$slug.report";
import { changeDeadlineRules, changeUrgency } from "~/models/complaint/deadlines.server";
import { createComplaint } from "~/models/complaint/filing.server";
import { getPublicComplaint } from "~/models/complaint/public.server";
import { bulkAcknowledge, createTemplate, templateFormatter } from "~/models/complaint/reply-templates.server";
import { getStaffComplaint } from "~/models/complaint/staff.server";
import { moveComplaint, rateHandling, reopenComplaint } from "~/models/complaint/workflow.server";
import { dueAtFor } from "~/lib/deadline-policy";
import { prisma } from "~/utils/db.server";
import { context, ORIGIN, settle } from "../fixtures/http";
import { createStaff } from "../fixtures/staff";

const SLUG = "vinh-bao";
let communeId = 0;
let officialId = 0;

beforeAll(async () => {
  communeId = (await prisma.commune.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  officialId = (await createStaff("official", [SLUG])).id;
});

beforeEach(async () => {
  await prisma.complaint.deleteMany();
  await prisma.calendarDay.deleteMany();
  await prisma.replyTemplate.deleteMany();
});

const file = (text = "Ổ gà lớn trước cổng trường tiểu học thôn 3.") => createComplaint({ communeId, category: "roads", text });

async function acknowledgeWithPromise(id: number) {
  const template = await createTemplate({
    category: null,
    title: "Tiếp nhận",
    body: "UBND {commune} đã tiếp nhận phản ánh {code} và sẽ trả lời trước {deadline}.",
  });
  const r = await bulkAcknowledge({
    ids: [id],
    actorId: officialId,
    communeIds: [communeId],
    templateId: template.id,
    format: templateFormatter("vi"),
  });
  expect(r).toMatchObject({ ok: true, done: 1 });
}

describe("deadlines in one home", () => {
  it("marking urgent recomputes the deadlines and the date promised to the resident together", async () => {
    const { id, code } = await file();
    await acknowledgeWithPromise(id);
    const before = (await getStaffComplaint({ id }))!;
    const res = await changeUrgency({ id, actorId: officialId, urgency: "urgent", reason: "Trước cổng trường" });
    expect(res.ok).toBe(true);
    const staff = (await getStaffComplaint({ id }))!;
    expect(staff.handleBy!.getTime()).toBeLessThan(before.handleBy!.getTime());
    expect(staff.dueAt?.toISOString()).toBe(dueAtFor(staff.status, staff)?.toISOString());
    // The public page: after the acknowledgement's old date, the new one the staff page shows.
    const events = (await getPublicComplaint({ code }))!.events;
    const promised = events.filter((e) => e.kind === "deadline_changed");
    expect(promised).toHaveLength(1);
    expect(promised[0].body).toBe(staff.handleBy!.toISOString());
    expect(events.findIndex((e) => e.kind === "deadline_changed")).toBeGreaterThan(events.findIndex((e) => e.kind === "reply"));
  });

  it("a report nobody acknowledged yet was promised nothing: no public event, deadlines still move", async () => {
    const { id, code } = await file();
    const before = (await getStaffComplaint({ id }))!;
    await changeUrgency({ id, actorId: officialId, urgency: "urgent", reason: "Nguy hiểm" });
    const after = (await getStaffComplaint({ id }))!;
    expect(after.handleBy!.getTime()).toBeLessThan(before.handleBy!.getTime());
    expect(after.dueAt?.toISOString()).toBe(after.acknowledgeBy?.toISOString());
    const events = (await getPublicComplaint({ code }))!.events;
    expect(events.some((e) => e.kind === "deadline_changed")).toBe(false);
  });

  it("a calendar change recomputes open reports once, the promise included", async () => {
    const { id, code } = await file();
    await acknowledgeWithPromise(id);
    const before = (await getStaffComplaint({ id }))!;
    // Every day from filing to the old handling date off: the handling date moves later.
    const days: string[] = [];
    for (let t = before.clockStartedAt.getTime(); t <= before.handleBy!.getTime() + 86_400_000; t += 86_400_000)
      days.push(new Date(t + 7 * 3_600_000).toISOString().slice(0, 10));
    for (const date of days.slice(0, -1))
      await prisma.calendarDay.upsert({ where: { date }, create: { date, kind: "day_off", note: "" }, update: {} });
    const recomputed = await changeDeadlineRules(
      { kind: "addDay", date: days.at(-1)!, dayKind: "day_off", note: "bão" },
      { actorId: null },
    );
    expect(recomputed).toBe(1);
    const after = (await getStaffComplaint({ id }))!;
    expect(after.handleBy!.getTime()).toBeGreaterThan(before.handleBy!.getTime());
    expect(after.dueAt?.toISOString()).toBe(after.handleBy?.toISOString());
    const promised = (await getPublicComplaint({ code }))!.events.filter((e) => e.kind === "deadline_changed");
    expect(promised.map((e) => e.body)).toEqual([after.handleBy!.toISOString()]);
  });
});

describe("rating and reopening", () => {
  async function resolved() {
    const c = await file();
    await moveComplaint({ id: c.id, actorId: officialId, to: "acknowledged", reply: null });
    await moveComplaint({ id: c.id, actorId: officialId, to: "resolved", reply: "Đã vá ổ gà." });
    return c;
  }

  it("a rating whose event cannot be written leaves no rating behind (one transaction)", async () => {
    const { id, code } = await resolved();
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER "test_no_rated_event" BEFORE INSERT ON "ComplaintEvent" WHEN NEW."kind" = 'rated'
       BEGIN SELECT RAISE(ABORT, 'test: no rated event'); END`,
    );
    try {
      await expect(rateHandling({ code, rating: 5 })).rejects.toThrow();
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER "test_no_rated_event"`);
    }
    const row = await prisma.complaint.findUniqueOrThrow({ where: { id }, select: { handlingRating: true } });
    expect(row.handlingRating).toBeNull();
    await rateHandling({ code, rating: 4 });
    expect((await prisma.complaint.findUniqueOrThrow({ where: { id } })).handlingRating).toBe(4);
    expect(await prisma.complaintEvent.count({ where: { complaintId: id, kind: "rated" } })).toBe(1);
  });

  it("reopening restarts the clock through the one status change: deadlines from now, dueAt from them", async () => {
    const { id, code } = await resolved();
    await rateHandling({ code, rating: 2 });
    const now = new Date();
    await reopenComplaint({ code, reason: "Ổ gà lại xuất hiện sau trận mưa.", now });
    const c = (await getStaffComplaint({ id }))!;
    expect(c.status).toBe("reopened");
    expect(c.clockStartedAt.getTime()).toBe(now.getTime());
    expect(c.resolvedAt).toBeNull();
    expect(c.handlingRating).toBeNull();
    expect(c.dueAt?.toISOString()).toBe(c.acknowledgeBy?.toISOString());
    expect(c.acknowledgeBy!.getTime()).toBeGreaterThan(now.getTime());
    const reopened = c.events.filter((e) => e.kind === "reopened");
    expect(reopened).toHaveLength(1);
    expect(reopened[0]).toMatchObject({ fromStatus: "resolved", toStatus: "reopened", public: true });
    // No second "status" event: the reopening is the status change's event.
    expect(c.events.filter((e) => e.kind === "status" && e.toStatus === "reopened")).toHaveLength(0);
  });
});

describe("a submission id sent by another resident", () => {
  async function send(submissionId: string, text: string, ip: string) {
    const form = new FormData();
    form.append("category", "water");
    form.append("text", text);
    form.append("submissionId", submissionId);
    const request = new Request(`${ORIGIN}/c/${SLUG}/report`, { method: "POST", body: form, headers: { Origin: ORIGIN } });
    return settle(() => reportAction({ request, params: { slug: SLUG }, context: context(ip) }));
  }

  it("never returns the first resident's tracking code: 400, nothing stored, the text kept", async () => {
    const id = crypto.randomUUID();
    const first = await send(id, "Nước máy thôn 2 đục và có mùi từ ba ngày nay.", "198.51.100.20");
    expect(first.status).toBe(303);
    const code = first.headers.get("Location")!.split("/t/")[1].split("?")[0];
    const other = await send(id, "Đèn đường ngõ 5 thôn 1 hỏng đã một tuần.", "198.51.100.21");
    expect(other.status).toBe(400);
    const body = await other.text();
    expect(body).not.toContain(code);
    const json = JSON.parse(body);
    expect(json.formError).toBe("submissionConflict");
    expect(json.values.text).toBe("Đèn đường ngõ 5 thôn 1 hỏng đã một tuần.");
    expect(json.values.submissionId).not.toBe(id);
    expect(await prisma.complaint.count({ where: { communeId } })).toBe(1);
    // Sending again with the fresh form id stores the second report under its own code.
    const again = await send(json.values.submissionId, json.values.text, "198.51.100.21");
    expect(again.status).toBe(303);
    expect(again.headers.get("Location")).not.toContain(code);
  });

  it("two sends racing: another sender's report is refused, not given the first code", async () => {
    const id = crypto.randomUUID();
    await createComplaint({ communeId, category: "roads", text: "Cầu tràn thôn 4 sạt lở một bên.", submissionId: id });
    await expect(
      createComplaint({ communeId, category: "roads", text: "Một phản ánh khác hẳn.", submissionId: id }),
    ).rejects.toThrow("submissionConflict");
  });
});
