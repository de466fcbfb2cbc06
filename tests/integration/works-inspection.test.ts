// The community investment supervision board's inspection form (issue 22 point 5), through the
// routes' loaders and actions on a real SQLite file: a recorded inspection with photos (re-encoded,
// GPS dropped) on the work's public page, a "degraded" verdict on a work under warranty in the
// official's inbox with the warranty notice, and every kind of bad input refused with 400 next to
// its field, the input kept and nothing written (no row, no file).
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { action as inspectAction, loader as inspectLoader } from "~/routes/staff.works.$id.inspect";
import { loader as boardLoader } from "~/routes/staff.works._index";
import { loader as workLoader } from "~/routes/c.$slug.works.$code";
import { loader as photoLoader } from "~/routes/inspection-photos.$id.$n";
import { loader as inboxLoader } from "~/routes/staff._index";
import { loader as complaintLoader } from "~/routes/staff.complaints.$id";
import { loader as trackLoader } from "~/routes/t.$code";
import { vnIsoDay } from "~/lib/vn-time";
import { prisma } from "~/utils/db.server";
import { uploadDir } from "~/utils/upload.server";
import { FAKE_JPEG, jpegWithGps, png } from "../fixtures/images";
import { context, getRequest, ORIGIN, settle } from "../fixtures/http";
import { createStaff, signIn } from "../fixtures/staff";

const SLUG = "vinh-bao";
const OTHER = "cam-giang";
const DAY = 86_400_000;
let front = "";
let otherFront = "";
let official = "";
let communeId = 0;

beforeAll(async () => {
  front = await signIn((await createStaff("front", [SLUG])).email);
  otherFront = await signIn((await createStaff("front", [OTHER])).email);
  official = await signIn((await createStaff("official", [SLUG])).email);
  communeId = (await prisma.commune.findUniqueOrThrow({ where: { slug: SLUG } })).id;
});

beforeEach(async () => {
  await prisma.complaint.deleteMany();
  await prisma.work.deleteMany();
  fs.rmSync(uploadDir(), { recursive: true, force: true });
});

/** A road handed over `monthsAgo` months ago, with a 12-month warranty. */
async function work(monthsAgo = 3) {
  return prisma.work.create({
    data: {
      communeId,
      code: "GT-07",
      category: "roads",
      name: "Đường liên thôn Tân Hòa",
      programme: "NTM kiểu mẫu 2024",
      totalInvestment: 12_000_000_000n,
      contractor: "Công ty Xây dựng Giám Sát",
      handedOverOn: new Date(Date.now() - monthsAgo * 31 * DAY),
      warrantyMonths: 12,
      status: "handed_over",
    },
  });
}

type Photo = { name: string; type: string; data: Buffer };
const valid = () => ({
  inspectedOn: vnIsoDay(new Date()),
  inspectors: "Nguyễn Văn An, Trần Thị Bình",
  findings: "Mặt đường nứt dọc khoảng 40 m, rãnh thoát nước bị lấp.",
  verdict: "needs_repair",
});

function post(id: number, fields: Record<string, string>, photos: Photo[] = [], cookie = front) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const p of photos) form.append("photos", new File([new Uint8Array(p.data)], p.name, { type: p.type }));
  const request = new Request(`${ORIGIN}/staff/works/${id}/inspect`, {
    method: "POST",
    body: form,
    headers: { Origin: ORIGIN, Cookie: cookie },
  });
  return settle(() => inspectAction({ request, params: { id: String(id) }, context: context() }));
}

const files = () => (fs.existsSync(uploadDir()) ? fs.readdirSync(uploadDir()).filter((f) => f.endsWith(".jpg")) : []);

