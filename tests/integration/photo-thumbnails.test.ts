// Thumbnails of complaint photos (issue 12: "approved photo thumbnails" in the similar-reports
// list): a real small JPEG made with sharp and kept on disk, under the full photo's rules.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { action as reportAction } from "~/routes/c.$slug.report";
import { loader as photoLoader } from "~/routes/photos.$id";
import { action as staffAction } from "~/routes/staff.complaints.$id";
import { prisma } from "~/utils/db.server";
import { THUMB_EDGE, uploadDir } from "~/utils/upload.server";
import { context, formRequest, getRequest, ORIGIN, settle } from "../fixtures/http";
import { createStaff, signIn } from "../fixtures/staff";

const SLUG = "vinh-bao";
let cookie = "";

beforeAll(async () => {
  cookie = await signIn((await createStaff("official", [SLUG])).email);
});

/** A phone-camera-like photo: detail everywhere (noise), so JPEG cannot make it tiny. */
function cameraPhoto(width = 2000, height = 1500) {
  return sharp({ create: { width, height, channels: 3, background: "#777", noise: { type: "gaussian", mean: 120, sigma: 40 } } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function fileWithPhoto() {
  const form = new FormData();
  form.append("category", "roads");
  form.append("text", "Ổ gà lớn giữa đường trục thôn, xe máy ngã hai lần.");
  form.append("village", "Thôn 3");
  form.append("photos", new File([new Uint8Array(await cameraPhoto())], "p.jpg", { type: "image/jpeg" }));
  const res = await settle(() =>
    reportAction({
      request: new Request(`${ORIGIN}/c/${SLUG}/report`, { method: "POST", body: form, headers: { Origin: ORIGIN } }),
      params: { slug: SLUG },
      context: context("203.0.113.77"),
    }),
  );
  expect(res.status).toBe(303);
  const code = res.headers.get("Location")!.match(/^\/t\/([A-Z2-9-]+)/)![1];
  return prisma.complaint.findUniqueOrThrow({ where: { code }, include: { photos: true } });
}

const fetchPhoto = (id: number, query = "", headers: Record<string, string> = {}) =>
  settle(() =>
    photoLoader({
      request: new Request(`${ORIGIN}/photos/${id}${query}`, { headers }),
      params: { id: String(id) },
      context: context(),
    }),
  );

const approve = (complaintId: number, photoId: number, approved: "1" | "0") =>
  settle(() =>
    staffAction({
      request: formRequest(
        `/staff/complaints/${complaintId}`,
        { intent: "photo", photoId: String(photoId), approved },
        { cookie },
      ),
      params: { id: String(complaintId) },
      context: context(),
    }),
  );

describe("photo thumbnails", () => {
  it("serves an approved photo's thumbnail: a JPEG at most 160 px wide, a fraction of the bytes, cached on disk and by ETag", async () => {
    const c = await fileWithPhoto();
    const photo = c.photos[0];
    // Not approved yet: no thumbnail for the public either.
    expect((await fetchPhoto(photo.id, "?size=thumb")).status).toBe(404);
    expect((await approve(c.id, photo.id, "1")).status).toBe(303);

    const full = await fetchPhoto(photo.id);
    const thumb = await fetchPhoto(photo.id, "?size=thumb");
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("Content-Type")).toBe("image/jpeg");
    expect(thumb.headers.get("Cache-Control")).toBe(full.headers.get("Cache-Control"));
    expect(thumb.headers.get("Cache-Control")).toBe("public, no-cache");
    const fullBytes = Buffer.from(await full.arrayBuffer());
    const thumbBytes = Buffer.from(await thumb.arrayBuffer());
    const meta = await sharp(thumbBytes).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.width).toBeLessThanOrEqual(THUMB_EDGE);
    expect(meta.width).toBeLessThanOrEqual(160);
    expect(meta.width! / meta.height!).toBeCloseTo(photo.width / photo.height, 1);
    expect(Number(thumb.headers.get("Content-Length"))).toBe(thumbBytes.byteLength);
    expect(thumbBytes.byteLength * 10).toBeLessThan(fullBytes.byteLength);

    // Made once: the file on disk is what later requests get; its own ETag answers 304.
    const cached = path.join(uploadDir(), "thumbs", photo.fileName);
    expect(fs.readFileSync(cached).equals(thumbBytes)).toBe(true);
    const etag = thumb.headers.get("ETag")!;
    expect(etag).not.toBe(full.headers.get("ETag"));
    expect((await fetchPhoto(photo.id, "?size=thumb", { "If-None-Match": etag })).status).toBe(304);
    expect(Buffer.from(await (await fetchPhoto(photo.id, "?size=thumb")).arrayBuffer()).equals(thumbBytes)).toBe(true);
    // Only the sizes there are.
    expect((await fetchPhoto(photo.id, "?size=huge")).status).toBe(404);
  });

  it("answers 404 for a hidden photo's thumbnail, even once it was made, while the official still sees it", async () => {
    const c = await fileWithPhoto();
    const photo = c.photos[0];
    await approve(c.id, photo.id, "1");
    expect((await fetchPhoto(photo.id, "?size=thumb")).status).toBe(200);
    expect((await approve(c.id, photo.id, "0")).status).toBe(303);
    expect((await fetchPhoto(photo.id, "?size=thumb")).status).toBe(404);
    expect((await fetchPhoto(photo.id)).status).toBe(404);
    const asOfficial = await settle(() =>
      photoLoader({
        request: getRequest(`/photos/${photo.id}?size=thumb`, { cookie }),
        params: { id: String(photo.id) },
        context: context(),
      }),
    );
    expect(asOfficial.status).toBe(200);
    expect(asOfficial.headers.get("Cache-Control")).toBe("private, no-store");
  });
});
