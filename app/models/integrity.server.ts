// The integrity report of a round for one commune, exclusions and the re-check (phúc tra)
// (issue 10, docs/decisions/026). Everything is computed from the round's raw answers (a round is
// small): an exclusion never touches the answers or the trigger-kept ScoreRollup, so the public
// scores stay as they were and the verdict is shown with and without the exclusions.
import crypto from "node:crypto";
import { coverage } from "~/lib/dashboard";
import {
  answersPerHour,
  drawSample,
  fastAnswers,
  integrityFlags,
  isStraightLine,
  makeFlag,
  openVerifiedGap,
  recheckTally,
  sampleSize,
  type Flag,
  type IntegrityAnswer,
  type RecheckOutcome,
} from "~/lib/integrity";
import { tally, wilson } from "~/lib/score";
import { prisma } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { codeUseByVillage, usedCodeCounts } from "./ballot.server";
import { listActiveCriteria } from "./criterion.server";
import { thresholdFor } from "./recognition.server";
import { getRound, roundPaperClosesAt, roundResultsVisible } from "./round.server";
import { verifiedVerdict, type RoundRecord } from "./round-view.server";
import { getDefaultThreshold, getIntegrityThresholds } from "./setting.server";

/** The round's answers for the commune, with scores in criterion order and whether excluded. */
async function roundAnswers(roundId: number, communeId: number, criteria: { id: number; isOverall: boolean }[]) {
  const rows = await prisma.response.findMany({
    where: { roundId, communeId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      createdAt: true,
      ipHash: true,
      verified: true,
      channel: true,
      durationSeconds: true,
      ratings: { select: { criterionId: true, score: true } },
      exclusion: { select: { reason: true } },
    },
  });
  const overall = criteria.find((c) => c.isOverall);
  return rows.map((r) => {
    const score = (id: number) => r.ratings.find((x) => x.criterionId === id)?.score ?? null;
    return {
      id: r.id,
      createdAt: r.createdAt,
      ipHash: r.ipHash,
      verified: r.verified,
      channel: r.channel,
      durationSeconds: r.durationSeconds,
      scores: criteria.filter((c) => !c.isOverall).map((c) => score(c.id)),
      allScores: criteria.map((c) => score(c.id)),
      overall: overall ? score(overall.id) : null,
      excluded: r.exclusion !== null,
      exclusionReason: r.exclusion?.reason ?? null,
    } satisfies IntegrityAnswer & Record<string, unknown>;
  });
}

type Answers = Awaited<ReturnType<typeof roundAnswers>>;

/** The commune's verdict from raw rows (verified answers only in a pre-recognition round). */
function verdictFrom(
  answers: Answers,
  criteria: { key: string; isOverall: boolean }[],
  round: RoundRecord,
  threshold: { share: number; minSample: number },
  usedCodes: number,
  households: number,
) {
  const counted = answers.filter((a) => (round.purpose === "pre_recognition" || round.codesRequired ? a.verified : true));
  const perCriterion = criteria.map((c, i) => ({
    criterionKey: c.key,
    isOverall: c.isOverall,
    tally: tally(counted.map((a) => a.allScores[i])),
  }));
  return {
    ...verifiedVerdict(perCriterion, threshold, usedCodes, households, round.level?.coverageShare ?? 0.7),
    answers: counted.length,
  };
}

