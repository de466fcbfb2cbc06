// A commune's dossier for the council: everything the page shows, read in parallel. The trend
// scores each quarter with the same rules as everywhere else (score(): hidden under 5 answers).
import { score, type Threshold } from "~/lib/score";
import { coverage, roundAnswered } from "~/lib/dashboard";
import { complaintSummaryByCategory } from "./complaint/stats.server";
import { listRecognitionHistory } from "./recognition.server";
import { listReviews } from "./review.server";
import { listCommuneRounds, roundResultsVisible } from "./round.server";
import { getCommuneScoreboard } from "./scoreboard.server";
import { listComments } from "./survey/tallies.server";
import { answerSnapshot, sumTally, type CommuneAnswers } from "./commune-answers.server";

export const COMMENTS_PER_PAGE = 20;

/** Per criterion, the share satisfied in each quarter (null when hidden), in the order of `periods`. */
function trendOf(
  answers: CommuneAnswers | undefined,
  criteria: { id: number; key: string }[],
  periods: string[],
  threshold: Threshold,
) {
  return criteria.map((criterion) => ({
    key: criterion.key,
    values: periods.map((period) => {
      const tally = sumTally(answers, criterion.id, [period]);
      const s = score(tally, threshold);
      return { period, share: s.hidden ? null : s.share, n: tally.answered, interval: s.hidden ? null : s.interval };
    }),
  }));
}

export async function getDossier({ communeId, page, now = new Date() }: { communeId: number; page: number; now?: Date }) {
  const [scoreboard, answers, history, rounds, complaints, comments, reviews] = await Promise.all([
    getCommuneScoreboard({ communeId, now }),
    // The commune's counts per quarter, kept in memory for the council (commune-answers.server.ts).
    answerSnapshot(now),
    listRecognitionHistory({ communeId }),
    listCommuneRounds({ communeId }),
    complaintSummaryByCategory({ communeId }),
    listComments({ communeId, page, pageSize: COMMENTS_PER_PAGE }),
    listReviews({ communeId }),
  ]);
  const periods = [...answers.periods].reverse();
  const trend = trendOf(
    answers.byCommune.get(communeId),
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
      resultsVisible: roundResultsVisible(r, now),
    })),
    complaints,
    comments,
    page,
    pages: Math.max(1, Math.ceil(comments.total / COMMENTS_PER_PAGE)),
    reviews,
  };
}

export type Dossier = Awaited<ReturnType<typeof getDossier>>;
