// A commune's dossier for the council: everything the page shows, read in parallel. The trend
// scores each quarter with the same rules as everywhere else (score(): hidden under 5 answers).
import { score, type Threshold } from "~/lib/score";
import { coverage, roundAnswered } from "~/lib/dashboard";
import { resultsVisible } from "~/lib/round";
import { recentPeriods } from "~/lib/vn-time";
import { complaintSummaryByCategory } from "./complaint.server";
import { triageSummary } from "./triage.server";
import { listRecognitionHistory } from "./recognition.server";
import { listReviews } from "./review.server";
import { listCommuneRounds } from "./round.server";
import { getCommuneScoreboard } from "./scoreboard.server";
import { listComments, tallyByPeriod } from "./survey.server";

export const COMMENTS_PER_PAGE = 20;
export const TREND_QUARTERS = 8;

type PeriodTally = { period: string; criterionId: number; satisfied: number; answered: number; noOpinion: number };

/** Per criterion, the share satisfied in each quarter (null when hidden), in the order of `periods`. */
function trendOf(rows: PeriodTally[], criteria: { id: number; key: string }[], periods: string[], threshold: Threshold) {
  return criteria.map((criterion) => ({
    key: criterion.key,
    values: periods.map((period) => {
      const tally = { satisfied: 0, answered: 0, noOpinion: 0 };
      for (const r of rows) {
        if (r.period !== period || r.criterionId !== criterion.id) continue;
        tally.satisfied += r.satisfied;
        tally.answered += r.answered;
        tally.noOpinion += r.noOpinion;
      }
      const s = score(tally, threshold);
      return { period, share: s.hidden ? null : s.share, n: tally.answered, interval: s.hidden ? null : s.interval };
    }),
  }));
}

export async function getDossier({ communeId, page, now = new Date() }: { communeId: number; page: number; now?: Date }) {
  const periods = recentPeriods(now, TREND_QUARTERS).reverse();
  const [scoreboard, trendRows, history, rounds, complaints, comments, reviews, triage] = await Promise.all([
    getCommuneScoreboard({ communeId, now }),
    tallyByPeriod({ communeId, periods }),
    listRecognitionHistory({ communeId }),
    listCommuneRounds({ communeId }),
    complaintSummaryByCategory({ communeId }),
    listComments({ communeId, page, pageSize: COMMENTS_PER_PAGE }),
    listReviews({ communeId }),
    triageSummary({ communeId }),
  ]);
  const trend = trendOf(
    trendRows,
    scoreboard.rows.map((r) => r.criterion),
    periods,
    scoreboard.threshold,
  );
  return {
    scoreboard,
    history,
    periods,
    trend,
    rounds: rounds.map((r) => ({
      ...r,
      coverage: coverage(roundAnswered({ ...r, answers: r.online + r.paper }), r.households),
      resultsVisible: resultsVisible(r, now),
    })),
    complaints,
    triage,
    comments,
    page,
    pages: Math.max(1, Math.ceil(comments.total / COMMENTS_PER_PAGE)),
    reviews,
  };
}

export type Dossier = Awaited<ReturnType<typeof getDossier>>;