export async function getIntegrityReport({
  round,
  communeId,
  now = new Date(),
}: {
  round: RoundRecord;
  communeId: number;
  now?: Date;
}) {
  const link = round.communes.find((c) => c.commune.id === communeId);
  if (!link) return null;
  const [criteria, settings, defaults, villages, used] = await Promise.all([
    listActiveCriteria(),
    getIntegrityThresholds(),
    getDefaultThreshold(),
    codeUseByVillage({ roundId: round.id, communeIds: [communeId] }),
    usedCodeCounts({ roundIds: [round.id] }),
  ]);
  const answers = await roundAnswers(round.id, communeId, criteria);
  const villageUse = villages.map((v) => ({ village: v.village, count: v.count, sealed: v.sealedAt !== null, used: v.used }));
  const visible = roundResultsVisible(round, now);
  const usedCodes = used.find((u) => u.communeId === communeId)?.used ?? 0;
  const threshold = thresholdFor(round.level, defaults);
  // While a pre-recognition round is open its results stay hidden: so do the gap and the verdict.
  const flags: Flag[] = integrityFlags(answers, villageUse, settings).filter((f) => visible || f.key !== "openVerifiedGap");
  const kept = answers.filter((a) => !a.excluded);
  const fast = fastAnswers(kept);
  const fastIds = new Set(fast.fast.map((a) => a.id));
  const patternCounts = new Map<string, number>();
  for (const a of kept) patternCounts.set(a.scores.join(","), (patternCounts.get(a.scores.join(",")) ?? 0) + 1);
  const recheck = await getRecheck({ roundId: round.id, communeId, deniedShare: settings.deniedShare });
  if (recheck) flags.push(recheck.flag);
  return {
    commune: link.commune,
    households: link.households,
    visible,
    settings,
    flags,
    perHour: answersPerHour(answers),
    total: answers.length,
    excludedCount: answers.length - kept.length,
    medianSeconds: fast.median,
    timed: fast.timed,
    villages: villageUse,
    gap: visible ? openVerifiedGap(kept) : null,
    verdict: visible
      ? {
          all: verdictFrom(answers, criteria, round, threshold, usedCodes, link.households),
          withoutExcluded: verdictFrom(kept, criteria, round, threshold, usedCodes, link.households),
        }
      : null,
    coverage: coverage(usedCodes, link.households),
    // The answers a flag points at (and those already excluded), for staff to look at and exclude;
    // their scores and times are results, hidden until paper entry has closed (decision 036).
    suspects: (visible ? answers : [])
      .map((a) => ({
        id: a.id,
        createdAt: a.createdAt,
        channel: a.channel,
        verified: a.verified,
        durationSeconds: a.durationSeconds,
        pattern: a.allScores.map((s) => s ?? "–").join(" "),
        straight: isStraightLine(a.scores),
        fast: fastIds.has(a.id),
        identical: !a.excluded && (patternCounts.get(a.scores.join(",")) ?? 0) > 1,
        excluded: a.excluded,
        exclusionReason: a.exclusionReason,
      }))
      .filter((a) => a.straight || a.fast || a.identical || a.excluded)
      .slice(0, 300),
    recheck,
  };
}

export type IntegrityReport = NonNullable<Awaited<ReturnType<typeof getIntegrityReport>>>;

/**
 * Leaves answers out of the "without exclusions" verdict, with a reason, audited. The answers
 * stay (a flag never deletes data); only answers of this round and commune can be excluded.
 */
export async function excludeAnswers(input: {
  actorId: number;
  roundId: number;
  communeId: number;
  responseIds: number[];
  reason: string;
}): Promise<{ ok: true; count: number } | { ok: false; reason: "notInRound" }> {
  const ids = [...new Set(input.responseIds)];
  return prisma.$transaction(async (tx) => {
    const found = await tx.response.findMany({
      where: { id: { in: ids }, roundId: input.roundId, communeId: input.communeId },
      select: { id: true, exclusion: { select: { responseId: true } } },
    });
    if (found.length !== ids.length) return { ok: false, reason: "notInRound" } as const;
    const fresh = found.filter((f) => !f.exclusion).map((f) => f.id);
    await tx.answerExclusion.createMany({
      data: fresh.map((responseId) => ({
        responseId,
        roundId: input.roundId,
        communeId: input.communeId,
        reason: input.reason,
        actorId: input.actorId,
      })),
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "answers_excluded",
      roundId: input.roundId,
      communeId: input.communeId,
      detail: { count: fresh.length, reason: input.reason },
    });
    return { ok: true, count: fresh.length } as const;
  });
}

/** Used serials of a round and commune with their village: the re-check's population. */
export async function usedSerials({ roundId, communeId }: { roundId: number; communeId: number }) {
  const rows = await prisma.ballotCode.findMany({
    where: { roundId, communeId, usedOn: { not: null } },
    select: { serial: true, batch: { select: { village: true } } },
  });
  return rows.map((r) => ({ serial: r.serial, village: r.batch.village }));
}

export type DrawResult =
  { ok: true; recheckId: number; size: number } | { ok: false; reason: "notPreRecognition" | "notClosed" | "exists" | "noCodes" };

/**
 * Draws the re-check sample for a closed pre-recognition round: n = N / (1 + N e^2) of the N used
 * serials, by a generator seeded with a random seed that is recorded, so anyone can redraw it.
 */
