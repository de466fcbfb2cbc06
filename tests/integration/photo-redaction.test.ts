// Blurring parts of a report's photo (issue 21, decision 037): the rectangle's pixels lose their
// detail, the rest of the photo stays as it was, the original file is gone from disk, and the audit
// log says who blurred which photo where. Bad rectangles change nothing.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { action as reportAction } from "~/routes/c.$slug.report";
import { action as redactAction, loader as redactLoader } from "~/routes/staff.complaints.$id_.photos.$photoId.redact";
import { loader as complaintLoader } from "~/routes/staff.complaints.$id";
import { redactPhoto } from "~/models/complaint/photos.server";
import { prisma } from "~/utils/db.server";
import { uploadDir } from "~/utils/upload.server";
import { context, formRequest, getRequest, ORIGIN, settle } from "../fixtures/http";
import { createStaff, signIn } from "../fixtures/staff";

const SLUG = "vinh-bao";
let official = "";
let officialId = 0;
let otherOfficial = "";

beforeAll(async () => {
  const o = await createStaff("official", [SLUG]);
  officialId = o.id;
  official = await signIn(o.email);
  otherOfficial = await signIn((await createStaff("official", ["cam-giang"])).email);
});

/** A photo with detail everywhere (noise over a gradient), as a camera gives, 1200 x 900. */
async function detailedPhoto() {
  const width = 1200;
  const height = 900;
  const gradient = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      gradient[i] = (x * 255) / width;
      gradient[i + 1] = (y * 255) / height;
      gradient[i + 2] = ((x + y) * 4) % 256;
    }
  return sharp(gradient, { raw: { width, height, channels: 3 } })
    .composite([
      {
        input: await sharp({
          create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 30 } },
        })
          .png()
          .toBuffer(),
        blend: "overlay",
      },
    ])
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function fileWithPhoto() {
  const form = new FormData();
  form.append("category", "roads");
  form.append("text", "Xe tải đỗ chắn đường vào trường, ảnh có biển số và mặt người đi đường.");
  form.append("village", "Thôn 3");
  form.append("photos", new File([new Uint8Array(await detailedPhoto())], "p.jpg", { type: "image/jpeg" }));
  const res = await settle(() =>
    reportAction({
      request: new Request(`${ORIGIN}/c/${SLUG}/report`, { method: "POST", body: form, headers: { Origin: ORIGIN } }),
      params: { slug: SLUG },
      context: context("203.0.113.78"),
    }),
  );
  expect(res.status).toBe(303);
  const code = res.headers.get("Location")!.match(/^\/t\/([A-Z2-9-]+)/)![1];
  return prisma.complaint.findUniqueOrThrow({ where: { code }, include: { photos: true } });
}

const redact = (complaintId: number, photoId: number, body: Record<string, string>, cookie = official) =>
  settle(() =>
    redactAction({
      request: formRequest(`/staff/complaints/${complaintId}/photos/${photoId}/redact`, body, { cookie }),
      params: { id: String(complaintId), photoId: String(photoId) },
      context: context(),
    }),
  );

