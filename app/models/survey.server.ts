// Survey responses: storing one resident's answers and counting them per criterion.
import { Prisma } from "~/generated/prisma/client";
import type { Tally } from "~/lib/score";
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
  isDemo?: boolean;
};

export type CreateResult =
  | { status: "created"; id: number }
  /** the same form was sent again (double tap, retry): already stored once */
  | { status: "replayed"; id: number }
  /** this resident already answered for this commune in this period */
  | { status: "duplicate" };

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}

/**
 * Stores a response and its ratings in one transaction. The database enforces both integrity
 * rules (unique submissionId, unique commune+period+voter), so two racing requests cannot both
 * get through: the loser is told whether it was a replay or a second answer.
 */
export async function createResponse(input: NewResponse): Promise<CreateResult> {
  try {
    const { id } = await prisma.response.create({
      data: {
        communeId: input.communeId,
        period: input.period,
        village: input.village ?? null,
        comment: input.comment ?? null,
        channel: input.channel ?? "online",
        voterHash: input.voterHash ?? null,
        ipHash: input.ipHash ?? null,
        submissionId: input.submissionId ?? null,
        isDemo: input.isDemo ?? false,
        ...(input.createdAt ? { createdAt: input.createdAt } : {}),
        ratings: { create: input.ratings },
      },
      select: { id: true },
    });
    return { status: "created", id };
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    if (input.submissionId) {
      const replay = await prisma.response.findUnique({
        where: { submissionId: input.submissionId },
        select: { id: true },
      });
      if (replay) return { status: "replayed", id: replay.id };
    }
    return { status: "duplicate" };
  }
}

/**
 * Inserts many responses at once (demo data, benchmarks, imports), in one transaction per
 * batch. Every row needs a submissionId: it ties the returned ids back to the input rows.
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

/** The answer this resident gave for this commune in this period, if any. */
export function findVoterResponse({
  communeId,
  period,
  voterHash,
}: {
  communeId: number;
  period: string;
  voterHash: string;
}) {
  return prisma.response.findUnique({
    where: { communeId_period_voterHash: { communeId, period, voterHash } },
    select: {
      createdAt: true,
      village: true,
      comment: true,
      ratings: { select: { criterionId: true, score: true } },
    },
  });
}

type TallyRow = { criterionId: number | bigint; satisfied: number | bigint; answered: number | bigint; noOpinion: number | bigint };

/** Counts per criterion for one commune over the given periods: satisfied (4-5), answered, no opinion. */
export async function tallyCommune({
  communeId,
  periods,
}: {
  communeId: number;
  periods: readonly string[];
}): Promise<Map<number, Tally>> {
  const rows = await prisma.$queryRaw<TallyRow[]>`
    SELECT rt.criterionId AS criterionId,
           SUM(CASE WHEN rt.score >= 4 THEN 1 ELSE 0 END) AS satisfied,
           SUM(CASE WHEN rt.score IS NOT NULL THEN 1 ELSE 0 END) AS answered,
           SUM(CASE WHEN rt.score IS NULL THEN 1 ELSE 0 END) AS noOpinion
    FROM Rating rt
    JOIN Response r ON r.id = rt.responseId
    WHERE r.communeId = ${communeId} AND r.period IN (${Prisma.join(periods as string[])})
    GROUP BY rt.criterionId`;
  return new Map(
    rows.map((r) => [
      Number(r.criterionId),
      { satisfied: Number(r.satisfied), answered: Number(r.answered), noOpinion: Number(r.noOpinion) },
    ]),
  );
}

export function countResponses({ communeId }: { communeId: number }) {
  return prisma.response.count({ where: { communeId } });
}
