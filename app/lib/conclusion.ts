// The dossier's first lines (issue 23): one plain-language answer to the council's question
// "can we recognise this commune?", assembled from the verdicts the page already shows. Meets only
// when every criterion meets the threshold and the latest round reached its coverage; does not meet
// as soon as one criterion is clearly below; otherwise cannot tell yet, with the reasons.
import type { Score, Threshold } from "./score";

export type ConclusionInput = {
  rows: { key: string; score: Score }[];
  threshold: Threshold;
  /** The latest round whose results are shown: its coverage and the share it needed. */
  coverage: { share: number; target: number } | null;
  /** The latest re-check of that round: how many households it drew and how many were reached. */
  recheck: { total: number; reached: number } | null;
};

export type Conclusion = {
  outcome: "meets" | "below" | "unknown";
  threshold: number;
  /** Criteria clearly under the threshold (the whole interval below it). */
  below: string[];
  /** Criteria that cannot be called: too few answers, or the interval contains the threshold. */
  unsure: string[];
  coverage: { share: number; target: number; met: boolean } | null;
  recheck: "none" | "notVisited" | "partly" | "done";
};

export function conclude({ rows, threshold, coverage, recheck }: ConclusionInput): Conclusion {
  const below = rows.filter((r) => !r.score.hidden && r.score.verdict === "below").map((r) => r.key);
  const unsure = rows
    .filter((r) => r.score.hidden || r.score.verdict === "straddles" || r.score.verdict === "insufficient")
    .map((r) => r.key);
  const cov = coverage ? { ...coverage, met: coverage.share >= coverage.target } : null;
  const outcome = below.length > 0 ? "below" : unsure.length === 0 && rows.length > 0 && cov?.met ? "meets" : "unknown";
  return {
    outcome,
    threshold: threshold.share,
    below,
    unsure,
    coverage: cov,
    recheck: !recheck ? "none" : recheck.reached === 0 ? "notVisited" : recheck.reached < recheck.total ? "partly" : "done",
  };
}
