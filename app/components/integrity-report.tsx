// The integrity report's parts (issue 10, decision 026), shared by the staff page
// (/staff/rounds/:id/integrity/:communeId) and the council dossier: flags as plain sentences with
// their thresholds, answers per hour (chart.js, the same numbers in a table), code use per village,
// the verdict with and without exclusions, and the re-check result with its interval.
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatNumber, formatPercent } from "~/lib/format";
import { enoughForFlag, MIN_ANSWERS_FOR_FLAG, type Flag } from "~/lib/integrity";
import { useLanguage } from "~/hooks/use-language";

type Json<T> = T extends Date ? string : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

export function IntegrityFlags({ flags }: { flags: Flag[] }) {
  const { t } = useTranslation("integrity");
  const lng = useLanguage();
  return (
    <ul className="integrity-flags" data-testid="integrity-flags">
      {flags.map((f) => (
        <li key={f.key} data-flag={f.key} data-flagged={f.flagged ? "true" : "false"} data-enough={f.enough ? "true" : "false"}>
          <strong className={f.flagged ? "badge badge--warn" : "badge"}>
            {t(f.flagged ? "flagged" : f.enough ? "ok" : "notEnough")}
          </strong>{" "}
          {f.enough
            ? t(`flags.${f.key}`, {
                value: formatPercent(f.value, lng),
                threshold: formatPercent(f.threshold, lng),
                detail: f.detail ? ` (${f.detail})` : "",
              })
            : t("flagTooFew", { what: t(`flagNames.${f.key}`), count: f.count, min: MIN_ANSWERS_FOR_FLAG })}
        </li>
      ))}
    </ul>
  );
}

/** Answers per hour: a bar chart (chart.js, loaded in the browser only) and the same numbers in a table. */
export function PerHour({ rows }: { rows: { hour: string; count: number }[] }) {
  const { t } = useTranslation("integrity");
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify(rows);
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void import("chart.js").then((m) => {
      if (cancelled || !canvas.current) return;
      m.Chart.register(m.BarController, m.BarElement, m.CategoryScale, m.LinearScale, m.Tooltip);
      chart = new m.Chart(canvas.current, {
        type: "bar",
        data: {
          labels: rows.map((r) => r.hour),
          datasets: [{ label: t("answers"), data: rows.map((r) => r.count), backgroundColor: "#0f766e" }],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: { y: { min: 0, ticks: { precision: 0 } } },
        },
      });
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
    // key captures every input
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return (
    <>
      <h3>{t("perHour")}</h3>
      {rows.length > 0 ? (
        <div className="share-chart no-print-break" style={{ position: "relative", height: 200 }}>
          <canvas ref={canvas} role="img" aria-label={t("perHour")} />
        </div>
      ) : null}
      <table className="table table--compact" data-testid="per-hour">
        <thead>
          <tr>
            <th scope="col">{t("hour")}</th>
            <th scope="col">{t("answers")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.hour}>
              <td>{r.hour}</td>
              <td>{r.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function VillageUse({ villages }: { villages: { village: string; count: number; sealed: boolean; used: number }[] }) {
  const { t } = useTranslation("integrity");
  const lng = useLanguage();
  if (villages.length === 0) return null;
  return (
    <>
      <h3>{t("villagesHeading")}</h3>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">{t("village")}</th>
            <th scope="col">{t("handedOut")}</th>
            <th scope="col">{t("used")}</th>
          </tr>
        </thead>
        <tbody>
          {villages.map((v) => (
            <tr key={v.village}>
              <td>{v.village}</td>
              <td>{v.sealed ? v.count : `${v.count} (${t("notSealed")})`}</td>
              <td>
                {v.used}
                {v.count ? ` (${formatPercent(v.used / v.count, lng)})` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

type VerdictLine = { verdict: string; coverageMet: boolean; answers: number };

export function IntegrityVerdict({
  verdict,
  gap,
  medianSeconds,
  timed,
}: {
  verdict: { all: VerdictLine; withoutExcluded: VerdictLine } | null;
  gap: { open: number | null; verified: number | null } | null;
  medianSeconds: number | null;
  timed: number;
}) {
  const { t } = useTranslation("integrity");
  const lng = useLanguage();
  const pct = (v: number | null) => (v === null ? t("notEnoughData") : formatPercent(v, lng));
  const line = (v: VerdictLine) => `${t(`verdicts.${v.verdict}`)}, ${t(v.coverageMet ? "coverageMet" : "coverageNotMet")}`;
  return (
    <>
      <p>{medianSeconds === null ? t("completionUnknown") : t("completion", { median: Math.round(medianSeconds), timed })}</p>
      {gap ? <p>{t("gapLine", { open: pct(gap.open), verified: pct(gap.verified) })}</p> : null}
      <h3>{t("verdictHeading")}</h3>
      {verdict ? (
        <ul data-testid="integrity-verdict">
          <li>{t("verdictAll", { n: verdict.all.answers, verdict: line(verdict.all) })}</li>
          <li>{t("verdictKept", { n: verdict.withoutExcluded.answers, verdict: line(verdict.withoutExcluded) })}</li>
        </ul>
      ) : (
        <p className="note">{t("verdictHidden")}</p>
      )}
    </>
  );
}

export type RecheckView = Json<{
  id: number;
  seed: string;
  population: number;
  margin: number;
  createdAt: Date;
  items: {
    id: number;
    serial: string;
    village: string;
    outcome: string | null;
    history: { outcome: string; previous: string | null; reason: string | null; createdAt: Date }[];
  }[];
  result: { total: number; confirmed: number; denied: number; notReached: number; pending: number; reached: number };
  share: number;
  interval: { low: number; high: number } | null;
}>;

export function RecheckResult({ recheck }: { recheck: RecheckView }) {
  const { t } = useTranslation("integrity");
  const lng = useLanguage();
  const r = recheck.result;
  // The share of "I did not answer" means something only over enough visits (as a flag does).
  const enough = enoughForFlag(r.reached) && recheck.interval !== null;
  return (
    <div data-testid="recheck-result">
      <p>
        {t("recheck.summary", { size: r.total, population: recheck.population })} ({formatDate(recheck.createdAt, lng)})
      </p>
      <p>
        {t("recheck.result", {
          reached: r.reached,
          confirmed: r.confirmed,
          denied: r.denied,
          share: formatPercent(recheck.share, lng),
          notReached: r.notReached,
          pending: r.pending,
        })}{" "}
        {enough
          ? t("recheck.range", {
              low: formatPercent(recheck.interval!.low, lng),
              high: formatPercent(recheck.interval!.high, lng),
            })
          : t("recheck.rangeTooFew", { min: MIN_ANSWERS_FOR_FLAG })}
      </p>
      <details className="audit-raw">
        <summary>{t("auditDetails")}</summary>
        <ul data-testid="recheck-audit">
          <li>
            {t("recheck.formula", {
              population: recheck.population,
              margin: formatNumber(recheck.margin, lng, 2),
              size: r.total,
            })}
          </li>
          <li>{t("recheck.seed", { seed: recheck.seed })}</li>
          <li>
            {recheck.interval
              ? t("recheck.interval", {
                  low: formatPercent(recheck.interval.low, lng, 1),
                  high: formatPercent(recheck.interval.high, lng, 1),
                  reached: r.reached,
                })
              : t("notEnoughData")}
          </li>
        </ul>
      </details>
    </div>
  );
}
