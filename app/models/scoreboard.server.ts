// A commune's satisfaction per criterion next to its recognition status: what the public
// commune page and the thank-you page show.
import { recentPeriods } from "~/lib/vn-time";
import { score, type Score } from "~/lib/score";
import { listActiveCriteria } from "./criterion.server";
import { getCurrentRecognition, getThresholdFor } from "./recognition.server";
import { tallyCommune } from "./survey/tallies.server";

/** Scores cover the current quarter and the three before it: the last twelve months. */
export const SCORE_WINDOW_QUARTERS = 4;

export async function getCommuneScoreboard({ communeId, now = new Date() }: { communeId: number; now?: Date }) {
  const periods = recentPeriods(now, SCORE_WINDOW_QUARTERS);
  const [criteria, recognition, tallies] = await Promise.all([
    listActiveCriteria(),
    getCurrentRecognition({ communeId }),
    tallyCommune({ communeId, periods }),
  ]);
  const threshold = await getThresholdFor(recognition);
  const rows = criteria.map((criterion) => ({
    criterion,
    score: score(tallies.get(criterion.id) ?? { satisfied: 0, answered: 0, noOpinion: 0 }, threshold) as Score,
  }));
  return {
    from: periods[periods.length - 1],
    to: periods[0],
    threshold,
    recognition,
    rows,
  };
}
