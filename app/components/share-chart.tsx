// A small chart.js wrapper for shares (0-100%): grouped bars or lines, with an optional
// threshold line. chart.js is loaded on demand in the browser only; the same numbers are always
// in a table next to the chart.
import { useEffect, useRef } from "react";
import { useHydrated } from "~/hooks/use-hydrated";

export type Series = { label: string; values: (number | null)[]; color: string };

export function ShareChart({
  kind,
  labels,
  series,
  threshold,
  horizontal = false,
  ariaLabel,
  height = 260,
}: {
  kind: "bar" | "line";
  labels: string[];
  series: Series[];
  threshold?: number;
  horizontal?: boolean;
  ariaLabel: string;
  height?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const hydrated = useHydrated();
  const key = JSON.stringify({ kind, labels, series, threshold, horizontal });
  useEffect(() => {
    if (!hydrated) return;
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void import("chart.js").then((m) => {
      if (cancelled || !canvas.current) return;
      m.Chart.register(
        m.BarController,
        m.BarElement,
        m.LineController,
        m.LineElement,
        m.PointElement,
        m.CategoryScale,
        m.LinearScale,
        m.Tooltip,
        m.Legend,
      );
      const valueAxis = horizontal ? "x" : "y";
      chart = new m.Chart(canvas.current, {
        type: kind,
        data: {
          labels,
          datasets: series.map((s) => ({
            label: s.label,
            data: s.values,
            backgroundColor: s.color,
            borderColor: s.color,
            spanGaps: true,
          })),
        },
        options: {
          indexAxis: horizontal ? "y" : "x",
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: { [valueAxis]: { min: 0, max: 100, ticks: { callback: (v: string | number) => `${v}%` } } },
          plugins: { legend: { display: series.length > 1 } },
        },
        plugins:
          threshold === undefined
            ? []
            : [
                {
                  id: "threshold",
                  afterDatasetsDraw(c) {
                    const { ctx, chartArea } = c;
                    const axis = c.scales[valueAxis];
                    const p = axis.getPixelForValue(threshold * 100);
                    ctx.save();
                    ctx.strokeStyle = "#1d4ed8";
                    ctx.setLineDash([6, 4]);
                    ctx.lineWidth = 2;
                    ctx.beginPath();
                    if (horizontal) {
                      ctx.moveTo(p, chartArea.top);
                      ctx.lineTo(p, chartArea.bottom);
                    } else {
                      ctx.moveTo(chartArea.left, p);
                      ctx.lineTo(chartArea.right, p);
                    }
                    ctx.stroke();
                    ctx.restore();
                  },
                },
              ],
      });
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
    // key captures every input
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, hydrated]);
  if (!hydrated) return null;
  return (
    <div className="share-chart" style={{ position: "relative", height }}>
      <canvas ref={canvas} role="img" aria-label={ariaLabel} />
    </div>
  );
}
