// Complaints end to end through loaders and actions, on a real SQLite file, with real images.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { action as reportAction } from "~/routes/c.$slug.report";
import { loader as communeLoader } from "~/routes/c.$slug._index";
import { action as trackAction, loader as trackLoader } from "~/routes/t.$code";
import { loader as lookupLoader } from "~/routes/t._index";
import { loader as photoLoader } from "~/routes/photos.$id";
import { action as staffAction, loader as staffLoader } from "~/routes/staff.complaints.$id";
import { loader as inboxLoader } from "~/routes/staff._index";
import type { Status } from "~/lib/complaint-workflow";
import { prisma } from "~/utils/db.server";
import { uploadDir } from "~/utils/upload.server";
import { context, formRequest, getRequest, ORIGIN, settle } from "../fixtures/http";
import { FAKE_JPEG, jpegWithGps, png } from "../fixtures/images";
import { createStaff, signIn } from "../fixtures/staff";

const SLUG = "vinh-bao";
let ip = 0;
const nextIp = () => `203.0.113.${++ip}`;

function reportRequest(fields: Record<string, string>, files: { name: string; type: string; data: Buffer }[] = []) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append("photos", new File([new Uint8Array(f.data)], f.name, { type: f.type }));
  return new Request(`${ORIGIN}/c/${SLUG}/report`, { method: "POST", body: form, headers: { Origin: ORIGIN } });
}

const validFields = {
  category: "roads",
  text: "Đường trục thôn bị lún, nhiều ổ gà nguy hiểm.",
  village: "Thôn 3",
  contact: "0912 345 678",
  consent: "on",
  latitude: "20.71",
  longitude: "106.48",
};

async function file(
  fields: Record<string, string> = validFields,
  files: Parameters<typeof reportRequest>[1] = [],
  clientIp = nextIp(),
) {
  return settle(() =>
    reportAction({ request: reportRequest(fields, files), params: { slug: SLUG }, context: context(clientIp) }),
  );
}

async function fileOk(fields: Record<string, string> = validFields, files: Parameters<typeof reportRequest>[1] = []) {
  const res = await file(fields, files);
  expect(res.status).toBe(303);
  const code = res.headers.get("Location")!.match(/^\/t\/([A-Z2-9-]+)\?new=1$/)![1];
  return prisma.complaint.findUniqueOrThrow({ where: { code }, include: { photos: true } });
}

const uploads = () => (fs.existsSync(uploadDir()) ? fs.readdirSync(uploadDir()) : []);
const count = () => prisma.complaint.count();

async function staffPost(id: number, cookie: string, body: Record<string, string>) {
  return settle(() =>
    staffAction({
      request: formRequest(`/staff/complaints/${id}`, body, { cookie }),
      params: { id: String(id) },
      context: context(),
    }),
  );
}

async function publicView(code: string) {
  const res = await settle(() => trackLoader({ request: getRequest(`/t/${code}`), params: { code }, context: context() }));
  expect(res.status).toBe(200);
  return res.json();
}

beforeEach(async () => {
  await prisma.complaint.deleteMany();
  fs.rmSync(uploadDir(), { recursive: true, force: true });
});

