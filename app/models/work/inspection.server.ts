// The community investment supervision board's inspections (Ban giám sát đầu tư của cộng đồng,
// set up by the Front in each commune). A "degraded" verdict on a work under warranty becomes a
// report in the commune's inbox, linked to the work, so it is handled, timed and forwarded to the
// contractor like a resident's report (one workflow, decision 038).
import { isUnderWarranty, warrantyState, type InspectionVerdict } from "~/lib/works";
import type { Category } from "~/lib/complaint-workflow";
import { toPixels, type PercentRect } from "~/lib/redaction";
import { prisma } from "~/utils/db.server";
import { replaceWithRedactedCopy } from "~/utils/upload.server";
import { recordAudit } from "../audit.server";
import { createComplaint } from "../complaint/filing.server";
import { linkComplaintToWork } from "./link.server";

/** A photo the board took, stored by the report form's pipeline (re-encoded, metadata dropped). */
export type InspectionPhoto = { fileName: string; width: number; height: number };

const PHOTO_NAME = /^[0-9a-f]{32}\.jpg$/;

/** The stored JSON list of photos; anything malformed reads as no photo. */
export function parseInspectionPhotos(text: string | null | undefined): InspectionPhoto[] {
  try {
    const list = JSON.parse(text ?? "[]") as unknown;
    if (!Array.isArray(list)) return [];
    return list.filter(
      (p): p is InspectionPhoto =>
        typeof p === "object" &&
        p !== null &&
        typeof (p as InspectionPhoto).fileName === "string" &&
        PHOTO_NAME.test((p as InspectionPhoto).fileName) &&
        Number.isSafeInteger((p as InspectionPhoto).width) &&
        Number.isSafeInteger((p as InspectionPhoto).height),
    );
  } catch {
    return [];
  }
}

export type NewInspection = {
  communeId: number;
  code: string;
  actorId: number | null;
  inspectedOn: Date;
  inspectors: string;
  findings: string;
  verdict: InspectionVerdict;
  photos?: InspectionPhoto[];
  now?: Date;
  isDemo?: boolean;
};

export async function recordInspection(input: NewInspection) {
  const now = input.now ?? new Date();
  if (input.inspectedOn.getTime() > now.getTime()) return { ok: false as const, reason: "future" as const };
  const work = await prisma.work.findUnique({
    where: { communeId_code: { communeId: input.communeId, code: input.code } },
    select: {
      id: true,
      name: true,
      category: true,
      village: true,
      latitude: true,
      longitude: true,
      handedOverOn: true,
      warrantyMonths: true,
    },
  });
  if (!work) return { ok: false as const, reason: "unknownWork" as const };
  const filesReport = input.verdict === "degraded" && isUnderWarranty(work, now);
  // The inspection, the report it files, the link between them and the audit entry: one write,
  // so a failure leaves neither an inspection without its report nor a report without its source.
  return prisma.$transaction(async (tx) => {
    const inspection = await tx.workInspection.create({
      data: {
        workId: work.id,
        inspectedOn: input.inspectedOn,
        inspectors: input.inspectors,
        findings: input.findings,
        verdict: input.verdict,
        photos: JSON.stringify(input.photos ?? []),
        createdById: input.actorId,
        isDemo: input.isDemo ?? false,
      },
      select: { id: true },
    });
    let complaintId: number | null = null;
    if (filesReport) {
      const filed = await createComplaint(
        {
          communeId: input.communeId,
          category: work.category as Category,
          text: `[Ban giám sát đầu tư của cộng đồng] ${work.name}: ${input.findings}`.slice(0, 2000),
          village: work.village,
          latitude: work.latitude,
          longitude: work.longitude,
          createdAt: now,
          isDemo: input.isDemo,
        },
        tx,
      );
      await linkComplaintToWork({ complaintId: filed.id, workId: work.id, fromInspectionId: inspection.id }, tx);
      complaintId = filed.id;
    }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "work_inspected",
      communeId: input.communeId,
      detail: { work: input.code, verdict: input.verdict, photos: input.photos?.length ?? 0, reportFiled: complaintId !== null },
    });
    return { ok: true as const, id: inspection.id, complaintId };
  });
}

/**
 * The works the supervision board may inspect: those of the given communes (null: every commune),
 * with the commune, the warranty and the board's latest inspection, by commune then code.
 */
