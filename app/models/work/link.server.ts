// A report about a work: the resident picks the work on the report form (or the supervision board's
// "degraded" verdict files one), and the official's inbox says when the work is under warranty and
// who built it, so the report can go to the contractor (a unit, decision 020/029/038).
import type { Prisma } from "~/generated/prisma/client";
import type { ForwardingStatus } from "~/generated/prisma/enums";
import { isUnderWarranty, warrantyEnd } from "~/lib/works";
import { prisma, type Tx } from "~/utils/db.server";

/**
 * The work a report form names, checked against the commune of the page: a code from another
 * commune, or one that does not exist, is refused (the form says so, nothing is written).
 */
export async function findWorkForReport({ communeId, code }: { communeId: number; code: string }) {
  return prisma.work.findUnique({ where: { communeId_code: { communeId, code } }, select: { id: true, communeId: true } });
}

/** Links a filed report to a work of the same commune; the model checks the commune again. */
export async function linkComplaintToWork(
  {
    complaintId,
    workId,
    fromInspectionId = null,
  }: {
    complaintId: number;
    workId: number;
    fromInspectionId?: number | null;
  },
  /** the caller's transaction (an inspection and the report it files are one write) */
  db: Pick<Tx, "complaint" | "work" | "workComplaint"> = prisma,
) {
  const [complaint, work] = await Promise.all([
    db.complaint.findUnique({ where: { id: complaintId }, select: { communeId: true } }),
    db.work.findUnique({ where: { id: workId }, select: { communeId: true } }),
  ]);
  if (!complaint || !work || complaint.communeId !== work.communeId)
    return { ok: false as const, reason: "otherCommune" as const };
  await db.workComplaint.upsert({
    where: { complaintId },
    create: { complaintId, workId, fromInspectionId },
    update: { workId },
  });
  return { ok: true as const };
}

/** The work a report is about, for the resident's tracking page (public: name and code only). */
export async function workOfComplaint({ complaintId }: { complaintId: number }) {
  const row = await prisma.workComplaint.findUnique({
    where: { complaintId },
    select: { work: { select: { code: true, name: true } } },
  });
  return row?.work ?? null;
}

export type WarrantyNotice = {
  workCode: string;
  workName: string;
  contractor: string | null;
  contractorUnitId: number | null;
  /** last day of the warranty, "2027-03-15" (Vietnam calendar) */
  lastDay: string;
  /** the report is already with the contractor (pending or accepted forwarding) */
  withContractor: boolean;
  fromInspection: boolean;
};

const noticeSelect = {
  complaintId: true,
  fromInspectionId: true,
  complaint: {
    select: {
      forwardings: { where: { status: { in: ["pending", "accepted"] as ForwardingStatus[] } }, select: { unitId: true } },
    },
  },
  work: {
    select: { code: true, name: true, contractor: true, contractorUnitId: true, handedOverOn: true, warrantyMonths: true },
  },
} satisfies Prisma.WorkComplaintSelect;

type NoticeRow = {
  complaintId: number;
  fromInspectionId: number | null;
  complaint: { forwardings: { unitId: number }[] };
  work: {
    code: string;
    name: string;
    contractor: string | null;
    contractorUnitId: number | null;
    handedOverOn: Date | null;
    warrantyMonths: number;
  };
};

function toNotice(row: NoticeRow, now: Date): WarrantyNotice | null {
  const { work } = row;
  if (!isUnderWarranty(work, now)) return null;
  return {
    workCode: work.code,
    workName: work.name,
    contractor: work.contractor,
    contractorUnitId: work.contractorUnitId,
    lastDay: warrantyEnd(work.handedOverOn, work.warrantyMonths)!.lastDay,
    withContractor: row.complaint.forwardings.some((f) => f.unitId === work.contractorUnitId),
    fromInspection: row.fromInspectionId !== null,
  };
}

/** The warranty notice for one report, or null when it is not about a work under warranty. */
export async function warrantyNoticeFor({ complaintId, now = new Date() }: { complaintId: number; now?: Date }) {
  const row = await prisma.workComplaint.findUnique({ where: { complaintId }, select: noticeSelect });
  return row ? toNotice(row, now) : null;
}

/** Warranty notices for an inbox page's reports, by report id. */
export async function warrantyNoticesFor({ complaintIds, now = new Date() }: { complaintIds: number[]; now?: Date }) {
  if (complaintIds.length === 0) return {} as Record<number, WarrantyNotice>;
  const rows = await prisma.workComplaint.findMany({ where: { complaintId: { in: complaintIds } }, select: noticeSelect });
  const out: Record<number, WarrantyNotice> = {};
  for (const row of rows) {
    const notice = toNotice(row, now);
    if (notice) out[row.complaintId] = notice;
  }
  return out;
}
