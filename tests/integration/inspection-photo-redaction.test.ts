// Blurring parts of the supervision board's inspection photos (public with the inspection): the
// board (the Front of the commune) or an administrator blurs a rectangle for good, through the route's
// loader and action on a real SQLite file and real files: the detail inside is gone, the photo list
// points at the new file, the original is erased and the audit log has the rectangle. The officials
// whose works are inspected may not, nor another commune's Front; bad rectangles change nothing; two
// blurs at once leave one result and no stray file.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { action as redactAction, loader as redactLoader } from "~/routes/staff.works.$id.inspections.$inspectionId.photos.$n";
import { loader as inspectLoader } from "~/routes/staff.works.$id.inspect";
import { parseInspectionPhotos, recordInspection, redactInspectionPhoto } from "~/models/work/inspection.server";
import { prisma } from "~/utils/db.server";
import { processPhoto, savePhoto, uploadDir } from "~/utils/upload.server";
import { context, formRequest, getRequest, settle } from "../fixtures/http";
import { createStaff, signIn } from "../fixtures/staff";

const SLUG = "vinh-bao";
let front = "";
let frontId = 0;
let otherFront = "";
let official = "";
let communeId = 0;

beforeAll(async () => {
  const f = await createStaff("front", [SLUG]);
  frontId = f.id;
  front = await signIn(f.email);
  otherFront = await signIn((await createStaff("front", ["cam-giang"])).email);
  official = await signIn((await createStaff("official", [SLUG])).email);
  communeId = (await prisma.commune.findUniqueOrThrow({ where: { slug: SLUG } })).id;
});

beforeEach(async () => {
  await prisma.work.deleteMany();
  fs.rmSync(uploadDir(), { recursive: true, force: true });
});

/** A photo with detail everywhere (noise), 1200 x 900, as a camera gives. */
async function detailedPhoto() {
  const jpeg = await sharp({
    create: { width: 1200, height: 900, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 40 } },
  })
    .jpeg({ quality: 90 })
    .toBuffer();
  return new File([new Uint8Array(jpeg)], "p.jpg", { type: "image/jpeg" });
}

/** A work of Vĩnh Bảo with one inspection holding two photos, stored as the inspection form stores them. */
async function inspectedWork() {
  const work = await prisma.work.create({
    data: {
      communeId,
      code: "GT-09",
      category: "roads",
      name: "Đường trục xã",
      programme: "NTM nâng cao 2025",
      totalInvestment: 5_000_000_000n,
      status: "handed_over",
    },
  });
  const photos = [];
  for (let i = 0; i < 2; i++) {
    const p = (await processPhoto(await detailedPhoto()))!;
    photos.push({ fileName: (await savePhoto(p)).fileName, width: p.width, height: p.height });
  }
  const done = await recordInspection({
    communeId,
    code: work.code,
    actorId: frontId,
    inspectedOn: new Date(Date.now() - 86_400_000),
    inspectors: "Nguyễn Văn An",
    findings: "Mặt đường tốt, có người dân đứng trong ảnh.",
    verdict: "good",
    photos,
  });
  if (!done.ok) throw new Error("inspection not recorded");
  return { work, inspectionId: done.id, photos };
}

const stored = async (inspectionId: number) =>
  parseInspectionPhotos((await prisma.workInspection.findUniqueOrThrow({ where: { id: inspectionId } })).photos);
const onDisk = () => fs.readdirSync(uploadDir()).sort();

function redact(workId: number, inspectionId: number, n: number, body: Record<string, string>, cookie = front) {
  return settle(() =>
    redactAction({
      request: formRequest(`/staff/works/${workId}/inspections/${inspectionId}/photos/${n}`, body, { cookie }),
      params: { id: String(workId), inspectionId: String(inspectionId), n: String(n) },
      context: context(),
    }),
  );
}

/** How much a pixel differs from its right-hand neighbour, on average, inside a box of a stored photo. */
async function roughness(fileName: string, box: { left: number; top: number; width: number; height: number }) {
  const { data, info } = await sharp(path.join(uploadDir(), fileName)).greyscale().raw().toBuffer({ resolveWithObject: true });
  let rough = 0;
  for (let y = box.top; y < box.top + box.height; y++)
    for (let x = box.left; x < box.left + box.width - 1; x++)
      rough += Math.abs(data[y * info.width + x + 1] - data[y * info.width + x]);
  return rough / (box.height * (box.width - 1));
}

