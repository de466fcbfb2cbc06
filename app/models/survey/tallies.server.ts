// Survey answers, the reads: a resident's own answer, counts per criterion, comments.
import { Prisma } from "~/generated/prisma/client";
import type { Tally } from "~/lib/score";
import { prisma } from "~/utils/db.server";

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

/**
 * Counts per commune, criterion and quarter: communeId -> criterionId -> period -> counts. Every
 * commune, or only `communeIds` (the dashboard re-reads only the communes that received answers).
 */
export async function tallyCommunesByPeriod({
  periods,
  communeIds = null,
}: {
  periods: readonly string[];
  communeIds?: readonly number[] | null;
}): Promise<Map<number, Map<number, Map<string, Tally>>>> {
  const out = new Map<number, Map<number, Map<string, Tally>>>();
  if (communeIds?.length === 0) return out;
  const rows = await prisma.$queryRaw<(TallyRow & { period: string })[]>`
    SELECT communeId, criterionId, period, SUM(satisfied) AS satisfied, SUM(answered) AS answered, SUM(noOpinion) AS noOpinion
    FROM ScoreRollup
    WHERE period IN (${Prisma.join(periods as string[])})
      ${communeIds ? Prisma.sql`AND communeId IN (${Prisma.join(communeIds as number[])})` : Prisma.empty}
    GROUP BY communeId, criterionId, period`;
  for (const r of rows) {
    const communeId = Number(r.communeId);
    const criterionId = Number(r.criterionId);
    let commune = out.get(communeId);
    if (!commune) out.set(communeId, (commune = new Map()));
    let criterion = commune.get(criterionId);
    if (!criterion) commune.set(criterionId, (criterion = new Map()));
    criterion.set(r.period, toTally(r));
  }
  return out;
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
