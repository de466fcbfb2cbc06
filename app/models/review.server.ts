// Council members' reviews of a commune before a recognition decision.
import { prisma } from "~/utils/db.server";

export const REVIEW_VERDICTS = ["recommend", "defer", "not_ready"] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

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
