// Duplicates: similar open reports while filing, and merging a duplicate into the report kept.
import { isOpen, OPEN_STATUSES, type Category } from "~/lib/complaint-workflow";
import { distanceMetres, isNearby, type Place } from "~/lib/nearby";
import { prisma } from "~/utils/db.server";
import { notifyResidents } from "../outbox.server";
import { reportedSelect } from "./select.server";
import { applyStatusChange, readStatus, WorkflowError } from "./workflow.server";

const thumbSelect = {
  where: { approved: true },
  select: { id: true, width: true, height: true },
  orderBy: { id: "asc" },
  take: 1,
} as const;

/**
 * Open reports of the same commune and category near a place (200 m or the same village), for a
 * resident about to file: public fields only (no code, no contact), with one approved photo.
 */
export async function findSimilarOpen({ communeId, category, place }: { communeId: number; category: Category; place: Place }) {
  const rows = await prisma.complaint.findMany({
    where: { communeId, category, status: { in: [...OPEN_STATUSES] }, mergedIntoId: null },
    select: {
      id: true,
      ...reportedSelect,
      status: true,
      createdAt: true,
      photos: thumbSelect,
      _count: { select: { supporters: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 300,
  });
  return rows
    .filter((r) => isNearby(place, r))
    .slice(0, 10)
    .map((r) => ({
      id: r.id,
      text: r.publicText ?? r.text,
      village: r.village,
      status: r.status,
      createdAt: r.createdAt,
      photo: r.photos[0] ?? null,
      supporters: r._count.supporters,
    }));
}

/**
 * Other open reports an official may merge this one into: same commune and category, each with
 * its place (village, and the distance from this report when both have coordinates) and its first
 * photo (staff of the commune see photos not yet approved), nearest first (issue 23).
 */
export async function listMergeTargets({ id, communeId, category }: { id: number; communeId: number; category: Category }) {
  const [here, rows] = await Promise.all([
    prisma.complaint.findUnique({ where: { id }, select: { latitude: true, longitude: true } }),
    prisma.complaint.findMany({
      where: { communeId, category, id: { not: id }, status: { in: [...OPEN_STATUSES] }, mergedIntoId: null },
      select: {
        id: true,
        code: true,
        text: true,
        village: true,
        latitude: true,
        longitude: true,
        createdAt: true,
        photos: { select: { id: true, width: true, height: true }, orderBy: { id: "asc" }, take: 1 },
        _count: { select: { supporters: true } },
      },
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
  ]);
  const from = here?.latitude != null && here.longitude != null ? { lat: here.latitude, lng: here.longitude } : null;
  const targets = rows.map(({ latitude, longitude, photos, ...r }) => ({
    ...r,
    photo: photos[0] ?? null,
    metres:
      from && latitude !== null && longitude !== null
        ? Math.round(distanceMetres(from, { lat: latitude, lng: longitude }))
        : null,
  }));
  // Nearest first; those without a distance keep their order (newest first) after them.
  return targets.sort((a, b) => (a.metres ?? Infinity) - (b.metres ?? Infinity));
}

/**
 * Merges a duplicate into another open report of the same commune: the duplicate closes as
 * "merged"; its supporters move over (a resident who supported both counts once) and its author
 * becomes a supporter of the kept report.
 */
export async function mergeComplaints({ id, targetId, actorId }: { id: number; targetId: number; actorId: number }) {
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    const dup = await readStatus(tx, id);
    const target = await tx.complaint.findUnique({
      where: { id: targetId },
      select: { communeId: true, status: true, mergedIntoId: true, code: true },
    });
    if (!target || targetId === id || target.communeId !== dup.communeId || target.mergedIntoId !== null)
      throw new WorkflowError("forbiddenTransition");
    if (!isOpen(dup.status) || !isOpen(target.status)) throw new WorkflowError("closed");
    const { code: dupCode, ipHash } = await tx.complaint.findUniqueOrThrow({
      where: { id },
      select: { code: true, ipHash: true },
    });
    await applyStatusChange(tx, { id, actorId, from: dup.status, to: "merged", reply: null, deadlines: dup, now });
    await tx.complaint.update({ where: { id }, data: { mergedIntoId: targetId } });
    // Supporters of both are kept: move the duplicate's, dropping a resident's second support.
    const kept = await tx.supporter.findMany({
      where: { complaintId: targetId, voterHash: { not: null } },
      select: { voterHash: true },
    });
    await tx.supporter.deleteMany({ where: { complaintId: id, voterHash: { in: kept.map((k) => k.voterHash!) } } });
    await tx.supporter.updateMany({ where: { complaintId: id }, data: { complaintId: targetId, fromComplaintId: id } });
    await tx.supporter.create({ data: { complaintId: targetId, fromComplaintId: id, ipHash, createdAt: now } });
    // Whoever follows the duplicate is told, then follows the kept report as a supporter, unless
    // they follow it already (the same supporter, or the same e-mail and phone): one message per
    // change, not two. Those stay on the duplicate, which changes no more.
    await notifyResidents(tx, { complaintId: id, change: { kind: "merged" } });
    const contact = { voterHash: true, email: true, phone: true } as const;
    const following = await tx.subscription.findMany({ where: { complaintId: targetId }, select: contact });
    const moving = (await tx.subscription.findMany({ where: { complaintId: id }, select: { id: true, ...contact } })).filter(
      (s) =>
        !following.some(
          (f) => (s.voterHash !== null && f.voterHash === s.voterHash) || (f.email === s.email && f.phone === s.phone),
        ),
    );
    await tx.subscription.updateMany({
      where: { id: { in: moving.map((s) => s.id) } },
      data: { complaintId: targetId, role: "supporter" },
    });
    // Reports merged into the duplicate earlier now point at the kept one.
    await tx.complaint.updateMany({ where: { mergedIntoId: id }, data: { mergedIntoId: targetId } });
    await tx.complaintEvent.createMany({
      data: [
        { complaintId: id, actorId, kind: "merged", public: true, createdAt: now },
        { complaintId: targetId, actorId, kind: "merged_from", body: dupCode, public: false, createdAt: now },
      ],
    });
  });
}

/** What a merged report's tracking page shows of the report it was merged into (no code). */
export async function getMergeTarget({ id }: { id: number }) {
  const c = await prisma.complaint.findUnique({ where: { id }, select: { mergedIntoId: true } });
  if (!c?.mergedIntoId) return null;
  const t = await prisma.complaint.findUnique({
    where: { id: c.mergedIntoId },
    select: { status: true, _count: { select: { supporters: true } } },
  });
  return t ? { status: t.status, supporters: t._count.supporters } : null;
}
