// A round's final figures per commune, for the notice on the community-hall board and the
// loudspeaker script: share satisfied per criterion with n, coverage by village, the verdict.
// Only once the count is final (paper entry closed: the round's end plus the grace period).
import type { CommuneKind, RoundPurpose } from "~/generated/prisma/enums";
import { communeVerdict, coverage, roundAnswered } from "~/lib/dashboard";
import { countFinal, countFinalAt } from "~/lib/round";
import { score, type Tally, type Verdict } from "~/lib/score";
import { env } from "~/utils/env.server";
import { prisma } from "~/utils/db.server";
import { codeUseByVillage, usedCodeCounts } from "./ballot.server";
import { listActiveCriteria } from "./criterion.server";
import { thresholdFor } from "./recognition.server";
import { roundAnswerCounts, roundTallies } from "./round.server";
import { verifiedVerdict } from "./round-view.server";
import { getDefaultThreshold } from "./setting.server";

export type ResultsRound = {
  id: number;
  name: string;
  purpose: RoundPurpose;
  startsAt: Date;
  endsAt: Date;
  codesRequired: boolean;
};

export type CommuneResults = {
  slug: string;
  name: string;
  kind: CommuneKind;
  households: number;
  /** households that answered (used codes when codes are required, else answers) */
  answered: number;
  coverageShare: number | null;
  villages: { village: string; households: number; used: number }[];
  criteria: { key: string; name: string; isOverall: boolean; satisfied: number; answered: number; hidden: boolean }[];
  verdict: Verdict;
  /** pre-recognition rounds: whether the coverage target was met; routine rounds: null */
  coverageMet: boolean | null;
};

const EMPTY: Tally = { satisfied: 0, answered: 0, noOpinion: 0 };

/** The round and its communes that the reader may see (`communeIds` null = all), optionally one (`slug`). */
async function loadRound(roundId: number, communeIds: number[] | null, slug: string | null) {
  return prisma.surveyRound.findUnique({
    where: { id: roundId },
    select: {
      id: true,
      name: true,
      purpose: true,
      startsAt: true,
      endsAt: true,
      codesRequired: true,
      level: { select: { thresholdShare: true, minSample: true, coverageShare: true } },
      communes: {
        where: { commune: { ...(communeIds ? { id: { in: communeIds } } : {}), ...(slug ? { slug } : {}) } },
        select: { households: true, commune: { select: { id: true, slug: true, name: true, kind: true, phone: true } } },
        orderBy: { commune: { sortOrder: "asc" } },
      },
    },
  });
}

export type RoundCommunes = NonNullable<Awaited<ReturnType<typeof loadRound>>>;

/** A round with the communes the reader may see, for the opening script (no figures). */
export async function getRoundCommunes({
  roundId,
  communeIds,
  slug = null,
}: {
  roundId: number;
  communeIds: number[] | null;
  slug?: string | null;
}): Promise<RoundCommunes | null> {
  const round = await loadRound(roundId, communeIds, slug);
  return round && round.communes.length > 0 ? round : null;
}

export type RoundResults =
  | { ok: true; round: ResultsRound; communes: CommuneResults[] }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "notFinal"; finalAt: Date };

export async function getRoundResults({
  roundId,
  communeIds,
  slug = null,
  now = new Date(),
}: {
  roundId: number;
  communeIds: number[] | null;
  slug?: string | null;
  now?: Date;
}): Promise<RoundResults> {
  const round = await getRoundCommunes({ roundId, communeIds, slug });
  if (!round) return { ok: false, reason: "notFound" };
  if (!countFinal(round, env.PAPER_GRACE_HOURS, now))
    return { ok: false, reason: "notFinal", finalAt: countFinalAt(round, env.PAPER_GRACE_HOURS) };
  const ids = round.communes.map((c) => c.commune.id);
  const [criteria, counts, tallies, used, batches, defaults] = await Promise.all([
    listActiveCriteria(),
    roundAnswerCounts({ roundId }),
    roundTallies({ roundId }),
    usedCodeCounts({ roundIds: [roundId], communeIds: ids }),
    codeUseByVillage({ roundId, communeIds: ids }),
    getDefaultThreshold(),
  ]);
  const threshold = thresholdFor(round.level, defaults);
  // With household codes, only verified answers count (as for the verdict); otherwise every answer.
  const counted = (x: { verified: boolean }) => !round.codesRequired || x.verified;
  const communes = round.communes.map(({ commune, households }) => {
    const answers = counts.filter((c) => c.communeId === commune.id).reduce((s, c) => s + c.count, 0);
    const usedCodes = used.find((u) => u.communeId === commune.id)?.used ?? 0;
    const answered = roundAnswered({ codesRequired: round.codesRequired, usedCodes, answers });
    const perCriterion = criteria.map((k) => ({
      key: k.key,
      name: k.nameVi,
      isOverall: k.isOverall,
      tally: tallies
        .filter((x) => x.communeId === commune.id && x.criterionId === k.id && counted(x))
        .reduce(
          (s, x) => ({
            satisfied: s.satisfied + x.tally.satisfied,
            answered: s.answered + x.tally.answered,
            noOpinion: s.noOpinion + x.tally.noOpinion,
          }),
          EMPTY,
        ),
    }));
    const scores = perCriterion.map((c) => ({ criterionKey: c.key, isOverall: c.isOverall, score: score(c.tally, threshold) }));
    const pre =
      round.purpose === "pre_recognition"
        ? verifiedVerdict(
            perCriterion.map((c) => ({ criterionKey: c.key, isOverall: c.isOverall, tally: c.tally })),
            threshold,
            usedCodes,
            households,
            round.level?.coverageShare ?? 0.7,
          )
        : null;
    return {
      slug: commune.slug,
      name: commune.name,
      kind: commune.kind,
      households,
      answered,
      coverageShare: coverage(answered, households)?.share ?? null,
      villages: batches
        .filter((b) => b.communeId === commune.id)
        .map((b) => ({ village: b.village, households: b.households, used: b.used })),
      criteria: perCriterion.map((c) => ({
        key: c.key,
        name: c.name,
        isOverall: c.isOverall,
        satisfied: c.tally.satisfied,
        answered: c.tally.answered,
        hidden: score(c.tally, threshold).hidden,
      })),
      verdict: pre?.verdict ?? communeVerdict(scores),
      coverageMet: pre ? pre.coverageMet : null,
    } satisfies CommuneResults;
  });
  const { communes: _links, level: _level, ...head } = round;
  return { ok: true, round: head, communes };
}
