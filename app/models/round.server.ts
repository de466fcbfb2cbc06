// Survey rounds (đợt lấy ý kiến): creation, assignment of answers, coverage and results.
import { roundAnswered } from "~/lib/dashboard";
import { paperEntryClosesAt, pickRound, resultsVisible } from "~/lib/round";
import { satisfiedSql, type Tally } from "~/lib/score";
import { Prisma } from "~/generated/prisma/client";
import type { ResponseChannel } from "~/generated/prisma/enums";
import { cached } from "~/utils/cache.server";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { recordAudit } from "./audit.server";
import { usedCodeCounts } from "./ballot.server";

/** Every round's communes and households, oldest round first (reference data, read once per change). */
function roundLinks() {
  return cached("roundLinks", ["reference"], () =>
    prisma.roundCommune.findMany({
      // A proposed round takes no answers and is nobody's current round until it is approved.
      where: { round: { approvedAt: { not: null } } },
      select: {
        communeId: true,
        households: true,
        round: { select: { id: true, name: true, startsAt: true, endsAt: true, codesRequired: true } },
      },
      orderBy: [{ round: { startsAt: "asc" } }, { roundId: "asc" }],
    }),
  );
}

/** Every round's window and communes, made from the same links once per change of reference data. */
function roundWindows() {
  return cached("roundWindows", ["reference"], async () => {
    const byRound = new Map<number, { id: number; startsAt: Date; endsAt: Date; communeIds: Set<number> }>();
    for (const { communeId, round } of await roundLinks()) {
      let w = byRound.get(round.id);
      if (!w)
        byRound.set(round.id, (w = { id: round.id, startsAt: round.startsAt, endsAt: round.endsAt, communeIds: new Set() }));
      w.communeIds.add(communeId);
    }
    return [...byRound.values()];
  });
}

/** Whether a round's results may be shown at `now`: once paper entry has closed (decision 036). */
export function roundResultsVisible(round: { endsAt: Date }, now: Date = new Date()): boolean {
  return resultsVisible(round, now, env.PAPER_GRACE_HOURS);
}

/** When a round's paper entry closes (its close plus PAPER_GRACE_HOURS). */
export function roundPaperClosesAt(round: { endsAt: Date }): Date {
  return paperEntryClosesAt(round, env.PAPER_GRACE_HOURS);
}

/** The round open for this commune at this moment, if any. */
export async function findOpenRoundId({ communeId, at }: { communeId: number; at: Date }): Promise<number | null> {
  const candidates = (await roundWindows()).filter((r) => r.communeIds.has(communeId));
  return pickRound(candidates, at)?.id ?? null;
}

export type NewRound = {
  name: string;
  purpose: "routine" | "pre_recognition";
  levelId: number | null;
  startsAt: Date;
  endsAt: Date;
  /** answers count as verified only with a household code; paper ballots need one */
  codesRequired: boolean;
  communes: { communeId: number; households: number }[];
  isDemo?: boolean;
};

/**
 * Writes an approved round as given, audited: the demo data and test fixtures only. People go
 * through proposeRound and approveRound, which take the households from the register.
 */
export async function createRound(input: NewRound & { createdById: number | null }) {
  const { communes, ...round } = input;
  return prisma.$transaction(async (tx) => {
    const created = await tx.surveyRound.create({
      data: { ...round, approvedAt: new Date(), communes: { create: communes } },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.createdById,
      action: "round_created",
      roundId: created.id,
      detail: { purpose: input.purpose, codesRequired: input.codesRequired, communes: communes.length },
    });
    return created;
  });
}

/** What every list and page of rounds shows of one round. */
const roundHeadSelect = {
  id: true,
  name: true,
  purpose: true,
  startsAt: true,
  endsAt: true,
  codesRequired: true,
  approvedAt: true,
} satisfies Prisma.SurveyRoundSelect;

const levelNameSelect = { select: { nameVi: true, nameEn: true, coverageShare: true } } satisfies Prisma.SurveyRound$levelArgs;