describe("the inspection form", () => {
  it("records the inspection with its photos re-encoded without GPS, and shows it on the work's public page", async () => {
    const w = await work();
    const page = await settle(() =>
      inspectLoader({
        request: getRequest(`/staff/works/${w.id}/inspect`, { cookie: front }),
        params: { id: String(w.id) },
        context: context(),
      }),
    );
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toContain("no-store");

    const res = await post(w.id, valid(), [
      { name: "IMG_0001.jpg", type: "image/jpeg", data: await jpegWithGps() },
      { name: "so-do.png", type: "image/png", data: await png() },
    ]);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/staff/works?saved=${w.id}`);
    const stored = await prisma.workInspection.findFirstOrThrow();
    expect(stored).toMatchObject({ workId: w.id, verdict: "needs_repair", inspectors: "Nguyễn Văn An, Trần Thị Bình" });
    expect(vnIsoDay(stored.inspectedOn)).toBe(vnIsoDay(new Date()));
    const photos = JSON.parse(stored.photos) as { fileName: string; width: number; height: number }[];
    expect(photos).toHaveLength(2);
    expect(Math.max(photos[0].width, photos[0].height)).toBe(1600);
    const meta = await sharp(path.join(uploadDir(), photos[0].fileName)).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.exif).toBeUndefined();
    // Not a report: only a degraded verdict on a work under warranty becomes one.
    expect(await prisma.complaint.count()).toBe(0);

    const pub = await settle(() =>
      workLoader({ request: getRequest(`/c/${SLUG}/works/GT-07`), params: { slug: SLUG, code: "GT-07" }, context: context() }),
    );
    const { inspections } = (await pub.json()) as {
      inspections: { id: number; verdict: string; findings: string; photos: { n: number; width: number }[] }[];
    };
    expect(inspections).toEqual([
      expect.objectContaining({
        id: stored.id,
        verdict: "needs_repair",
        photos: [expect.objectContaining({ n: 0, width: photos[0].width }), expect.objectContaining({ n: 1 })],
      }),
    ]);
    expect(JSON.stringify(inspections)).not.toContain(photos[0].fileName);

    // The photo is public (no sign-in), served as the stored JPEG; a place past the list is 404.
    const served = await settle(() =>
      photoLoader({
        request: getRequest(`/inspection-photos/${stored.id}/0`),
        params: { id: String(stored.id), n: "0" },
        context: context(),
      }),
    );
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/jpeg");
    expect(Buffer.from(await served.arrayBuffer()).equals(fs.readFileSync(path.join(uploadDir(), photos[0].fileName)))).toBe(
      true,
    );
    for (const n of ["2", "-1", "x"]) {
      const missing = await settle(() =>
        photoLoader({
          request: getRequest(`/inspection-photos/${stored.id}/${n}`),
          params: { id: String(stored.id), n },
          context: context(),
        }),
      );
      expect(missing.status).toBe(404);
    }

    // The board's list shows the latest verdict.
    const board = await settle(() =>
      boardLoader({ request: getRequest("/staff/works", { cookie: front }), params: {}, context: context() }),
    );
    const { works } = (await board.json()) as { works: { id: number; lastInspection: { verdict: string } | null }[] };
    expect(works).toEqual([
      expect.objectContaining({ id: w.id, lastInspection: expect.objectContaining({ verdict: "needs_repair" }) }),
    ]);
  });

  it("a degraded verdict on a work under warranty appears in the official's inbox with the warranty notice", async () => {
    const w = await work();
    const res = await post(w.id, { ...valid(), verdict: "degraded" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/staff/works?saved=${w.id}&filed=1`);
    const complaint = await prisma.complaint.findFirstOrThrow({ select: { id: true, code: true, text: true, communeId: true } });
    expect(complaint.communeId).toBe(communeId);
    expect(complaint.text).toContain("Mặt đường nứt dọc");

    const inbox = await settle(() =>
      inboxLoader({ request: getRequest("/staff", { cookie: official }), params: {}, context: context() }),
    );
    const data = (await inbox.json()) as {
      inbox: { items: { id: number }[] };
      warranty: Record<string, { contractor: string; fromInspection: boolean; workCode: string }>;
    };
    expect(data.inbox.items.map((c) => c.id)).toContain(complaint.id);
    expect(data.warranty[complaint.id]).toMatchObject({
      contractor: "Công ty Xây dựng Giám Sát",
      fromInspection: true,
      workCode: "GT-07",
    });
    const page = await settle(() =>
      complaintLoader({
        request: getRequest(`/staff/complaints/${complaint.id}`, { cookie: official }),
        params: { id: String(complaint.id) },
        context: context(),
      }),
    );
    expect(((await page.json()) as { warranty: { fromInspection: boolean } }).warranty.fromInspection).toBe(true);
    // The public tracking page of that report names the work (and only its name and code).
    const track = await settle(() =>
      trackLoader({ request: getRequest(`/t/${complaint.code}`), params: { code: complaint.code }, context: context() }),
    );
    expect(((await track.json()) as { work: unknown }).work).toEqual({ code: "GT-07", name: "Đường liên thôn Tân Hòa" });
  });

  it("is audited: who inspected which work, the verdict, the photos and whether a report was filed", async () => {
    const w = await work();
    const before = await prisma.auditEvent.count({ where: { action: "work_inspected" } });
    const res = await post(w.id, { ...valid(), verdict: "degraded" }, [
      { name: "a.png", type: "image/png", data: await png(40, 30) },
    ]);
    expect(res.status).toBe(303);
    const events = await prisma.auditEvent.findMany({ where: { action: "work_inspected" }, orderBy: { id: "asc" } });
    expect(events).toHaveLength(before + 1);
    const event = events[events.length - 1];
    expect(event.communeId).toBe(communeId);
    expect(event.actorId).not.toBeNull();
    expect(JSON.parse(event.detail ?? "{}")).toEqual({ work: "GT-07", verdict: "degraded", photos: 1, reportFiled: true });
  });

  it("when the report cannot be filed, nothing is kept: no inspection, no report, no link, no audit, no photo", async () => {
    const w = await work();
    const before = await prisma.auditEvent.count({ where: { action: "work_inspected" } });
    // The database refuses the report (a disk error, a constraint): the inspection goes with it.
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER test_refuse_report BEFORE INSERT ON "Complaint" BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`,
    );
    try {
      const photo = { name: "a.png", type: "image/png", data: await png(40, 30) };
      await expect(post(w.id, { ...valid(), verdict: "degraded" }, [photo])).rejects.toThrow();
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER test_refuse_report`);
    }
    expect(await prisma.workInspection.count()).toBe(0);
    expect(await prisma.complaint.count()).toBe(0);
    expect(await prisma.workComplaint.count()).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: "work_inspected" } })).toBe(before);
    expect(files()).toEqual([]);
  });

  it("a degraded verdict on a work whose warranty has ended is recorded but files no report", async () => {
    const w = await work(14);
    expect((await post(w.id, { ...valid(), verdict: "degraded" })).status).toBe(303);
    expect(await prisma.workInspection.count()).toBe(1);
    expect(await prisma.complaint.count()).toBe(0);
  });

  const tomorrow = () => vnIsoDay(new Date(Date.now() + DAY));
  it.each([
    ["a day after today (Vietnam time)", () => ({ inspectedOn: tomorrow() }), "inspectedOn", "inspect.errors.date"],
    ["a day that does not exist", () => ({ inspectedOn: "2026-02-30" }), "inspectedOn", "inspect.errors.date"],
    ["no day", () => ({ inspectedOn: "" }), "inspectedOn", "inspect.errors.date"],
    ["no names", () => ({ inspectors: "   " }), "inspectors", "inspect.errors.who"],
    ["names over 300 characters", () => ({ inspectors: "A".repeat(301) }), "inspectors", "inspect.errors.who"],
    ["findings under 10 characters", () => ({ findings: "Nứt" }), "findings", "inspect.errors.findings"],
    ["findings over 2,000 characters", () => ({ findings: "đ".repeat(2001) }), "findings", "inspect.errors.findings"],
    ["a verdict that is not one of the three", () => ({ verdict: "excellent" }), "verdict", "inspect.errors.verdict"],
  ])("refuses %s with 400 next to the field, keeps the input, writes nothing", async (_, change, field, message) => {
    const w = await work();
    const fields = { ...valid(), ...change() };
    const res = await post(w.id, fields, [{ name: "a.jpg", type: "image/jpeg", data: await jpegWithGps(200, 150) }]);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { fieldErrors: Record<string, string>; values: Record<string, string> };
    expect(body.fieldErrors[field]).toBe(message);
    expect(body.values.findings).toBe(fields.findings);
    expect(await prisma.workInspection.count()).toBe(0);
    expect(files()).toEqual([]);
  });

  it("refuses a file that is not an image, and a fourth photo, next to the photos field", async () => {
    const w = await work();
    const fake = await post(w.id, valid(), [{ name: "x.jpg", type: "image/jpeg", data: FAKE_JPEG }]);
    expect(fake.status).toBe(400);
    expect(((await fake.json()) as { fieldErrors: Record<string, string> }).fieldErrors.photos).toBe(
      "complaint:errors.notAnImage",
    );
    const small = await png(40, 30);
    const four = await post(
      w.id,
      valid(),
      [1, 2, 3, 4].map((i) => ({ name: `${i}.png`, type: "image/png", data: small })),
    );
    expect(four.status).toBe(400);
    expect(((await four.json()) as { fieldErrors: Record<string, string> }).fieldErrors.photos).toBe(
      "complaint:errors.tooManyPhotos",
    );
    expect(await prisma.workInspection.count()).toBe(0);
    expect(files()).toEqual([]);
  });

  it("the Front of another commune cannot see or inspect the work (404), and nothing is written", async () => {
    const w = await work();
    const res = await post(w.id, valid(), [], otherFront);
    expect(res.status).toBe(404);
    const board = await settle(() =>
      boardLoader({ request: getRequest("/staff/works", { cookie: otherFront }), params: {}, context: context() }),
    );
    expect(((await board.json()) as { works: unknown[] }).works).toEqual([]);
    expect(await prisma.workInspection.count()).toBe(0);
  });
});