describe("filing a complaint", () => {
  it("stores it with a readable tracking code, and re-encodes photos without their GPS data", async () => {
    const c = await fileOk(validFields, [
      { name: "IMG_0001.jpg", type: "image/jpeg", data: await jpegWithGps() },
      { name: "map.png", type: "image/png", data: await png() },
    ]);
    expect(c.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(c).toMatchObject({
      category: "roads",
      status: "new",
      village: "Thôn 3",
      contact: "0912 345 678",
      latitude: 20.71,
      longitude: 106.48,
    });
    expect(c.photos).toHaveLength(2);
    const big = c.photos[0];
    expect(Math.max(big.width, big.height)).toBe(1600); // resized from 2400x1800
    const meta = await sharp(path.join(uploadDir(), big.fileName)).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.exif).toBeUndefined();
    expect(c.photos.every((p) => !p.approved)).toBe(true);
  });

  it.each([
    ["no description", { ...validFields, text: "" }, "text", "errors.textRequired"],
    ["a description under 10 characters", { ...validFields, text: "ổ gà" }, "text", "errors.textTooShort"],
    ["a description over 2,000 characters", { ...validFields, text: "đ".repeat(2001) }, "text", "errors.textTooLong"],
    ["no category", { ...validFields, category: "" }, "category", "errors.categoryRequired"],
    ["a forged category", { ...validFields, category: "schools" }, "category", "errors.categoryRequired"],
    [
      "a contact that is neither phone nor e-mail",
      { ...validFields, contact: "<b>call me</b>" },
      "contact",
      "errors.contactInvalid",
    ],
    ["a latitude out of range", { ...validFields, latitude: "123" }, "latitude", "errors.invalid"],
  ])("refuses %s with 400, a field message and the input kept", async (_, fields, field, message) => {
    const res = await file(fields);
    expect(res.status).toBe(400);
    const data = await res.json();
    expect(data.fieldErrors[field]).toBe(message);
    expect(data.values.village).toBe("Thôn 3");
    expect(await count()).toBe(0);
  });

  it("refuses a file that is not really an image (content checked, not the name)", async () => {
    const res = await file(validFields, [
      { name: "ok.png", type: "image/png", data: await png() },
      { name: "photo.jpg", type: "image/jpeg", data: FAKE_JPEG },
    ]);
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors.photos).toBe("errors.notAnImage");
    expect(await count()).toBe(0);
    expect(uploads()).toEqual([]);
  });

  it("refuses a photo over 8 MB", async () => {
    const res = await file(validFields, [{ name: "huge.jpg", type: "image/jpeg", data: Buffer.alloc(8 * 1024 * 1024 + 1, 1) }]);
    expect(res.status).toBe(400);
    expect((await res.json()).formError).toBe("photoTooLarge");
    expect(await count()).toBe(0);
  });

  it("refuses more than 3 photos", async () => {
    const small = await png();
    const res = await file(
      validFields,
      Array.from({ length: 4 }, (_, i) => ({ name: `${i}.png`, type: "image/png", data: small })),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors.photos).toBe("errors.tooManyPhotos");
    expect(await count()).toBe(0);
    expect(uploads()).toEqual([]);
  });

  it("refuses a body that is not a multipart form", async () => {
    const res = await settle(() =>
      reportAction({ request: formRequest(`/c/${SLUG}/report`, validFields), params: { slug: SLUG }, context: context() }),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).formError).toBe("notForm");
  });

  it("limits complaints per network address (10 an hour by default)", async () => {
    const addr = "198.18.0.7";
    for (let i = 0; i < 10; i++) expect((await file(validFields, [], addr)).status).toBe(303);
    const res = await file(validFields, [], addr);
    expect(res.status).toBe(429);
    expect((await res.json()).values.text).toBe(validFields.text);
    expect(await count()).toBe(10);
  });

  it("refuses a post from another site", async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(validFields)) form.append(k, v);
    const request = new Request(`${ORIGIN}/c/${SLUG}/report`, {
      method: "POST",
      body: form,
      headers: { Origin: "https://evil.example" },
    });
    expect((await settle(() => reportAction({ request, params: { slug: SLUG }, context: context() }))).status).toBe(403);
    expect(await count()).toBe(0);
  });
});

