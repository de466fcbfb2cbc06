// Residents' requests about their data on a report (correction, erasure of the personal parts):
// filed with the tracking code, queued for the commune's officials with a deadline on the working
// calendar, answered once; every answer is an audit event.
import type { PrivacyRequestKind } from "~/generated/prisma/enums";
import { isRequestOverdue, requestDueAt } from "~/lib/privacy";
import { fold } from "~/lib/text";
import { prisma } from "~/utils/db.server";
import { deletePhotos } from "~/utils/upload.server";
import { recordAudit } from "../audit.server";
import { getWorkingCalendar } from "../working-calendar.server";

/** Placeholder stored instead of a report's text erased on request. */
export const ERASED_TEXT = "[đã xoá theo yêu cầu của người phản ánh]";

export async function createPrivacyRequest({
  code,
  kind,
  detail,
  now = new Date(),
}: {
  code: string;
  kind: PrivacyRequestKind;
  detail: string;
  now?: Date;
}) {
  const complaint = await prisma.complaint.findUnique({ where: { code }, select: { id: true } });
  if (!complaint) return { ok: false as const, reason: "notFound" as const };
  const open = await prisma.privacyRequest.count({ where: { complaintId: complaint.id, kind, status: "open" } });
  if (open > 0) return { ok: false as const, reason: "alreadyOpen" as const };
  const dueAt = requestDueAt(await getWorkingCalendar(now), now);
  const row = await prisma.privacyRequest.create({
    data: { complaintId: complaint.id, kind, detail, createdAt: now, dueAt },
    select: { id: true, dueAt: true },
  });
  return { ok: true as const, ...row };
}

/** The queue: open requests first by deadline, then the last answered ones. null communeIds = all. */
export async function listPrivacyRequests({ communeIds, now = new Date() }: { communeIds: number[] | null; now?: Date }) {
  const scope = communeIds ? { complaint: { communeId: { in: communeIds } } } : {};
  const select = {
    id: true,
    kind: true,
    status: true,
    detail: true,
    createdAt: true,
    dueAt: true,
    answeredAt: true,
    answer: true,
    complaint: { select: { id: true, code: true, text: true, commune: { select: { name: true } } } },
  } as const;
  const [open, answered] = await Promise.all([
    prisma.privacyRequest.findMany({ where: { ...scope, status: "open" }, orderBy: [{ dueAt: "asc" }, { id: "asc" }], select }),
    prisma.privacyRequest.findMany({
      where: { ...scope, status: { not: "open" } },
      orderBy: [{ answeredAt: "desc" }, { id: "desc" }],
      take: 50,
      select,
    }),
  ]);
  return {
    open: open.map((r) => ({ ...r, overdue: isRequestOverdue(r, now) })),
    answered,
  };
}

export function getRequestCommuneId({ id }: { id: number }) {
  return prisma.privacyRequest
    .findUnique({ where: { id }, select: { complaint: { select: { communeId: true } } } })
    .then((r) => r?.complaint.communeId ?? null);
}

/**
 * An official answers a request. Done: a correction replaces the report's text (and its public
 * version) with `text`; an erasure replaces it with `text` (the report with the personal parts
 * taken out) or ERASED_TEXT, and erases every photo. Refused: nothing changes but the answer.
 */
export async function answerPrivacyRequest({
  id,
  actorId,
  outcome,
  answer,
  text,
  now = new Date(),
}: {
  id: number;
  actorId: number;
  outcome: "done" | "refused";
  answer: string;
  text: string | null;
  now?: Date;
}) {
  const photos: string[] = [];
  const result = await prisma.$transaction(async (tx) => {
    const req = await tx.privacyRequest.findUnique({
      where: { id },
      select: { kind: true, status: true, complaintId: true, complaint: { select: { communeId: true } } },
    });
    if (!req) return { ok: false as const, reason: "notFound" as const };
    const claimed = await tx.privacyRequest.updateMany({
      where: { id, status: "open" },
      data: { status: outcome, answer, answeredAt: now, answeredById: actorId },
    });
    if (claimed.count !== 1) return { ok: false as const, reason: "alreadyAnswered" as const };
    let photosErased = 0;
    if (outcome === "done") {
      const newText = text ?? (req.kind === "erasure" ? ERASED_TEXT : null);
      if (newText !== null)
        await tx.complaint.update({
          where: { id: req.complaintId },
          data: { text: newText, publicText: null, searchKey: fold(newText) },
        });
      if (req.kind === "erasure") {
        const rows = await tx.complaintPhoto.findMany({ where: { complaintId: req.complaintId }, select: { fileName: true } });
        photos.push(...rows.map((r) => r.fileName));
        photosErased = (await tx.complaintPhoto.deleteMany({ where: { complaintId: req.complaintId } })).count;
      }
      await tx.complaintEvent.create({ data: { complaintId: req.complaintId, actorId, kind: "redacted", createdAt: now } });
    }
    await recordAudit(tx, {
      actorId,
      action: "privacy_request_answered",
      communeId: req.complaint.communeId,
      detail: { requestId: id, kind: req.kind, outcome, textChanged: outcome === "done", photosErased },
    });
    return { ok: true as const };
  });
  // Files go once the rows are gone (a failed transaction keeps both).
  if (result.ok) await deletePhotos(photos);
  return result;
}

export async function requestCounts(now = new Date()) {
  const [open, overdue] = await Promise.all([
    prisma.privacyRequest.count({ where: { status: "open" } }),
    prisma.privacyRequest.count({ where: { status: "open", dueAt: { lt: now } } }),
  ]);
  return { open, overdue };
}