/** Grey pixels of a stored photo, row by row. */
async function grey(fileName: string) {
  const { data, info } = await sharp(path.join(uploadDir(), fileName)).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
type Box = { left: number; top: number; width: number; height: number };
function stats(img: { data: Buffer; width: number }, box: Box) {
  let sum = 0;
  let sq = 0;
  let n = 0;
  for (let y = box.top; y < box.top + box.height; y++)
    for (let x = box.left; x < box.left + box.width; x++) {
      const v = img.data[y * img.width + x];
      sum += v;
      sq += v * v;
      n++;
    }
  const mean = sum / n;
  // Detail: how much a pixel differs from its right-hand neighbour, on average.
  let rough = 0;
  for (let y = box.top; y < box.top + box.height; y++)
    for (let x = box.left; x < box.left + box.width - 1; x++)
      rough += Math.abs(img.data[y * img.width + x + 1] - img.data[y * img.width + x]);
  return { mean, stdev: Math.sqrt(sq / n - mean * mean), rough: rough / (box.height * (box.width - 1)) };
}
/** The mean absolute difference of two images over the pixels outside a box (with a margin). */
function meanDiffOutside(a: { data: Buffer; width: number; height: number }, b: { data: Buffer }, box: Box, margin: number) {
  let diff = 0;
  let n = 0;
  for (let y = 0; y < a.height; y++)
    for (let x = 0; x < a.width; x++) {
      const inside =
        x >= box.left - margin && x < box.left + box.width + margin && y >= box.top - margin && y < box.top + box.height + margin;
      if (inside) continue;
      diff += Math.abs(a.data[y * a.width + x] - b.data[y * a.width + x]);
      n++;
    }
  return diff / n;
}

describe("blurring parts of a report's photo", () => {
  it("blurs the rectangle for good: detail gone inside, the rest as it was, the original erased, audited", async () => {
    const c = await fileWithPhoto();
    const photo = c.photos[0];
    const before = await grey(photo.fileName);
    // 10%..40% across, 20%..50% down of a 1200 x 900 photo.
    const box = { left: 120, top: 180, width: 360, height: 270 };
    const page = await settle(() =>
      redactLoader({
        request: getRequest(`/staff/complaints/${c.id}/photos/${photo.id}/redact`, { cookie: official }),
        params: { id: String(c.id), photoId: String(photo.id) },
        context: context(),
      }),
    );
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("private, no-store");

    const res = await redact(c.id, photo.id, { left_1: "10", top_1: "20", width_1: "30", height_1: "30" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/staff/complaints/${c.id}?done=photo#done`);

    const after = await prisma.complaintPhoto.findUniqueOrThrow({ where: { id: photo.id } });
    expect(after.fileName).not.toBe(photo.fileName);
    expect([after.width, after.height]).toEqual([photo.width, photo.height]);
    expect(after.bytes).toBe(fs.statSync(path.join(uploadDir(), after.fileName)).size);
    // No way back: the original file is erased from disk.
    expect(fs.existsSync(path.join(uploadDir(), photo.fileName))).toBe(false);
    expect(fs.readdirSync(uploadDir()).some((f) => f === photo.fileName)).toBe(false);

    const redacted = await grey(after.fileName);
    const inBefore = stats(before, box);
    const inAfter = stats(redacted, box);
    // Inside: the detail (pixel-to-pixel differences: 10.4 before, 0.2 after when measured) is
    // gone and the spread of the values drops (what is left is the photo's broad gradient); the
    // colour on average stays.
    expect(inBefore.stdev).toBeGreaterThan(15);
    expect(inBefore.rough).toBeGreaterThan(10);
    expect(inAfter.stdev).toBeLessThan(inBefore.stdev * 0.85);
    expect(inAfter.rough).toBeLessThan(inBefore.rough / 10);
    expect(Math.abs(inAfter.mean - inBefore.mean)).toBeLessThan(15);
    // Outside (a JPEG block of margin), the photo is the same but for re-encoding (0.4 of 255 on average when measured).
    expect(meanDiffOutside(before, redacted, box, 16)).toBeLessThan(2);
    const farCorner = { left: 800, top: 600, width: 300, height: 200 };
    expect(Math.abs(stats(redacted, farCorner).rough - stats(before, farCorner).rough)).toBeLessThan(2);

    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "photo_redacted" }, orderBy: { id: "desc" } });
    expect(audit.actorId).toBe(officialId);
    expect(audit.communeId).toBe(c.communeId);
    expect(JSON.parse(audit.detail!)).toEqual({
      complaintId: c.id,
      photoId: photo.id,
      rectangles: [{ left: 10, top: 20, width: 30, height: 30 }],
      pixels: [box],
    });
    // The report's page offers the link to the official who may blur.
    const staffPage = await settle(() =>
      complaintLoader({
        request: getRequest(`/staff/complaints/${c.id}`, { cookie: official }),
        params: { id: String(c.id) },
        context: context(),
      }),
    );
    expect((await staffPage.json()).canRedact).toBe(true);
  });

  it("refuses rectangles outside the photo, of zero size or not numbers: 400 next to the field, input kept, nothing changed", async () => {
    const c = await fileWithPhoto();
    const photo = c.photos[0];
    const bytes = fs.readFileSync(path.join(uploadDir(), photo.fileName));
    const audits = await prisma.auditEvent.count({ where: { action: "photo_redacted" } });
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ left_1: "80", top_1: "10", width_1: "30", height_1: "10" }, { width_1: "redact.errors.outside" }],
      [{ left_1: "10", top_1: "10", width_1: "0", height_1: "10" }, { width_1: "redact.errors.empty" }],
      [{ left_1: "mười", top_1: "10", width_1: "10", height_1: "10" }, { left_1: "redact.errors.number" }],
      [{ left_1: "10", top_1: "-5", width_1: "10", height_1: "10" }, { top_1: "redact.errors.number" }],
      [{ left_2: "10", top_2: "95", width_2: "10", height_2: "10" }, { height_2: "redact.errors.outside" }],
      [{}, { left_1: "redact.errors.none" }],
    ];
    for (const [body, errors] of cases) {
      const res = await redact(c.id, photo.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const data = await res.json();
      expect(data.fieldErrors).toEqual(errors);
      expect(data.values).toEqual(body);
    }
    const now = await prisma.complaintPhoto.findUniqueOrThrow({ where: { id: photo.id } });
    expect(now.fileName).toBe(photo.fileName);
    expect(fs.readFileSync(path.join(uploadDir(), photo.fileName)).equals(bytes)).toBe(true);
    expect(await prisma.auditEvent.count({ where: { action: "photo_redacted" } })).toBe(audits);
  });

  it("is not there for another commune's official, nor for a photo of another report", async () => {
    const c = await fileWithPhoto();
    const other = await fileWithPhoto();
    const body = { left_1: "0", top_1: "0", width_1: "50", height_1: "50" };
    expect((await redact(c.id, c.photos[0].id, body, otherOfficial)).status).toBe(404);
    expect((await redact(c.id, other.photos[0].id, body)).status).toBe(404);
    expect((await prisma.complaintPhoto.findUniqueOrThrow({ where: { id: c.photos[0].id } })).fileName).toBe(
      c.photos[0].fileName,
    );
  });

  it("two blurs of the same photo at once: one is kept, the other is told it is stale, no stray file", async () => {
    const c = await fileWithPhoto();
    const photo = c.photos[0];
    const rect = { left: 10, top: 10, width: 20, height: 20 };
    const files = () => fs.readdirSync(uploadDir()).filter((f) => f.endsWith(".jpg")).length;
    const before = files();
    const results = await Promise.all([
      redactPhoto({ id: c.id, photoId: photo.id, actorId: officialId, rects: [rect] }),
      redactPhoto({ id: c.id, photoId: photo.id, actorId: officialId, rects: [rect] }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "stale" }]);
    const kept = (await prisma.complaintPhoto.findUniqueOrThrow({ where: { id: photo.id } })).fileName;
    expect(kept).not.toBe(photo.fileName);
    expect(fs.existsSync(path.join(uploadDir(), kept))).toBe(true);
    expect(fs.existsSync(path.join(uploadDir(), photo.fileName))).toBe(false);
    expect(files()).toBe(before);
    expect(
      await prisma.auditEvent.count({ where: { action: "photo_redacted", detail: { contains: `"photoId":${photo.id},` } } }),
    ).toBe(1);
  });
});