describe("the public tracking page", () => {
  it("shows status, public replies and approved photos, never the contact, internal notes or unapproved photos", async () => {
    const c = await fileOk(validFields, [{ name: "a.png", type: "image/png", data: await png() }]);
    const official = await createStaff("official", [SLUG]);
    const cookie = await signIn(official.email);
    expect((await staffPost(c.id, cookie, { intent: "note", body: "Nội bộ: gọi lại cho anh Hùng 0912 345 678" })).status).toBe(
      303,
    );
    expect((await staffPost(c.id, cookie, { intent: "move", to: "acknowledged", reply: "Xã đã tiếp nhận." })).status).toBe(303);

    let view = await publicView(c.code);
    const json = JSON.stringify(view);
    expect(json).not.toContain("0912 345 678");
    expect(json).not.toContain("Nội bộ");
    expect(view.complaint.photos).toEqual([]);
    expect(view.complaint.status).toBe("acknowledged");
    expect(view.complaint.events.map((e: { kind: string }) => e.kind)).toEqual(["filed", "status", "reply"]);

    // The photo is hidden from the public until approved, then shown.
    const photoId = c.photos[0].id;
    const asPublic = () =>
      settle(() =>
        photoLoader({ request: getRequest(`/photos/${photoId}`), params: { id: String(photoId) }, context: context() }),
      );
    expect((await asPublic()).status).toBe(404);
    const asOfficial = await settle(() =>
      photoLoader({ request: getRequest(`/photos/${photoId}`, { cookie }), params: { id: String(photoId) }, context: context() }),
    );
    expect(asOfficial.status).toBe(200);
    expect(asOfficial.headers.get("Content-Type")).toBe("image/jpeg");
    expect((await staffPost(c.id, cookie, { intent: "photo", photoId: String(photoId), approved: "1" })).status).toBe(303);
    expect((await asPublic()).status).toBe(200);
    view = await publicView(c.code);
    expect(view.complaint.photos).toHaveLength(1);
  });

  it("shows the redacted text publicly and keeps the original for staff", async () => {
    const c = await fileOk({ ...validFields, text: "Nhà ông Nguyễn Văn A số 12 xả rác ra đường liên thôn." });
    const official = await createStaff("official", [SLUG]);
    const cookie = await signIn(official.email);
    expect(
      (await staffPost(c.id, cookie, { intent: "redact", publicText: "Một hộ gia đình xả rác ra đường liên thôn." })).status,
    ).toBe(303);
    expect((await publicView(c.code)).complaint.text).toBe("Một hộ gia đình xả rác ra đường liên thôn.");
    const staffView = await (
      await settle(() =>
        staffLoader({
          request: getRequest(`/staff/complaints/${c.id}`, { cookie }),
          params: { id: String(c.id) },
          context: context(),
        }),
      )
    ).json();
    expect(staffView.complaint.text).toContain("Nguyễn Văn A");
  });

  it("answers an unknown or malformed tracking code with 404 / 400", async () => {
    const lookup = (code: string) =>
      settle(() => lookupLoader({ request: getRequest(`/t?code=${encodeURIComponent(code)}`), params: {}, context: context() }));
    expect((await lookup("ABCDE-23456")).status).toBe(404);
    expect((await lookup("<script>")).status).toBe(400);
    expect(
      (
        await settle(() =>
          trackLoader({ request: getRequest("/t/ABCDE-23456"), params: { code: "ABCDE-23456" }, context: context() }),
        )
      ).status,
    ).toBe(404);
    const c = await fileOk();
    const found = await lookup(c.code.toLowerCase().replace("-", " "));
    expect(found.status).toBe(302);
    expect(found.headers.get("Location")).toBe(`/t/${c.code}`);
  });
});

