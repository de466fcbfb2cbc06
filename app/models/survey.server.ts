// Survey responses: storing one resident's answers and counting them per criterion.
import { Prisma } from "~/generated/prisma/client";
import type { Tally } from "~/lib/score";
import { prisma } from "~/utils/db.server";
import { writeAnswer } from "./answer-writer.server";
import { findOpenRoundId } from "./round.server";

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
  const roundId =
    input.roundId !== undefined
      ? input.roundId
      : await findOpenRoundId({ communeId: input.communeId, at: input.createdAt ?? new Date() });
  if (input.submissionId) {
    // The hot path (every online answer): committed together with the answers arriving meanwhile.
    return writeAnswer({
      communeId: input.communeId,
      period: input.period,
      ratings: input.ratings,
      village: input.village ?? null,
      comment: input.comment ?? null,
      channel: input.channel ?? "online",
      voterHash: input.voterHash ?? null,
      ipHash: input.ipHash ?? null,
      submissionId: input.submissionId,
      roundId,
      isDemo: input.isDemo ?? false,
      createdAt: input.createdAt ?? new Date(),
    });
  }
  try {
    const { id } = await prisma.response.create({
      data: {
        roundId,
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
export function findVoterResponse({ communeId, period, voterHash }: { communeId: number; period: string; voterHash: string }) {
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

type TallyRow = {
  communeId: number | bigint;
  criterionId: number | bigint;
  satisfied: number | bigint;
  answered: number | bigint;
  noOpinion: number | bigint;
};

const toTally = (r: TallyRow): Tally => ({
  satisfied: Number(r.satisfied),
  answered: Number(r.answered),
  noOpinion: Number(r.noOpinion),
});

/**
 * Counts per criterion for one commune over the given periods: satisfied (4-5), answered, no
 * opinion. Read from ScoreRollup (kept by triggers), so the cost does not grow with the answers.
 */
export async function tallyCommune({
  communeId,
  periods,
  channel,
}: {
  communeId: number;
  periods: readonly string[];
  channel?: "online" | "paper";
}): Promise<Map<number, Tally>> {
  const rows = await prisma.$queryRaw<TallyRow[]>`
    SELECT communeId, criterionId, SUM(satisfied) AS satisfied, SUM(answered) AS answered, SUM(noOpinion) AS noOpinion
    FROM ScoreRollup
    WHERE communeId = ${communeId} AND period IN (${Prisma.join(periods as string[])})
      AND (${channel ?? null} IS NULL OR channel = ${channel ?? null})
    GROUP BY communeId, criterionId`;
  return new Map(rows.map((r) => [Number(r.criterionId), toTally(r)]));
}

/** The same for every commune at once: communeId -> criterionId -> counts. */
export async function tallyAllCommunes({ periods }: { periods: readonly string[] }): Promise<Map<number, Map<number, Tally>>> {
  const rows = await prisma.$queryRaw<TallyRow[]>`
    SELECT communeId, criterionId, SUM(satisfied) AS satisfied, SUM(answered) AS answered, SUM(noOpinion) AS noOpinion
    FROM ScoreRollup
    WHERE period IN (${Prisma.join(periods as string[])})
    GROUP BY communeId, criterionId`;
  const out = new Map<number, Map<number, Tally>>();
  for (const r of rows) {
    const id = Number(r.communeId);
    if (!out.has(id)) out.set(id, new Map());
    out.get(id)!.set(Number(r.criterionId), toTally(r));
  }
  return out;
}

/** Counts per quarter and criterion for one commune (trend), or per region when communeId is omitted. */
export async function tallyByPeriod({ communeId, periods }: { communeId?: number; periods: readonly string[] }) {
  const rows = await prisma.$queryRaw<(TallyRow & { period: string; region: string })[]>`
    SELECT s.period AS period, c.region AS region, 0 AS communeId, s.criterionId AS criterionId,
           SUM(s.satisfied) AS satisfied, SUM(s.answered) AS answered, SUM(s.noOpinion) AS noOpinion
    FROM ScoreRollup s JOIN Commune c ON c.id = s.communeId
    WHERE s.period IN (${Prisma.join(periods as string[])}) AND (${communeId ?? null} IS NULL OR s.communeId = ${communeId ?? null})
    GROUP BY s.period, c.region, s.criterionId`;
  return rows.map((r) => ({ period: r.period, region: r.region, criterionId: Number(r.criterionId), ...toTally(r) }));
}

/** Residents' comments for a commune, newest first, a page at a time (staff only: no hashes). */
export async function listComments({ communeId, page, pageSize }: { communeId: number; page: number; pageSize: number }) {
  const where = { communeId, comment: { not: null } };
  const [total, items] = await Promise.all([
    prisma.response.count({ where }),
    prisma.response.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, createdAt: true, comment: true, village: true, channel: true },
    }),
  ]);
  return { total, items };
}
