// The council dashboard: every commune's recognition, satisfaction, coverage and complaints in
// one table. A handful of grouped queries over the rollup tables, whatever the number of answers.
import { communeVerdict, coverage, failing, type Coverage } from "~/lib/dashboard";
import { recentPeriods } from "~/lib/period";
import { score, type Score, type Tally, type Verdict } from "~/lib/score";
import { prisma } from "~/utils/db.server";
import { complaintCountsByCommune } from "./complaint.server";
import { listActiveCriteria } from "./criterion.server";
import { currentRecognitionsByCommune, levelThreshold } from "./recognition.server";
import { SCORE_WINDOW_QUARTERS } from "./scoreboard.server";
import { getDefaultThreshold } from "./setting.server";
import { tallyAllCommunes } from "./survey.server";
import { latestRoundCoverageByCommune } from "./round.server";

export type DashboardRow = {
  id: number;
  slug: string;
  name: string;
  kind: string;
  region: string;
  formerUnit: string;
  level: { key: string; period: string; nameVi: string; nameEn: string } | null;
  threshold: { share: number; minSample: number };
  scores: Record<string, Score>;
  tallies: Record<string, Tally>;
  coverage: (Coverage & { roundName: string }) | null;
  complaints: { open: number; overdue: number; resolved: number; total: number };
  verdict: Verdict;
  failing: { criterionKey: string; share: number; high: number; answered: number }[];
};

export async function getDashboard({ now = new Date() }: { now?: Date } = {}) {
  const periods = recentPeriods(now, SCORE_WINDOW_QUARTERS);
  const [communes, criteria, recognitions, defaults, tallies, complaints, rounds] = await Promise.all([
    prisma.commune.findMany({
      orderBy: { sortOrder: "asc" },
      select: { id: true, slug: true, name: true, kind: true, region: true, formerUnit: true },
    }),
    listActiveCriteria(),
    currentRecognitionsByCommune(),
    getDefaultThreshold(),
    tallyAllCommunes({ periods }),
    complaintCountsByCommune({ now }),
    latestRoundCoverageByCommune(),
  ]);
  const empty = { satisfied: 0, answered: 0, noOpinion: 0 };
  const rows: DashboardRow[] = communes.map((c) => {
    const rec = recognitions.get(c.id) ?? null;
    const threshold = rec ? levelThreshold(rec.level) : defaults;
    const raw = Object.fromEntries(criteria.map((k) => [k.key, tallies.get(c.id)?.get(k.id) ?? empty]));
    const perCriterion = criteria.map((k) => ({
      criterionKey: k.key,
      isOverall: k.isOverall,
      score: score(raw[k.key], threshold),
    }));
    const round = rounds.get(c.id);
    const cov = round ? coverage(round.answered, round.households) : null;
    return {
      ...c,
      level: rec ? { key: rec.level.key, period: rec.level.period, nameVi: rec.level.nameVi, nameEn: rec.level.nameEn } : null,
      threshold,
      scores: Object.fromEntries(perCriterion.map((p) => [p.criterionKey, p.score])),
      tallies: raw,
      coverage: cov && round ? { ...cov, roundName: round.name } : null,
      complaints: complaints.get(c.id) ?? { open: 0, overdue: 0, resolved: 0, total: 0 },
      verdict: communeVerdict(perCriterion),
      failing: failing(perCriterion),
    };
  });
  return { rows, criteria, defaultThreshold: defaults, from: periods[periods.length - 1], to: periods[0] };
}
