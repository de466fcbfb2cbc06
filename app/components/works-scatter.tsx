// The council's scatter (issue 22): each commune a point, investment per household across and
// share satisfied up, East and West coloured. chart.js is loaded on demand in the browser; the
// same numbers are in the table next to it.
import { useEffect, useRef } from "react";
import { useHydrated } from "~/hooks/use-hydrated";

type Point = { x: number; y: number; label: string };

export function WorksScatter({
  east,
  west,
  labels,
  ariaLabel,
}: {
  east: Point[];
  west: Point[];
  labels: { east: string; west: string; x: string; y: string };
  ariaLabel: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const hydrated = useHydrated();
  const key = JSON.stringify({ east, west, labels });
  useEffect(() => {
    if (!hydrated) return;
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void import("chart.js").then((m) => {
      if (cancelled || !canvas.current) return;
      m.Chart.register(m.ScatterController, m.PointElement, m.LinearScale, m.Tooltip, m.Legend);
      const made = new m.Chart(canvas.current, {
        type: "scatter",
        data: {
          datasets: [
            { label: labels.east, data: east, backgroundColor: "#1d4ed8", pointRadius: 5 },
            { label: labels.west, data: west, backgroundColor: "#c2410c", pointRadius: 5 },
          ],
        },
        options: {
          animation: false,
          maintainAspectRatio: false,
          scales: {
            x: { title: { display: true, text: labels.x } },
            y: { min: 0, max: 1, title: { display: true, text: labels.y }, ticks: { format: { style: "percent" } } },
          },
          plugins: {
            tooltip: { callbacks: { label: (c) => (c.raw as Point).label } },
          },
        },
      });
      chart = made;
      // The points the chart holds, per series, read from the chart itself (the browser test checks them).
      canvas.current.dataset.points = JSON.stringify(made.data.datasets.map((d) => d.data.length));
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hydrated, key]);
  return (
    <div style={{ position: "relative", height: 320 }}>
      <canvas ref={canvas} role="img" aria-label={ariaLabel} data-testid="works-scatter" />
    </div>
  );
}