describe("the workflow", () => {
  it("goes new → acknowledged → in progress → resolved (with a reply), is rated, reopened, and records who did what", async () => {
    const c = await fileOk();
    const official = await createStaff("official", [SLUG]);
    const cookie = await signIn(official.email);
    expect((await staffPost(c.id, cookie, { intent: "move", to: "acknowledged" })).status).toBe(303);
    expect((await staffPost(c.id, cookie, { intent: "move", to: "in_progress" })).status).toBe(303);
    const noReply = await staffPost(c.id, cookie, { intent: "move", to: "resolved", reply: "" });
    expect(noReply.status).toBe(400);
    expect((await noReply.json()).fieldErrors.reply).toBe("errors.replyRequired");
    expect((await prisma.complaint.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("in_progress");
    expect((await staffPost(c.id, cookie, { intent: "move", to: "resolved", reply: "Đã vá xong mặt đường." })).status).toBe(303);

    const track = (body: Record<string, string>) =>
      settle(() => trackAction({ request: formRequest(`/t/${c.code}`, body), params: { code: c.code }, context: context() }));
    expect((await track({ intent: "rate", rating: "4" })).status).toBe(303);
    expect((await prisma.complaint.findUniqueOrThrow({ where: { id: c.id } })).handlingRating).toBe(4);
    expect((await track({ intent: "rate", rating: "9" })).status).toBe(400);
    const short = await track({ intent: "reopen", reason: "chưa" });
    expect(short.status).toBe(400);
    expect((await short.json()).fieldErrors.reason).toBe("errors.reasonTooShort");
    expect((await track({ intent: "reopen", reason: "Mưa xong lại lún như cũ." })).status).toBe(303);

    const after = await prisma.complaint.findUniqueOrThrow({
      where: { id: c.id },
      include: { events: { orderBy: { id: "asc" } } },
    });
    expect(after.status).toBe("reopened");
    expect(after.resolvedAt).toBeNull();
    expect(after.clockStartedAt.getTime()).toBeGreaterThan(c.createdAt.getTime());
    const history = after.events.map((e) => [e.kind, e.fromStatus, e.toStatus, e.actorId]);
    expect(history).toEqual([
      ["filed", null, "new", null],
      ["status", "new", "acknowledged", official.id],
      ["status", "acknowledged", "in_progress", official.id],
      ["status", "in_progress", "resolved", official.id],
      ["reply", null, null, official.id],
      ["rated", null, null, null],
      ["reopened", "resolved", "reopened", null],
    ]);
  });

  it("approves every pending photo in one tap, each with its own history entry", async () => {
    const c = await fileOk(validFields, [
      { name: "a.png", type: "image/png", data: await png() },
      { name: "b.png", type: "image/png", data: await png() },
    ]);
    const official = await createStaff("official", [SLUG]);
    const cookie = await signIn(official.email);
    const res = await staffPost(c.id, cookie, { intent: "photosAll" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/staff/complaints/${c.id}?done=photo#done`);
    expect((await prisma.complaintPhoto.findMany({ where: { complaintId: c.id } })).every((p) => p.approved)).toBe(true);
    expect(await prisma.complaintEvent.count({ where: { complaintId: c.id, kind: "photo_approved" } })).toBe(2);
    // Nothing left to approve: a second tap changes nothing.
    expect((await staffPost(c.id, cookie, { intent: "photosAll" })).status).toBe(409);
  });

  it("lists the inbox least time left first (newest first on request) and remembers its filters (cookie), until cleared", async () => {
    const older = await fileOk();
    const newer = await fileOk({ ...validFields, text: "Cống thoát nước thôn 3 bị tắc, nước tràn ra đường." });
    const official = await createStaff("official", [SLUG]);
    const session = await signIn(official.email);
    const inbox = (query: string, extra = "") =>
      settle(() =>
        inboxLoader({
          request: getRequest(`/staff${query}`, { cookie: [session, extra].filter(Boolean).join("; ") }),
          params: {},
          context: context(),
        }),
      );
    // Default since issue 12: the older report's deadline comes first (it was "newest first").
    const first = await inbox("");
    const ids = (await first.json()).inbox.items.map((c: { id: number }) => c.id);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    const newest = (await (await inbox("?sort=newest")).json()).inbox.items.map((c: { id: number }) => c.id);
    expect(newest.indexOf(newer.id)).toBeLessThan(newest.indexOf(older.id));

    const filtered = await inbox("?category=roads&page=2");
    const saved = filtered.headers.get("Set-Cookie")!.split(";")[0];
    expect(saved).toMatch(/^inbox=/);
    const back = await inbox("", saved);
    expect(back.status).toBe(302);
    expect(back.headers.get("Location")).toBe("/staff?category=roads");
    const cleared = await inbox("?clear=1", saved);
    expect(cleared.status).toBe(200);
    const emptied = cleared.headers.get("Set-Cookie")!.split(";")[0];
    expect((await inbox("", emptied)).status).toBe(200);
  });

  it("resolves a new report directly with its public reply, acknowledging it on the way, and says so", async () => {
    const c = await fileOk();
    const official = await createStaff("official", [SLUG]);
    const cookie = await signIn(official.email);
    expect((await staffPost(c.id, cookie, { intent: "move", to: "resolved", reply: "" })).status).toBe(400);
    const res = await staffPost(c.id, cookie, { intent: "move", to: "resolved", reply: "Đã vá xong ổ gà." });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/staff/complaints/${c.id}?done=resolved#done`);
    const after = await prisma.complaint.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.status).toBe("resolved");
    expect(after.acknowledgedAt).not.toBeNull();
    expect(after.resolvedAt).not.toBeNull();
  });

  it.each<[Status, Status]>([
    ["new", "in_progress"],
    ["new", "reopened"],
    ["resolved", "acknowledged"],
    ["rejected", "in_progress"],
  ])("refuses the forged transition %s → %s with 409 and changes nothing", async (from, to) => {
    const c = await fileOk();
    await prisma.complaint.update({ where: { id: c.id }, data: { status: from } });
    const official = await createStaff("official", [SLUG]);
    const res = await staffPost(c.id, await signIn(official.email), { intent: "move", to, reply: "Trả lời" });
    expect(res.status).toBe(409);
    expect((await res.json()).formError).toBe("forbiddenTransition");
    expect((await prisma.complaint.findUniqueOrThrow({ where: { id: c.id } })).status).toBe(from);
    expect(await prisma.complaintEvent.count({ where: { complaintId: c.id, kind: { not: "filed" } } })).toBe(0);
  });

  it("refuses a status that does not exist with 400", async () => {
    const c = await fileOk();
    const official = await createStaff("official", [SLUG]);
    expect((await staffPost(c.id, await signIn(official.email), { intent: "move", to: "done" })).status).toBe(400);
  });

  it("lets a resident reopen only within 14 days of resolution, and not an open complaint", async () => {
    const c = await fileOk();
    const track = (body: Record<string, string>) =>
      settle(() => trackAction({ request: formRequest(`/t/${c.code}`, body), params: { code: c.code }, context: context() }));
    expect((await track({ intent: "reopen", reason: "Vẫn chưa được xử lý gì cả." })).status).toBe(409);
    expect((await track({ intent: "rate", rating: "5" })).status).toBe(409);
    await prisma.complaint.update({
      where: { id: c.id },
      data: { status: "resolved", resolvedAt: new Date(Date.now() - 15 * 86_400_000) },
    });
    expect((await track({ intent: "reopen", reason: "Vẫn chưa được xử lý gì cả." })).status).toBe(409);
    expect((await prisma.complaint.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("resolved");
  });
});

describe("the commune page", () => {
  it("lists complaints publicly without codes or contact details, and counts open, resolved, overdue and median days", async () => {
    const a = await fileOk();
    const b = await fileOk({ ...validFields, text: "Rác thải tập kết sai nơi quy định." });
    await fileOk({ ...validFields, text: "Nước sinh hoạt có mùi lạ mấy ngày nay." });
    const day = 86_400_000;
    // a: filed 10 days ago, resolved 4 days later; b: filed 3 days ago, never acknowledged, its
    // acknowledge deadline (on the working calendar) passed -> overdue.
    await prisma.complaint.update({
      where: { id: a.id },
      data: { status: "resolved", createdAt: new Date(Date.now() - 10 * day), resolvedAt: new Date(Date.now() - 6 * day) },
    });
    await prisma.complaint.update({
      where: { id: b.id },
      data: {
        clockStartedAt: new Date(Date.now() - 3 * day),
        createdAt: new Date(Date.now() - 3 * day),
        dueAt: new Date(Date.now() - 60_000),
      },
    });
    const res = await settle(() =>
      communeLoader({ request: getRequest(`/c/${SLUG}`), params: { slug: SLUG }, context: context() }),
    );
    const data = await res.json();
    expect(data.complaintCounts).toEqual({ open: 2, resolved: 1, rejected: 0, overdue: 1, medianDaysToResolve: 4 });
    expect(data.complaints).toHaveLength(3);
    const json = JSON.stringify(data.complaints);
    expect(json).not.toContain(a.code);
    expect(json).not.toContain("0912 345 678");
  });
});
