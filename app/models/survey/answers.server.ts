// Survey answers, the writes: the one write path for an answer (submitAnswer; paper ballots go
// through the same rules) and the one replay look-up by submission id.
import { Prisma } from "~/generated/prisma/client";
import { periodOf, vnIsoDay } from "~/lib/vn-time";
import { prisma, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { writeAnswer as commitOpenAnswer } from "../answer-writer.server";
import { recordAudit } from "../audit.server";
import { findUsableCode, spendCode, type CodeRefusal } from "../ballot.server";
import { findOpenRoundId } from "../round.server";

/** One answer, whatever its channel (phone, paper ballot, a future import). */
export type AnswerInput = {
  communeId: number;
  channel: "online" | "paper";
  ratings: { criterionId: number; score: number | null }[];
  village?: string | null;
  comment?: string | null;
  /** online: HMAC of the resident's cookie (one open answer per commune and quarter) */
  voterHash?: string | null;
  ipHash?: string | null;
  /** the form's one-time token: the same form sent twice is stored once */
  submissionId?: string | null;
  /** a household ballot code, normalised and with a valid check character (lib/ballot-code) */
  code?: string | null;
  /** paper: the round the ballots belong to; online: found from the code or the date */
  roundId?: number | null;
  /** quarter; by default the quarter of `at` (paper: of the round's start) */
  period?: string;
  at?: Date;
  /** seconds the resident took (signed timestamp in the form, decision 026); null = unknown */
  durationSeconds?: number | null;
  isDemo?: boolean;
};

export type AnswerRefusal =
  "duplicate" | CodeRefusal | "noRound" | "roundClosed" | "roundNotStarted" | "codeRequired" | "overHouseholds";

export type SubmitResult =
  | { ok: true; status: "created" | "replayed"; id: number; verified: boolean; late: boolean }
  | { ok: false; status?: undefined; reason: AnswerRefusal };

/** Rolls a transaction back while carrying the reason out of it. */
class Refused extends Error {
  constructor(
    readonly reason: AnswerRefusal,
    readonly index = 0,
  ) {
    super(reason);
  }
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}

const GRACE_MS = env.PAPER_GRACE_HOURS * 3600 * 1000;

/** The answer already stored under this submission id (a replayed form), if any. */
async function findReplay(db: Tx, submissionId: string) {
  const replay = await db.response.findUnique({ where: { submissionId }, select: { id: true, verified: true } });
  return replay ? ({ ok: true, status: "replayed", id: replay.id, verified: replay.verified, late: false } as const) : null;
}

/**
 * The rules every answer goes through, inside the caller's transaction: replay, round dates,
 * codes (used up here, conditionally, so one code counts once however many requests race),
 * the households limit, duplicates. Throws Refused to roll the transaction back.
 */
async function checkAndWrite(tx: Tx, input: AnswerInput): Promise<Extract<SubmitResult, { ok: true }>> {
  const at = input.at ?? new Date();
  if (input.submissionId) {
    const replay = await findReplay(tx, input.submissionId);
    if (replay) return replay;
  }
  let roundId: number | null;
  let period = input.period ?? periodOf(at);
  let late = false;
  if (input.channel === "paper") {
    // Paper ballots belong to a round, entered while it is open or within the logged grace period.
    if (!input.roundId) throw new Refused("noRound");
    const link = await tx.roundCommune.findUnique({
      where: { roundId_communeId: { roundId: input.roundId, communeId: input.communeId } },
      select: { households: true, round: { select: { startsAt: true, endsAt: true, codesRequired: true } } },
    });
    if (!link) throw new Refused("noRound");
    if (at < link.round.startsAt) throw new Refused("roundNotStarted");
    if (at.getTime() >= link.round.endsAt.getTime() + GRACE_MS) throw new Refused("roundClosed");
    late = at >= link.round.endsAt;
    // issue 26 (decision 036): every paper ballot carries a household code, in every kind of round.
    if (!input.code) throw new Refused("codeRequired");
    roundId = input.roundId;
    period = input.period ?? periodOf(link.round.startsAt);
  } else {
    roundId = input.roundId !== undefined ? input.roundId : await findOpenRoundId({ communeId: input.communeId, at });
  }
  if (input.code) {
    const found = await findUsableCode(tx, {
      code: input.code,
      at,
      communeId: input.communeId,
      ...(input.channel === "paper" ? { roundId: roundId!, graceMs: GRACE_MS } : {}),
    });
    if (!found.ok) throw new Refused(found.reason);
    if (!(await spendCode(tx, { id: found.code.id, day: vnIsoDay(at) }))) throw new Refused("usedCode");
    roundId = found.code.roundId;
  }
  const verified = Boolean(input.code);
  const { id } = await tx.response.create({
    data: {
      roundId,
      communeId: input.communeId,
      period,
      village: input.village ?? null,
      comment: input.comment ?? null,
      channel: input.channel,
      // A coded answer is the household's, not the cookie's: no cookie hash is kept with it.
      voterHash: verified ? null : (input.voterHash ?? null),
      ipHash: input.ipHash ?? null,
      submissionId: input.submissionId ?? null,
      verified,
      durationSeconds: input.durationSeconds ?? null,
      isDemo: input.isDemo ?? false,
      createdAt: at,
      ratings: { create: input.ratings },
    },
    select: { id: true },
  });
  return { ok: true, status: "created", id, verified, late };
}

/**
 * The one write path for an answer (online, paper, import): checks and stores it in one
 * transaction. A database uniqueness rule still guards the races the checks cannot see (two
 * first sends of the same cookie): the loser is told whether it was a replay or a second answer.
 */
export async function submitAnswer(input: AnswerInput): Promise<SubmitResult> {
  if (input.channel === "online" && !input.code && input.submissionId) {
    // The hot path (every open answer from a phone): no code to spend, no limit to count, so it is
    // committed together with the answers arriving meanwhile (answer-writer.server.ts); replays and
    // second answers are told apart there by the same unique indexes.
    const at = input.at ?? new Date();
    const roundId = input.roundId !== undefined ? input.roundId : await findOpenRoundId({ communeId: input.communeId, at });
    const r = await commitOpenAnswer({
      communeId: input.communeId,
      period: input.period ?? periodOf(at),
      ratings: input.ratings,
      village: input.village ?? null,
      comment: input.comment ?? null,
      channel: "online",
      voterHash: input.voterHash ?? null,
      ipHash: input.ipHash ?? null,
      submissionId: input.submissionId,
      roundId,
      durationSeconds: input.durationSeconds ?? null,
      isDemo: input.isDemo ?? false,
      createdAt: at,
    });
    return r.status === "duplicate"
      ? { ok: false, reason: "duplicate" }
      : { ok: true, status: r.status, id: r.id, verified: false, late: false };
  }
  try {
    return await prisma.$transaction((tx) => checkAndWrite(tx, input));
  } catch (e) {
    if (e instanceof Refused) return { ok: false, reason: e.reason };
    if (!isUniqueViolation(e)) throw e;
    if (input.submissionId) {
      const replay = await findReplay(prisma, input.submissionId);
      if (replay) return replay;
    }
    return { ok: false, reason: "duplicate" };
  }
}

export type PaperBallot = { code: string | null; ratings: { criterionId: number; score: number | null }[] };

/** A refused paper ballot: why, and its place in the grid. */
export type PaperRefusal = { reason: AnswerRefusal; index: number };

/** Rolls the grid's transaction back while carrying every refusal out of it. */
class RefusedGrid extends Error {
  constructor(readonly refusals: PaperRefusal[]) {
    super("refused");
  }
}

/**
 * A grid of paper ballots for one round and commune, entered by the Front or an administrator:
 * each ballot through the same rules as an online answer, all in one transaction (one refused
 * ballot and nothing is stored), audited, with ballots after closing logged as late. Every ballot
 * is checked, so the clerk sees all the refused ones at once (issue 23); `checkOnly` checks the
 * codes and rolls back whatever happens (the grid had typos elsewhere: nothing may be stored).
 */
export async function enterPaperBallots(input: {
  actorId: number;
  roundId: number;
  communeId: number;
  ballots: PaperBallot[];
  at?: Date;
  checkOnly?: boolean;
}): Promise<
  | { ok: true; count: number; verified: number; late: boolean }
  | { ok: false; reason: AnswerRefusal; index: number; refusals: PaperRefusal[] }
> {
  const at = input.at ?? new Date();
  // The same code twice in one grid: the second is refused like a code already used.
  const twice = new Set(
    input.ballots.flatMap((b, i) => (b.code && input.ballots.findIndex((o) => o.code === b.code) !== i ? [i] : [])),
  );
  try {
    return await prisma.$transaction(async (tx) => {
      let late = false;
      let verified = 0;
      const refusals: PaperRefusal[] = [];
      for (const [index, ballot] of input.ballots.entries()) {
        if (twice.has(index)) {
          refusals.push({ reason: "usedCode", index });
          continue;
        }
        try {
          // The checks throw before anything of this ballot is written: the next ones still run.
          const r = await checkAndWrite(tx, {
            communeId: input.communeId,
            roundId: input.roundId,
            channel: "paper",
            ratings: ballot.ratings,
            code: ballot.code,
            at,
          });
          late ||= r.late;
          if (r.verified) verified++;
        } catch (e) {
          if (e instanceof Refused) refusals.push({ reason: e.reason, index });
          else throw e;
        }
      }
      if (refusals.length > 0 || input.checkOnly) throw new RefusedGrid(refusals);
      const detail = { count: input.ballots.length, verified, open: input.ballots.length - verified };
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "paper_entered",
        roundId: input.roundId,
        communeId: input.communeId,
        detail,
      });
      if (late)
        await recordAudit(tx, {
          actorId: input.actorId,
          action: "paper_late",
          roundId: input.roundId,
          communeId: input.communeId,
          detail,
        });
      return { ok: true, count: input.ballots.length, verified, late } as const;
    });
  } catch (e) {
    if (e instanceof RefusedGrid) {
      const first = e.refusals[0] ?? { reason: "duplicate" as const, index: -1 };
      return { ok: false, reason: first.reason, index: first.index, refusals: e.refusals };
    }
    throw e;
  }
}