/** Rounds, newest first; with communeIds (an official's), only rounds that include one of them. */
export function listRounds({ communeIds = null }: { communeIds?: number[] | null } = {}) {
  return prisma.surveyRound.findMany({
    where: communeIds ? { communes: { some: { communeId: { in: communeIds } } } } : {},
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    select: {
      ...roundHeadSelect,
      isDemo: true,
      level: levelNameSelect,
      _count: { select: { communes: true, responses: true } },
    },
  });
}

export function getRound({ id }: { id: number }) {
  return prisma.surveyRound.findUnique({
    where: { id },
    select: {
      ...roundHeadSelect,
      isDemo: true,
      createdById: true,
      level: { select: { nameVi: true, nameEn: true, thresholdShare: true, minSample: true, coverageShare: true } },
      communes: {
        select: { households: true, commune: { select: { id: true, slug: true, name: true } } },
        orderBy: { communeId: "asc" },
      },
    },
  });
}

/** Per commune, channel and verified/open: number of answers in the round. */
export async function roundAnswerCounts({ roundId }: { roundId: number }) {
  const rows = await prisma.response.groupBy({
    by: ["communeId", "channel", "verified"],
    where: { roundId },
    _count: { _all: true },
  });
  return rows.map((r) => ({
    communeId: r.communeId,
    channel: r.channel,
    verified: r.verified,
    count: r._count._all,
  }));
}

type Row = {
  communeId: number | bigint;
  channel: ResponseChannel;
  verified: number | bigint | boolean;
  criterionId: number | bigint;
  satisfied: number | bigint;
  answered: number | bigint;
  noOpinion: number | bigint;
};

