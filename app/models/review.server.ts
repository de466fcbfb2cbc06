// Council members' reviews of a commune before a recognition decision.
import type { ReviewVerdict } from "~/lib/review";
import { prisma } from "~/utils/db.server";

export function createReview(data: { communeId: number; userId: number; verdict: ReviewVerdict; reason: string }) {
  return prisma.review.create({ data, select: { id: true } });
}

export function listReviews({ communeId }: { communeId: number }) {
  return prisma.review.findMany({
    where: { communeId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, verdict: true, reason: true, createdAt: true, user: { select: { name: true } } },
  });
}
