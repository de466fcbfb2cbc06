// A report as staff see it: everything, for staff who passed the report's guard.
import { prisma } from "~/utils/db.server";
import { listedSelect, reportedSelect, timelineEventSelect } from "./select.server";

/** Everything about one complaint, for staff who passed requireCommuneAccess. */
export async function getStaffComplaint({ id }: { id: number }) {
  const row = await prisma.complaint.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      communeId: true,
      commune: { select: { slug: true, name: true } },
      category: true,
      ...reportedSelect,
      contact: true,
      status: true,
      createdAt: true,
      clockStartedAt: true,
      resolvedAt: true,
      handlingRating: true,
      urgency: true,
      acknowledgeBy: true,
      handleBy: true,
      dueAt: true,
      mergedIntoId: true,
      _count: { select: { supporters: true } },
      photos: { select: { id: true, approved: true, width: true, height: true }, orderBy: { id: "asc" } },
      events: {
        select: { ...timelineEventSelect, public: true, actor: { select: { name: true } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  return row ? { ...row, status: row.status } : null;
}

/** A report as the pages acting on it show it (forward, urgency, merge): the list columns and its commune. */
export function getComplaintHead({ id }: { id: number }) {
  return prisma.complaint.findUnique({ where: { id }, select: { ...listedSelect, communeId: true } });
}

/** The commune a complaint belongs to, for the guard before anything else is loaded. */
export function getComplaintCommuneId({ id }: { id: number }) {
  return prisma.complaint.findUnique({ where: { id }, select: { communeId: true } }).then((r) => r?.communeId ?? null);
}
