// One survey round as staff see it: per commune, answers online/paper and verified/open, coverage
// (used codes / households when codes are required), results per criterion, the pre-recognition
// verdict from verified answers only, and the code batches per village.
import { communeVerdict, coverage, roundAnswered } from "~/lib/dashboard";
import { score, type Tally, type Threshold } from "~/lib/score";
import { codeUseByVillage, usedCodeCounts } from "./ballot.server";
import { listActiveCriteria } from "./criterion.server";
import { thresholdFor } from "./recognition.server";
import { getRound, roundAnswerCounts, roundResultsVisible, roundTallies } from "./round.server";
import { getDefaultThreshold } from "./setting.server";

export type RoundRecord = NonNullable<Awaited<ReturnType<typeof getRound>>>;

const EMPTY: Tally = { satisfied: 0, answered: 0, noOpinion: 0 };
const add = (a: Tally, b: Tally): Tally => ({
  satisfied: a.satisfied + b.satisfied,
  answered: a.answered + b.answered,
  noOpinion: a.noOpinion + b.noOpinion,
});

/** The verdict of a pre-recognition round for a commune: verified answers only, and coverage. */
export function verifiedVerdict(
  perCriterion: { criterionKey: string; isOverall: boolean; tally: Tally }[],
  threshold: Threshold,
  usedCodes: number,
  households: number,
  coverageTarget: number,
) {
  const scores = perCriterion.map((c) => ({
    criterionKey: c.criterionKey,
    isOverall: c.isOverall,
    score: score(c.tally, threshold),
  }));
  const cov = coverage(usedCodes, households);
  return { verdict: communeVerdict(scores), coverageMet: cov !== null && cov.share >= coverageTarget };
}

export async function getRoundView({
  round,
  communeIds,
  canRun,
  now = new Date(),
}: {
  round: RoundRecord;
  /** the communes this user may see */
  communeIds: number[];
  canRun: (communeId: number) => boolean;
  now?: Date;
}) {
  const [criteria, counts, defaults, used, batches] = await Promise.all([
    listActiveCriteria(),
    roundAnswerCounts({ roundId: round.id }),
    getDefaultThreshold(),
    usedCodeCounts({ roundIds: [round.id] }),
    codeUseByVillage({ roundId: round.id, communeIds }),
  ]);
  const visible = roundResultsVisible(round, now);
  const tallies = visible ? await roundTallies({ roundId: round.id }) : [];
  const threshold = thresholdFor(round.level, defaults);
  const coverageTarget = round.level?.coverageShare ?? 0.7;
  const count = (communeId: number, f: (c: (typeof counts)[number]) => boolean) =>
    counts.filter((c) => c.communeId === communeId && f(c)).reduce((s, c) => s + c.count, 0);
  const tally = (communeId: number, criterionId: number, f: (t: (typeof tallies)[number]) => boolean) =>
    tallies
      .filter((x) => x.communeId === communeId && x.criterionId === criterionId && f(x))
      .reduce((s, x) => add(s, x.tally), EMPTY);

  const communes = round.communes
    .filter((c) => communeIds.includes(c.commune.id))
    .map(({ commune, households }) => {
      const online = count(commune.id, (c) => c.channel === "online");
      const paper = count(commune.id, (c) => c.channel === "paper");
      const verified = count(commune.id, (c) => c.verified);
      const usedCodes = used.find((u) => u.communeId === commune.id)?.used ?? 0;
      const perCriterion = criteria.map((k) => ({
        criterionKey: k.key,
        isOverall: k.isOverall,
        tally: tally(commune.id, k.id, (x) => x.verified),
      }));
      return {
        ...commune,
        households,
        online,
        paper,
        verified,
        open: online + paper - verified,
        usedCodes,
        coverage: coverage(roundAnswered({ codesRequired: round.codesRequired, usedCodes, answers: online + paper }), households),
        canRun: canRun(commune.id),
        batches: batches.filter((b) => b.communeId === commune.id),
        verdict:
          visible && round.purpose === "pre_recognition"
            ? verifiedVerdict(perCriterion, threshold, usedCodes, households, coverageTarget)
            : null,
        results: visible
          ? criteria.map((k) => ({
              key: k.key,
              online: score(
                tally(commune.id, k.id, (x) => x.channel === "online"),
                threshold,
              ),
              paper: score(
                tally(commune.id, k.id, (x) => x.channel === "paper"),
                threshold,
              ),
              verified: score(
                tally(commune.id, k.id, (x) => x.verified),
                threshold,
              ),
            }))
          : null,
      };
    });
  return {
    visible,
    threshold,
    coverageTarget,
    criteria: criteria.map((c) => ({ id: c.id, key: c.key, nameVi: c.nameVi, nameEn: c.nameEn })),
    communes,
  };
}
