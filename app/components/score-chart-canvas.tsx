// chart.js bar chart of the share satisfied per criterion, with the 95% interval as whiskers
// and the threshold as a line. Loaded on demand by components/score-chart.tsx once the page is
// interactive; chart.js is imported on demand too, the same chunk as the other charts' (a static
// import here would move chart.js into a shared chunk that the service worker would precache).
import { useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ScoreRow } from "./score-table";
import { localized } from "~/utils/i18n";
import { useLanguage } from "~/hooks/use-language";

export default function ScoreChartCanvas({ rows, threshold }: { rows: ScoreRow[]; threshold: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { t } = useTranslation("commune");
  const lng = useLanguage();
  const shown = useMemo(() => rows.filter((r) => !r.score.hidden), [rows]);

  useEffect(() => {
    if (!canvas.current || shown.length === 0) return;
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void import("chart.js").then(({ Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip }) => {
      if (cancelled || !canvas.current) return;
      Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
      const intervals = shown.map((r) => (r.score.hidden ? null : r.score.interval));
      chart = new Chart(canvas.current, {
        type: "bar",
        data: {
          labels: shown.map((r) => localized(r.criterion, "name", lng)),
          datasets: [
            {
              label: t("scores.share"),
              data: shown.map((r) => (r.score.hidden ? 0 : Math.round(r.score.share * 1000) / 10)),
              backgroundColor: shown.map((r) =>
                r.score.hidden
                  ? "#9ca3af"
                  : r.score.verdict === "meets"
                    ? "#15803d"
                    : r.score.verdict === "below"
                      ? "#b91c1c"
                      : "#a16207",
              ),
            },
          ],
        },
        options: {
          indexAxis: "y",
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: { x: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } },
          plugins: { tooltip: { enabled: true } },
        },
        plugins: [
          {
            id: "intervalAndThreshold",
            afterDatasetsDraw(c) {
              const { ctx, scales, chartArea } = c;
              const x = scales.x;
              const meta = c.getDatasetMeta(0);
              ctx.save();
              ctx.strokeStyle = "#111827";
              ctx.lineWidth = 1.5;
              meta.data.forEach((bar, i) => {
                const ci = intervals[i];
                if (!ci) return;
                const y = bar.y;
                const x1 = x.getPixelForValue(ci.low * 100);
                const x2 = x.getPixelForValue(ci.high * 100);
                ctx.beginPath();
                ctx.moveTo(x1, y);
                ctx.lineTo(x2, y);
                ctx.moveTo(x1, y - 5);
                ctx.lineTo(x1, y + 5);
                ctx.moveTo(x2, y - 5);
                ctx.lineTo(x2, y + 5);
                ctx.stroke();
              });
              const tx = x.getPixelForValue(threshold * 100);
              ctx.strokeStyle = "#1d4ed8";
              ctx.setLineDash([6, 4]);
              ctx.lineWidth = 2;
              ctx.beginPath();
              ctx.moveTo(tx, chartArea.top);
              ctx.lineTo(tx, chartArea.bottom);
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
  }, [shown, threshold, lng, t]);

  if (shown.length === 0) return null;
  return (
    <figure className="score-chart">
      <div style={{ position: "relative", height: `${shown.length * 44 + 40}px` }}>
        <canvas ref={canvas} role="img" aria-label={t("scores.chartLabel")} />
      </div>
      <figcaption>{t("scores.chartCaption")}</figcaption>
    </figure>
  );
}
