// The public read model of a report: what anyone may see, and nothing more.
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { timelineEventSelect } from "./select.server";
import { getWhereabouts } from "../forwarding.server";
import { countSupporters } from "./supporters.server";
import { getMergeTarget } from "./duplicates.server";

/**
 * The columns anyone may read. Never the tracking code (its holder may rate and reopen), the
 * contact, the address hash or internal notes; the text is the redacted one when there is one.
 */
const publicSelect = {
  id: true,
  category: true,
  text: true,
  publicText: true,
  village: true,
  status: true,
  createdAt: true,
  resolvedAt: true,
  handlingRating: true,
  commune: { select: { slug: true, name: true, kind: true } },
  photos: { where: { approved: true }, select: { id: true, width: true, height: true }, orderBy: { id: "asc" } },
  events: {
    where: { public: true },
    select: timelineEventSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ComplaintSelect;

type PublicRow = Prisma.ComplaintGetPayload<{ select: typeof publicSelect }>;

/** What anyone may see of a complaint. Every public read returns this type and nothing more. */
export type PublicComplaint = Omit<PublicRow, "publicText">;

function toPublic(row: PublicRow): PublicComplaint {
  const { text, publicText, ...rest } = row;
  return { ...rest, text: publicText ?? text };
}

/** The tracking page: the public view, plus the code its holder typed in. */
export async function getPublicComplaint({ code }: { code: string }): Promise<(PublicComplaint & { code: string }) | null> {
  const row = await prisma.complaint.findUnique({ where: { code }, select: publicSelect });
  return row ? { ...toPublic(row), code } : null;
}

export async function listRecentPublicComplaints({
  communeId,
  take = 10,
}: {
  communeId: number;
  take?: number;
}): Promise<PublicComplaint[]> {
  const rows = await prisma.complaint.findMany({
    where: { communeId },
    select: publicSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
  return rows.map(toPublic);
}

/** What the resident's tracking page adds: where the report is, its supporters, what it was merged into. */
export async function getPublicTriage({ complaintId }: { complaintId: number }) {
  const [whereabouts, supporters, mergedInto] = await Promise.all([
    getWhereabouts({ complaintId }),
    countSupporters({ complaintId }),
    getMergeTarget({ id: complaintId }),
  ]);
  return { whereabouts, supporters, mergedInto };
}
