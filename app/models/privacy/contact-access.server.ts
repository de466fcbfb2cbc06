// "Show contact": a resident's contact is read only through here, and every read is logged (who,
// when, which report) for administrators (/staff/privacy/access).
import { prisma } from "~/utils/db.server";

/** The report's contact, logged. Call after the guard (the caller may handle this report). */
export async function openContact({
  complaintId,
  userId,
  now = new Date(),
}: {
  complaintId: number;
  userId: number;
  now?: Date;
}) {
  const [row] = await prisma.$transaction([
    prisma.complaint.findUnique({
      where: { id: complaintId },
      select: { contact: true, subscriptions: { where: { role: "filer" }, select: { email: true, phone: true } } },
    }),
    prisma.contactAccess.create({ data: { complaintId, userId, createdAt: now }, select: { id: true } }),
  ]);
  if (!row) return null;
  const notify = row.subscriptions.flatMap((s) => [s.phone, s.email]).filter((v): v is string => Boolean(v));
  return { contact: row.contact, notify: [...new Set(notify)] };
}

/** Whether the report has a contact at all (the button shows only then). */
export async function hasContact({ complaintId }: { complaintId: number }) {
  const row = await prisma.complaint.findUnique({
    where: { id: complaintId },
    select: { contact: true, _count: { select: { subscriptions: { where: { role: "filer" } } } } },
  });
  return Boolean(row && (row.contact !== null || row._count.subscriptions > 0));
}

export function listContactAccess({ take = 200, complaintId }: { take?: number; complaintId?: number } = {}) {
  return prisma.contactAccess.findMany({
    where: complaintId ? { complaintId } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      createdAt: true,
      complaint: { select: { id: true, code: true, commune: { select: { name: true } } } },
      user: { select: { id: true, name: true, email: true, role: true } },
    },
  });
}

/** Whether the report is forwarded to this unit member's unit and not yet given back or withdrawn. */
export async function unitHandles({ complaintId, userId }: { complaintId: number; userId: number }) {
  const n = await prisma.forwarding.count({
    where: {
      complaintId,
      status: { in: ["pending", "accepted"] },
      unit: { active: true, members: { some: { userId } } },
    },
  });
  return n > 0;
}