describe("blurring parts of an inspection photo", () => {
  it("the board blurs a rectangle for good: detail gone, the list points at the new file, the original erased, audited", async () => {
    const { work, inspectionId, photos } = await inspectedWork();
    const list = await settle(() =>
      inspectLoader({
        request: getRequest(`/staff/works/${work.id}/inspect`, { cookie: front }),
        params: { id: String(work.id) },
        context: context(),
      }),
    );
    const listed = (await list.json()) as { inspections: { inspectionId: number; photos: { n: number }[] }[] };
    expect(listed.inspections).toEqual([
      {
        inspectionId,
        inspectedOn: expect.any(String),
        photos: [expect.objectContaining({ n: 0 }), expect.objectContaining({ n: 1 })],
      },
    ]);
    const page = await settle(() =>
      redactLoader({
        request: getRequest(`/staff/works/${work.id}/inspections/${inspectionId}/photos/1`, { cookie: front }),
        params: { id: String(work.id), inspectionId: String(inspectionId), n: "1" },
        context: context(),
      }),
    );
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("private, no-store");

    const box = { left: 120, top: 180, width: 360, height: 270 }; // 10%, 20%, 30% x 30% of 1200 x 900
    const before = await roughness(photos[1].fileName, box);
    const res = await redact(work.id, inspectionId, 1, { left_1: "10", top_1: "20", width_1: "30", height_1: "30" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/staff/works/${work.id}/inspect?done=redacted#done`);

    const after = await stored(inspectionId);
    expect(after[0]).toEqual(photos[0]);
    expect(after[1].fileName).not.toBe(photos[1].fileName);
    expect(await roughness(after[1].fileName, box)).toBeLessThan(before / 4);
    expect(onDisk()).toEqual([photos[0].fileName, after[1].fileName].sort());
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "photo_redacted" }, orderBy: { id: "desc" } });
    expect(audit.actorId).toBe(frontId);
    expect(audit.communeId).toBe(communeId);
    expect(JSON.parse(audit.detail ?? "{}")).toMatchObject({
      work: "GT-09",
      inspectionId,
      photo: 1,
      rectangles: [{ left: 10, top: 20, width: 30, height: 30 }],
    });
  });

  it("refuses the commune's officials (403) and another commune's Front (404); a missing photo is 404; nothing changes", async () => {
    const { work, inspectionId, photos } = await inspectedWork();
    const body = { left_1: "10", top_1: "20", width_1: "30", height_1: "30" };
    expect((await redact(work.id, inspectionId, 0, body, official)).status).toBe(403);
    expect((await redact(work.id, inspectionId, 0, body, otherFront)).status).toBe(404);
    expect((await redact(work.id, inspectionId, 2, body)).status).toBe(404);
    expect((await redact(work.id, inspectionId + 1000, 0, body)).status).toBe(404);
    expect(await stored(inspectionId)).toEqual(photos);
    expect(onDisk()).toEqual(photos.map((p) => p.fileName).sort());
  });

  it("a rectangle outside the photo or none at all: 400 next to the field, the numbers kept, nothing changes", async () => {
    const { work, inspectionId, photos } = await inspectedWork();
    const outside = await redact(work.id, inspectionId, 0, { left_1: "80", top_1: "20", width_1: "30", height_1: "30" });
    expect(outside.status).toBe(400);
    const data = (await outside.json()) as { fieldErrors: Record<string, string>; values: Record<string, string> };
    expect(Object.values(data.fieldErrors)).toContain("redact.errors.outside");
    expect(data.values.left_1).toBe("80");
    expect((await redact(work.id, inspectionId, 0, {})).status).toBe(400);
    expect(await stored(inspectionId)).toEqual(photos);
    expect(onDisk()).toEqual(photos.map((p) => p.fileName).sort());
  });

  it("two blurs of the same photo at once: one is kept, the other is told, no stray file", async () => {
    const { work, inspectionId, photos } = await inspectedWork();
    const rect = { left: 10, top: 10, width: 20, height: 20 };
    const results = await Promise.all([
      redactInspectionPhoto({ workId: work.id, inspectionId, n: 0, actorId: frontId, rects: [rect] }),
      redactInspectionPhoto({ workId: work.id, inspectionId, n: 0, actorId: frontId, rects: [rect] }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "stale" }]);
    const after = await stored(inspectionId);
    expect(onDisk()).toEqual([after[0].fileName, photos[1].fileName].sort());
  });
});