/** Per commune, channel, verified/open and criterion: counts of the round's answers. */
export async function roundTallies({ roundId }: { roundId: number }) {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT r.communeId AS communeId, r.channel AS channel, r.verified AS verified, rt.criterionId AS criterionId,
           SUM(${Prisma.raw(satisfiedSql("rt.score"))}) AS satisfied,
           SUM(CASE WHEN rt.score IS NOT NULL THEN 1 ELSE 0 END) AS answered,
           SUM(CASE WHEN rt.score IS NULL THEN 1 ELSE 0 END) AS noOpinion
    FROM Response r JOIN Rating rt ON rt.responseId = r.id
    WHERE r.roundId = ${roundId}
    GROUP BY r.communeId, r.channel, r.verified, rt.criterionId`;
  return rows.map((r) => ({
    communeId: Number(r.communeId),
    channel: r.channel,
    verified: Boolean(Number(r.verified)),
    criterionId: Number(r.criterionId),
    tally: { satisfied: Number(r.satisfied), answered: Number(r.answered), noOpinion: Number(r.noOpinion) } satisfies Tally,
  }));
}

/**
 * How many commune-round links have started by `now`. Links are reference data and a start
 * only ever passes, so a commune's latest started round changes only when this number or the
 * reference data does.
 */
export async function startedRoundLinkCount(now: Date = new Date()): Promise<number> {
  let n = 0;
  for (const l of await roundLinks()) if (l.round.startsAt <= now) n++;
  return n;
}

/**
 * Per commune (every one, or only `communeIds`): its latest round that has started, with
 * households and answers so far.
 */
export async function latestRoundCoverageByCommune({
  now = new Date(),
  communeIds = null,
}: { now?: Date; communeIds?: readonly number[] | null } = {}) {
  const only = communeIds ? new Set(communeIds) : null;
  // The links change with reference data only: read once per change, filtered by the clock here.
  const links = (await roundLinks()).filter((l) => l.round.startsAt <= now && (!only || only.has(l.communeId)));
  /** answered: used codes when the round requires codes (coverage = used codes / households), else answers */
  type Latest = {
    roundId: number;
    name: string;
    households: number;
    answered: number;
    codesRequired: boolean;
    verified: number;
    open: number;
  };
  const latest = new Map<number, Latest>();
  for (const l of links)
    latest.set(l.communeId, {
      roundId: l.round.id,
      name: l.round.name,
      households: l.households,
      answered: 0,
      codesRequired: l.round.codesRequired,
      verified: 0,
      open: 0,
    });
  if (latest.size === 0) return latest;
  const roundIds = [...new Set([...latest.values()].map((l) => l.roundId))];
  const [counts, used] = await Promise.all([
    prisma.response.groupBy({
      by: ["roundId", "communeId", "verified"],
      where: { roundId: { in: roundIds }, ...(only ? { communeId: { in: [...latest.keys()] } } : {}) },
      _count: { _all: true },
    }),
    usedCodeCounts({ roundIds, communeIds: only ? [...latest.keys()] : null }),
  ]);
  for (const c of counts) {
    const l = latest.get(c.communeId);
    if (!l || l.roundId !== c.roundId) continue;
    if (c.verified) l.verified += c._count._all;
    else l.open += c._count._all;
  }
  for (const l of latest.values()) {
    const usedCodes = used.find((u) => u.roundId === l.roundId && latest.get(u.communeId) === l)?.used ?? 0;
    l.answered = roundAnswered({ codesRequired: l.codesRequired, usedCodes, answers: l.verified + l.open });
  }
  return latest;
}

/** Anonymised answers of a round for CSV: no cookie or address hashes, no ids that link back. */
export function roundResponsesForExport({ roundId }: { roundId: number }) {
  return prisma.response.findMany({
    where: { roundId },
    orderBy: [{ communeId: "asc" }, { createdAt: "asc" }],
    select: {
      createdAt: true,
      channel: true,
      verified: true,
      village: true,
      comment: true,
      commune: { select: { name: true } },
      ratings: { select: { score: true, criterion: { select: { key: true } } } },
    },
  });
}

/** The rounds a commune took part in, newest first, with households and answers per channel. */
export async function listCommuneRounds({ communeId }: { communeId: number }) {
  const links = await prisma.roundCommune.findMany({
    where: { communeId, round: { approvedAt: { not: null } } },
    select: {
      households: true,
      round: {
        select: { ...roundHeadSelect, level: levelNameSelect },
      },
    },
    orderBy: { round: { startsAt: "desc" } },
  });
  const roundIds = links.map((l) => l.round.id);
  const [counts, used] = await Promise.all([
    prisma.response.groupBy({
      by: ["roundId", "channel", "verified"],
      where: { communeId, roundId: { in: roundIds } },
      _count: { _all: true },
    }),
    usedCodeCounts({ roundIds }),
  ]);
  const sum = (roundId: number, f: (c: (typeof counts)[number]) => boolean) =>
    counts.filter((c) => c.roundId === roundId && f(c)).reduce((s, c) => s + c._count._all, 0);
  return links.map((l) => ({
    ...l.round,
    households: l.households,
    online: sum(l.round.id, (c) => c.channel === "online"),
    paper: sum(l.round.id, (c) => c.channel === "paper"),
    verified: sum(l.round.id, (c) => c.verified),
    open: sum(l.round.id, (c) => !c.verified),
    usedCodes: used.find((u) => u.roundId === l.round.id && u.communeId === communeId)?.used ?? 0,
  }));
}

/**
 * The commune's latest round that has started, with its verified and open answer counts (public
 * page: kept in memory until a round or an answer changes, or the minute turns).
 */
export async function currentCommuneRound({ communeId, now = new Date() }: { communeId: number; now?: Date }) {
  const rounds = await cached(
    `communeRounds:${communeId}`,
    ["reference", "answers"],
    () => listCommuneRounds({ communeId }),
    String(Math.floor(now.getTime() / 60_000)),
  );
  const r = rounds.find((x) => x.startsAt <= now);
  if (!r) return null;
  return {
    name: r.name,
    endsAt: r.endsAt,
    open: r.endsAt > now,
    codesRequired: r.codesRequired,
    verified: r.verified,
    openAnswers: r.open,
    usedCodes: r.usedCodes,
    households: r.households,
  };
}