export async function listWorksToInspect({ communeIds, now = new Date() }: { communeIds: number[] | null; now?: Date }) {
  const rows = await prisma.work.findMany({
    where: communeIds === null ? {} : { communeId: { in: communeIds } },
    select: {
      id: true,
      code: true,
      name: true,
      village: true,
      category: true,
      handedOverOn: true,
      warrantyMonths: true,
      commune: { select: { slug: true, name: true } },
      inspections: {
        select: { inspectedOn: true, verdict: true },
        orderBy: [{ inspectedOn: "desc" }, { id: "desc" }],
        take: 1,
      },
    },
    orderBy: [{ commune: { sortOrder: "asc" } }, { code: "asc" }],
  });
  return rows.map(({ inspections, handedOverOn, warrantyMonths, ...w }) => ({
    ...w,
    warranty: warrantyState({ handedOverOn, warrantyMonths }, now),
    lastInspection: inspections[0] ?? null,
  }));
}

/** One work by id, for the inspection form (the route checks its commune against the user). */
export async function getWorkToInspect({ id, now = new Date() }: { id: number; now?: Date }) {
  const row = await prisma.work.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      name: true,
      village: true,
      communeId: true,
      handedOverOn: true,
      warrantyMonths: true,
      commune: { select: { slug: true, name: true } },
    },
  });
  if (!row) return null;
  const { handedOverOn, warrantyMonths, ...work } = row;
  return { ...work, warranty: warrantyState({ handedOverOn, warrantyMonths }, now) };
}

/** One photo of an inspection, by its place in the list, for the public photo route. */
export async function getInspectionPhoto({ inspectionId, n }: { inspectionId: number; n: number }) {
  const row = await prisma.workInspection.findUnique({ where: { id: inspectionId }, select: { photos: true } });
  return row ? (parseInspectionPhotos(row.photos)[n] ?? null) : null;
}

/** The photos of a work's inspections, newest inspection first, for the board's page (to blur one). */
export async function listInspectionPhotos(workId: number) {
  const rows = await prisma.workInspection.findMany({
    where: { workId },
    select: { id: true, inspectedOn: true, photos: true },
    orderBy: [{ inspectedOn: "desc" }, { id: "desc" }],
  });
  return rows
    .map((r) => ({
      inspectionId: r.id,
      inspectedOn: r.inspectedOn,
      photos: parseInspectionPhotos(r.photos).map((p, n) => ({ n, width: p.width, height: p.height })),
    }))
    .filter((r) => r.photos.length > 0);
}

/** One photo of one of a work's inspections (the route checks the work's commune against the user). */
export async function getPhotoOfInspection({ workId, inspectionId, n }: { workId: number; inspectionId: number; n: number }) {
  const row = await prisma.workInspection.findFirst({
    where: { id: inspectionId, workId },
    select: { photos: true, inspectedOn: true },
  });
  const photo = row ? parseInspectionPhotos(row.photos)[n] : undefined;
  return row && photo ? { n, width: photo.width, height: photo.height, inspectedOn: row.inspectedOn } : null;
}

/**
 * Blurs parts of an inspection's photo for good (faces and number plates of passers-by: the photos
 * are public with the inspection). The same pipeline as a report's photo (decision 037): a new file,
 * the original erased, an audit entry with the rectangles. The photo list is replaced only if it is
 * still the one read: a redaction that finished first makes this one "stale" and changes nothing.
 */
export async function redactInspectionPhoto({
  workId,
  inspectionId,
  n,
  actorId,
  rects,
}: {
  workId: number;
  inspectionId: number;
  n: number;
  actorId: number;
  rects: PercentRect[];
}): Promise<{ ok: true } | { ok: false; reason: "notFound" | "stale" }> {
  const row = await prisma.workInspection.findFirst({
    where: { id: inspectionId, workId },
    select: { photos: true, work: { select: { code: true, communeId: true } } },
  });
  const photos = parseInspectionPhotos(row?.photos);
  const photo = photos[n];
  if (!row || !photo) return { ok: false, reason: "notFound" };
  const boxes = rects.map((r) => toPixels(r, photo.width, photo.height));
  const result = await replaceWithRedactedCopy(photo.fileName, boxes, (copy) =>
    prisma.$transaction(async (tx) => {
      const next = photos.map((p, i) => (i === n ? { fileName: copy.fileName, width: copy.width, height: copy.height } : p));
      const updated = await tx.workInspection.updateMany({
        where: { id: inspectionId, photos: row.photos },
        data: { photos: JSON.stringify(next) },
      });
      if (updated.count !== 1) return false;
      await recordAudit(tx, {
        actorId,
        action: "photo_redacted",
        communeId: row.work.communeId,
        detail: { work: row.work.code, inspectionId, photo: n, rectangles: rects, pixels: boxes },
      });
      return true;
    }),
  );
  return result === "done" ? { ok: true } : { ok: false, reason: "stale" };
}
