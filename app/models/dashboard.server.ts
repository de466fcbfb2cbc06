// The council dashboard: every commune's recognition, satisfaction, coverage and complaints in
// one table. A handful of grouped queries over the rollup tables, whatever the number of answers.
import { communeVerdict, coverage, failing, type Coverage } from "~/lib/dashboard";
import { recentPeriods } from "~/lib/vn-time";
import { score, type Score, type Tally, type Verdict } from "~/lib/score";
import { cached } from "~/utils/cache.server";
import { listCommunes } from "./commune.server";
import { complaintCountsByCommune } from "./complaint.server";
import { listActiveCriteria } from "./criterion.server";
import { currentRecognitionsByCommune, thresholdFor } from "./recognition.server";
import { SCORE_WINDOW_QUARTERS } from "./scoreboard.server";
import { getDefaultThreshold } from "./setting.server";
import { tallyAllCommunes } from "./survey.server";
import { latestRoundCoverageByCommune } from "./round.server";
import type { CommuneFacts } from "./commune.server";

export type DashboardRow = CommuneFacts & {
  level: { key: string; period: string; nameVi: string; nameEn: string } | null;
  threshold: { share: number; minSample: number };
  scores: Record<string, Score>;
  tallies: Record<string, Tally>;
  coverage: (Coverage & { roundName: string }) | null;
  /** the latest round's answers with a household code (verified) and without (open) */
  roundAnswers: { verified: number; open: number; codesRequired: boolean } | null;
  complaints: { open: number; overdue: number; resolved: number; total: number };
  verdict: Verdict;
  failing: { criterionKey: string; share: number; high: number; answered: number }[];
};

/**
 * The dashboard, assembled once and reused until an answer, a complaint or reference data changes
 * (in any process), and at most a minute (overdue complaints depend on the clock). Callers must
 * not modify what it returns.
 */
export function getDashboard({ now = new Date() }: { now?: Date } = {}) {
  return cached("dashboard", ["reference", "answers", "complaints"], () => assembleDashboard(now), minute(now));
}

const minute = (now: Date) => String(Math.floor(now.getTime() / 60_000));

async function assembleDashboard(now: Date) {
  const periods = recentPeriods(now, SCORE_WINDOW_QUARTERS);
  const [communes, criteria, recognitions, defaults, tallies, complaints, rounds] = await Promise.all([
    listCommunes(),
    listActiveCriteria(),
    currentRecognitionsByCommune(),
    getDefaultThreshold(),
    tallyAllCommunes({ periods }),
    // Reports change far less often than answers during a survey evening: kept apart.
    cached("complaintCounts", ["complaints", "reference"], () => complaintCountsByCommune({ now }), minute(now)),
    latestRoundCoverageByCommune(),
  ]);
  const empty = { satisfied: 0, answered: 0, noOpinion: 0 };
  const rows: DashboardRow[] = communes.map((c) => {
    const { searchKey: _searchKey, ...commune } = c;
    const rec = recognitions.get(c.id) ?? null;
    const threshold = thresholdFor(rec?.level, defaults);
    const raw = Object.fromEntries(criteria.map((k) => [k.key, tallies.get(c.id)?.get(k.id) ?? empty]));
    const perCriterion = criteria.map((k) => ({
      criterionKey: k.key,
      isOverall: k.isOverall,
      score: score(raw[k.key], threshold),
    }));
    const round = rounds.get(c.id);
    const cov = round ? coverage(round.answered, round.households) : null;
    return {
      ...commune,
      level: rec ? { key: rec.level.key, period: rec.level.period, nameVi: rec.level.nameVi, nameEn: rec.level.nameEn } : null,
      threshold,
      scores: Object.fromEntries(perCriterion.map((p) => [p.criterionKey, p.score])),
      tallies: raw,
      coverage: cov && round ? { ...cov, roundName: round.name } : null,
      roundAnswers: round ? { verified: round.verified, open: round.open, codesRequired: round.codesRequired } : null,
      complaints: complaints.get(c.id) ?? { open: 0, overdue: 0, resolved: 0, total: 0 },
      verdict: communeVerdict(perCriterion),
      failing: failing(perCriterion),
    };
  });
  return { rows, criteria, defaultThreshold: defaults, from: periods[periods.length - 1], to: periods[0] };
}
