// A report's photos (approval, who may see one, blurring parts of one) and the redaction of its public text.
import { toPixels, type PercentRect } from "~/lib/redaction";
import { prisma } from "~/utils/db.server";
import { replaceWithRedactedCopy } from "~/utils/upload.server";
import { recordAudit } from "../audit.server";
import { WorkflowError } from "./workflow.server";

export async function setPhotoApproval({
  id,
  photoId,
  actorId,
  approved,
}: {
  id: number;
  photoId: number;
  actorId: number;
  approved: boolean;
}) {
  await prisma.$transaction(async (tx) => {
    const updated = await tx.complaintPhoto.updateMany({ where: { id: photoId, complaintId: id }, data: { approved } });
    if (updated.count !== 1) throw new WorkflowError("stale");
    await tx.complaintEvent.create({
      data: { complaintId: id, actorId, kind: approved ? "photo_approved" : "photo_hidden", body: String(photoId) },
    });
  });
}

/** One tap for every photo still waiting: each is approved with its own history entry. */
export async function approveAllPhotos({ id, actorId }: { id: number; actorId: number }) {
  await prisma.$transaction(async (tx) => {
    const pending = await tx.complaintPhoto.findMany({ where: { complaintId: id, approved: false }, select: { id: true } });
    if (pending.length === 0) throw new WorkflowError("stale");
    await tx.complaintPhoto.updateMany({ where: { id: { in: pending.map((p) => p.id) } }, data: { approved: true } });
    await tx.complaintEvent.createMany({
      data: pending.map((p) => ({ complaintId: id, actorId, kind: "photo_approved" as const, body: String(p.id) })),
    });
  });
}

/** Replaces the public text (personal data removed); the original stays for staff. null restores it. */
export async function redactComplaint({ id, actorId, publicText }: { id: number; actorId: number; publicText: string | null }) {
  await prisma.$transaction([
    prisma.complaint.update({ where: { id }, data: { publicText } }),
    prisma.complaintEvent.create({ data: { complaintId: id, actorId, kind: "redacted" } }),
  ]);
}

/** A photo file name, if the photo may be shown to this viewer. */
export async function getPhotoForViewer({
  photoId,
  staffCommuneIds,
}: {
  photoId: number;
  staffCommuneIds: number[] | null | "none";
}) {
  const photo = await prisma.complaintPhoto.findUnique({
    where: { id: photoId },
    select: { fileName: true, approved: true, complaint: { select: { communeId: true } } },
  });
  if (!photo) return null;
  if (photo.approved) return photo.fileName;
  if (staffCommuneIds === "none") return null;
  if (staffCommuneIds === null || staffCommuneIds.includes(photo.complaint.communeId)) return photo.fileName;
  return null;
}

/** One photo of a report, for the page where parts of it are blurred. */
export function getPhotoOfComplaint({ id, photoId }: { id: number; photoId: number }) {
  return prisma.complaintPhoto.findFirst({
    where: { id: photoId, complaintId: id },
    select: { id: true, width: true, height: true, approved: true },
  });
}

/**
 * Blurs rectangles of a report's photo for good (issue 21, decision 037): the blurred copy is
 * written under a new name and takes the photo's place, then the original and its thumbnail are
 * erased from disk, so there is no way back (and a cached public copy's ETag no longer matches).
 * Audited as "photo_redacted" with the rectangles. Two officials at once: the second is "stale".
 */
export async function redactPhoto({
  id,
  photoId,
  actorId,
  rects,
}: {
  id: number;
  photoId: number;
  actorId: number;
  rects: PercentRect[];
}): Promise<{ ok: true } | { ok: false; reason: "notFound" | "stale" }> {
  const photo = await prisma.complaintPhoto.findFirst({
    where: { id: photoId, complaintId: id },
    select: { fileName: true, width: true, height: true, complaint: { select: { communeId: true } } },
  });
  if (!photo) return { ok: false, reason: "notFound" };
  const boxes = rects.map((r) => toPixels(r, photo.width, photo.height));
  const result = await replaceWithRedactedCopy(photo.fileName, boxes, async (copy) => {
    try {
      await prisma.$transaction(async (tx) => {
        const updated = await tx.complaintPhoto.updateMany({
          where: { id: photoId, fileName: photo.fileName },
          data: { fileName: copy.fileName, bytes: copy.bytes, width: copy.width, height: copy.height },
        });
        if (updated.count !== 1) throw new WorkflowError("stale");
        await recordAudit(tx, {
          actorId,
          action: "photo_redacted",
          communeId: photo.complaint.communeId,
          detail: { complaintId: id, photoId, rectangles: rects, pixels: boxes },
        });
      });
      return true;
    } catch (e) {
      if (e instanceof WorkflowError) return false;
      throw e;
    }
  });
  return result === "done" ? { ok: true } : { ok: false, reason: "stale" };
}
