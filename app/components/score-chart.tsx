// The chart of the share satisfied per criterion (components/score-chart-canvas.tsx, with chart.js)
// is drawn only in the browser, once the page is interactive: the score table beside it carries
// the same figures for everyone else. So its code is not part of any page's first load (issue 25):
// it is fetched when the page has hydrated, and it fetches chart.js in turn.
import { lazy, Suspense } from "react";
import type { ScoreRow } from "./score-table";
import { useHydrated } from "~/hooks/use-hydrated";

const ScoreChartCanvas = lazy(() => import("./score-chart-canvas"));

export function ScoreChart({ rows, threshold }: { rows: ScoreRow[]; threshold: number }) {
  const hydrated = useHydrated();
  if (!hydrated || rows.every((r) => r.score.hidden)) return null;
  return (
    <Suspense fallback={null}>
      <ScoreChartCanvas rows={rows} threshold={threshold} />
    </Suspense>
  );
}