export async function drawRecheck(input: {
  actorId: number;
  roundId: number;
  communeId: number;
  margin: number;
  now?: Date;
  seed?: string;
}): Promise<DrawResult> {
  const now = input.now ?? new Date();
  const round = await getRound({ id: input.roundId });
  if (!round || round.purpose !== "pre_recognition") return { ok: false, reason: "notPreRecognition" };
  // Drawn from every used code, so only once no paper ballot can be added (decision 036).
  if (roundPaperClosesAt(round) > now) return { ok: false, reason: "notClosed" };
  const population = await usedSerials(input);
  if (population.length === 0) return { ok: false, reason: "noCodes" };
  const seed = input.seed ?? crypto.randomBytes(16).toString("hex");
  const size = sampleSize(population.length, input.margin);
  const sample = drawSample(population, size, seed);
  try {
    return await prisma.$transaction(async (tx) => {
      const created = await tx.recheck.create({
        data: {
          roundId: input.roundId,
          communeId: input.communeId,
          seed,
          population: population.length,
          margin: input.margin,
          createdById: input.actorId,
          items: { create: sample.map((s) => ({ serial: s.serial, village: s.village })) },
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "recheck_drawn",
        roundId: input.roundId,
        communeId: input.communeId,
        detail: { seed, population: population.length, margin: input.margin, size },
      });
      return { ok: true, recheckId: created.id, size } as const;
    });
  } catch {
    return { ok: false, reason: "exists" };
  }
}

export type RecordRecheckResult = { ok: true; count: number } | { ok: false; reason: "reasonRequired" };

/**
 * Records what the visits found, append-only (decision 036): every outcome is a new history row;
 * changing an outcome already recorded needs a reason, and the earlier one stays in the history.
 * Audited with each change's serial, before and after. Only items of this re-check are touched.
 */
export async function recordRecheck(input: {
  actorId: number;
  recheckId: number;
  outcomes: { itemId: number; outcome: RecheckOutcome }[];
  reason?: string | null;
  now?: Date;
}): Promise<RecordRecheckResult> {
  const now = input.now ?? new Date();
  const reason = input.reason?.trim() || null;
  return prisma.$transaction(async (tx) => {
    const recheck = await tx.recheck.findUniqueOrThrow({
      where: { id: input.recheckId },
      select: { roundId: true, communeId: true, items: { select: { id: true, serial: true, outcome: true } } },
    });
    const changes: { serial: string; before: string | null; after: RecheckOutcome }[] = [];
    const items: number[] = [];
    for (const o of input.outcomes) {
      const item = recheck.items.find((i) => i.id === o.itemId);
      if (!item || item.outcome === o.outcome) continue;
      changes.push({ serial: item.serial, before: item.outcome, after: o.outcome });
      items.push(item.id);
    }
    // Checked before anything is written: nothing changes without its reason.
    if (!reason && changes.some((c) => c.before !== null)) return { ok: false, reason: "reasonRequired" } as const;
    for (const [i, c] of changes.entries()) {
      await tx.recheckItem.update({ where: { id: items[i] }, data: { outcome: c.after, updatedAt: now } });
      await tx.recheckOutcomeChange.create({
        data: { itemId: items[i], outcome: c.after, previous: c.before, reason, actorId: input.actorId, createdAt: now },
      });
    }
    if (changes.length > 0)
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "recheck_recorded",
        roundId: recheck.roundId,
        communeId: recheck.communeId,
        detail: { count: changes.length, reason, changes },
      });
    return { ok: true, count: changes.length } as const;
  });
}

/** A re-check with its items, its result (denied among those reached, Wilson interval) and flag. */
export async function getRecheck({
  roundId,
  communeId,
  deniedShare,
}: {
  roundId: number;
  communeId: number;
  deniedShare: number;
}) {
  const recheck = await prisma.recheck.findUnique({
    where: { roundId_communeId: { roundId, communeId } },
    select: {
      id: true,
      seed: true,
      population: true,
      margin: true,
      createdAt: true,
      items: {
        orderBy: { serial: "asc" },
        select: {
          id: true,
          serial: true,
          village: true,
          outcome: true,
          history: {
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: { outcome: true, previous: true, reason: true, createdAt: true },
          },
        },
      },
    },
  });
  if (!recheck) return null;
  const result = recheckTally(recheck.items.map((i) => i.outcome));
  const share = result.reached ? result.denied / result.reached : 0;
  const interval = result.reached ? wilson(result.denied, result.reached) : null;
  const flag: Flag = makeFlag("denied", share, deniedShare, result.reached);
  return { ...recheck, result, share, interval, flag };
}

/** For the dossier: the commune's latest closed pre-recognition round (or latest round) and its report. */
export async function getCommuneIntegrity({ communeId, now = new Date() }: { communeId: number; now?: Date }) {
  const links = await prisma.roundCommune.findMany({
    where: { communeId, round: { startsAt: { lte: now } } },
    select: { round: { select: { id: true, purpose: true, endsAt: true } } },
    orderBy: { round: { startsAt: "desc" } },
  });
  const pick = links.find((l) => l.round.purpose === "pre_recognition" && l.round.endsAt <= now) ?? links[0];
  if (!pick) return null;
  const round = await getRound({ id: pick.round.id });
  if (!round) return null;
  const report = await getIntegrityReport({ round, communeId, now });
  if (!report) return null;
  const { suspects: _suspects, ...rest } = report;
  return { round: { id: round.id, name: round.name, purpose: round.purpose, endsAt: round.endsAt }, ...rest };
}

export type CommuneIntegrity = NonNullable<Awaited<ReturnType<typeof getCommuneIntegrity>>>;
