// The community investment supervision board's inspections (Ban giám sát đầu tư của cộng đồng,
// set up by the Front in each commune). A "degraded" verdict on a work under warranty becomes a
// report in the commune's inbox, linked to the work, so it is handled, timed and forwarded to the
// contractor like a resident's report (one workflow, decision 038).
import { isUnderWarranty, type InspectionVerdict } from "~/lib/works";
import type { Category } from "~/lib/complaint-workflow";
import { prisma } from "~/utils/db.server";
import { createComplaint } from "../complaint/filing.server";
import { linkComplaintToWork } from "./link.server";

export type NewInspection = {
  communeId: number;
  code: string;
  actorId: number | null;
  inspectedOn: Date;
  inspectors: string;
  findings: string;
  verdict: InspectionVerdict;
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
  const inspection = await prisma.workInspection.create({
    data: {
      workId: work.id,
      inspectedOn: input.inspectedOn,
      inspectors: input.inspectors,
      findings: input.findings,
      verdict: input.verdict,
      createdById: input.actorId,
      isDemo: input.isDemo ?? false,
    },
    select: { id: true },
  });
  let complaintId: number | null = null;
  if (input.verdict === "degraded" && isUnderWarranty(work, now)) {
    const filed = await createComplaint({
      communeId: input.communeId,
      category: work.category as Category,
      text: `[Ban giám sát đầu tư của cộng đồng] ${work.name}: ${input.findings}`.slice(0, 2000),
      village: work.village,
      latitude: work.latitude,
      longitude: work.longitude,
      createdAt: now,
      isDemo: input.isDemo,
    });
    await linkComplaintToWork({ complaintId: filed.id, workId: work.id, fromInspectionId: inspection.id });
    complaintId = filed.id;
  }
  return { ok: true as const, id: inspection.id, complaintId };
}
