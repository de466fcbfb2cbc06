// The council dashboard: every commune's recognition, satisfaction, coverage and complaints in
// one table, made from reference data, report counts and each commune's answers (kept in memory,
// re-read per commune after answers: commune-answers.server.ts), whatever the number of answers.
import { communeVerdict, coverage, failing, type Coverage } from "~/lib/dashboard";
import { score, type Score, type Tally, type Verdict } from "~/lib/score";
import { cached } from "~/utils/cache.server";
import { answerSnapshot, sumTally, type AnswerSnapshot, type CommuneAnswers } from "./commune-answers.server";
import { listCommunes } from "./commune.server";
import { complaintCountsByCommune } from "./complaint/stats.server";
import { listActiveCriteria } from "./criterion.server";
import { currentRecognitionsByCommune, thresholdFor } from "./recognition.server";
import { SCORE_WINDOW_QUARTERS } from "./scoreboard.server";
import { getDefaultThreshold } from "./setting.server";
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

/** The parts of the dashboard that answers do not change. */
async function loadBase(now: Date) {
  const [communes, criteria, recognitions, defaults, complaints] = await Promise.all([
    listCommunes(),
    listActiveCriteria(),
    currentRecognitionsByCommune(),
    getDefaultThreshold(),
    complaintCountsByCommune({ now }),
  ]);
  return { communes, criteria, recognitions, defaults, complaints };
}
type Base = Awaited<ReturnType<typeof loadBase>>;
type Dashboard = {
  rows: DashboardRow[];
  /** the answers it was made from: the trend on the same page sums the same snapshot */
  snapshot: AnswerSnapshot;
  criteria: Base["criteria"];
  defaultThreshold: Base["defaults"];
  from: string;
  to: string;
};

/** The last dashboard made, and each row with the commune's answers it was made from. */
let last: {
  base: Base;
  answers: AnswerSnapshot;
  value: Dashboard;
  rows: Map<number, { from: CommuneAnswers | undefined; row: DashboardRow }>;
} | null = null;

/**
 * The dashboard as committed when the call started (or later), in any process. Reference data
 * and report counts are read once per change (and once a minute: "overdue" depends on the
 * clock); after answers, only the rows of the communes that received them are made again
 * (decision 031). Callers must not modify what it returns.
 */
export async function getDashboard({ now = new Date() }: { now?: Date } = {}): Promise<Dashboard> {
  const [base, answers] = await Promise.all([
    cached("dashboardBase", ["reference", "complaints"], () => loadBase(now), minute(now)),
    answerSnapshot(now),
  ]);
  if (last && last.base === base && last.answers === answers) return last.value;
  const periods = answers.periods.slice(0, SCORE_WINDOW_QUARTERS);
  // A row is reused when it was made from the same base and the same commune's answers (objects
  // are replaced, never changed, so the same object means the same figures).
  const reuse = last?.base === base ? last.rows : null;
  const made = new Map<number, { from: CommuneAnswers | undefined; row: DashboardRow }>();
  const rows = base.communes.map((c) => {
    const from = answers.byCommune.get(c.id);
    const before = reuse?.get(c.id);
    const row = before && before.from === from ? before.row : dashboardRow(base, c, from, periods);
    made.set(c.id, { from, row });
    return row;
  });
  const value = {
    rows,
    snapshot: answers,
    criteria: base.criteria,
    defaultThreshold: base.defaults,
    from: periods[periods.length - 1],
    to: periods[0],
  };
  last = { base, answers, value, rows: made };
  return value;
}

const minute = (now: Date) => String(Math.floor(now.getTime() / 60_000));

function dashboardRow(base: Base, c: Base["communes"][number], answers: CommuneAnswers | undefined, periods: readonly string[]) {
  const { searchKey: _searchKey, ...commune } = c;
  const rec = base.recognitions.get(c.id) ?? null;
  const threshold = thresholdFor(rec?.level, base.defaults);
  const raw = Object.fromEntries(base.criteria.map((k) => [k.key, sumTally(answers, k.id, periods)]));
  const perCriterion = base.criteria.map((k) => ({
    criterionKey: k.key,
    isOverall: k.isOverall,
    score: score(raw[k.key], threshold),
  }));
  const round = answers?.round;
  const cov = round ? coverage(round.answered, round.households) : null;
  return {
    ...commune,
    level: rec ? { key: rec.level.key, period: rec.level.period, nameVi: rec.level.nameVi, nameEn: rec.level.nameEn } : null,
    threshold,
    scores: Object.fromEntries(perCriterion.map((p) => [p.criterionKey, p.score])),
    tallies: raw,
    coverage: cov && round ? { ...cov, roundName: round.name } : null,
    roundAnswers: round ? { verified: round.verified, open: round.open, codesRequired: round.codesRequired } : null,
    complaints: base.complaints.get(c.id) ?? { open: 0, overdue: 0, resolved: 0, total: 0 },
    verdict: communeVerdict(perCriterion),
    failing: failing(perCriterion),
  } satisfies DashboardRow;
}
