// Many open answers at once, for demo data (prisma/seed) and benchmarks only: no route or model
// of the product reaches it (answers from residents, paper and imports go through submitAnswer in
// app/models/survey/answers.server.ts).
import { prisma } from "~/utils/db.server";

export type NewResponse = {
  communeId: number;
  period: string;
  /** criterionId -> 1..5, or null for "no opinion" */
  ratings: { criterionId: number; score: number | null }[];
  village?: string | null;
  comment?: string | null;
  channel?: "online" | "paper";
  voterHash?: string | null;
  ipHash?: string | null;
  submissionId?: string | null;
  createdAt?: Date;
  /** the survey round; by default the one open for the commune at createdAt (or now) */
  roundId?: number | null;
  isDemo?: boolean;
};

/**
 * Loads many open answers at once for demo data and benchmarks only, in one transaction per
 * batch; no route reaches it (answers from residents, paper and imports go through submitAnswer).
 * Every row needs a submissionId: it ties the returned ids back to the input rows.
 */
export async function insertResponsesBulk(rows: (NewResponse & { submissionId: string })[], batchSize = 500) {
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    await prisma.$transaction(async (tx) => {
      const created = await tx.response.createManyAndReturn({
        data: batch.map(({ ratings: _ratings, ...r }) => ({
          ...r,
          channel: r.channel ?? "online",
          isDemo: r.isDemo ?? false,
        })),
        select: { id: true, submissionId: true },
      });
      const ids = new Map(created.map((c) => [c.submissionId, c.id]));
      await tx.rating.createMany({
        data: batch.flatMap((r) => r.ratings.map((rt) => ({ responseId: ids.get(r.submissionId)!, ...rt }))),
      });
    });
  }
}
