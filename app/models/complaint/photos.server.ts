// A report's photos (approval, who may see one) and the redaction of its public text.
import { prisma } from "~/utils/db.server";
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
