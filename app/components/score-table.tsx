import { useTranslation } from "react-i18next";
import { formatPercent } from "~/lib/format";
import type { Score } from "~/lib/score";
import { VerdictBadge } from "~/components/verdict-badge";
import { localized } from "~/utils/i18n";
import { useLanguage } from "~/hooks/use-language";

export type ScoreRow = {
  criterion: { id: number; key: string; nameVi: string; nameEn: string; isOverall: boolean };
  score: Score;
};

/**
 * Satisfaction per criterion as plain HTML: share, number of answers, 95% interval and the
 * verdict. This is the accessible, JavaScript-free form of the numbers; the chart only adds to it.
 */
export function ScoreTable({ rows, threshold }: { rows: ScoreRow[]; threshold: { share: number; minSample: number } }) {
  const { t } = useTranslation("commune");
  const lng = useLanguage();
  return (
    <div className="score-table">
      <table>
        <caption className="visually-hidden">{t("scores.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("scores.criterion")}</th>
            <th scope="col">{t("scores.share")}</th>
            <th scope="col">{t("scores.verdict")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ criterion, score }) => (
            <tr key={criterion.key} className={criterion.isOverall ? "is-overall" : undefined} data-criterion={criterion.key}>
              <th scope="row">{localized(criterion, "name", lng)}</th>
              {score.hidden ? (
                <td colSpan={2} className="muted">
                  {t("scores.hidden", { count: score.answered })}
                </td>
              ) : (
                <>
                  <td>
                    <span className="share">{formatPercent(score.share, lng)}</span>
                    <span className={`bar bar--${score.verdict}`} aria-hidden="true">
                      <span className="bar__fill" style={{ width: `${Math.round(score.share * 100)}%` }} />
                      <span
                        className="bar__ci"
                        style={{
                          left: `${score.interval.low * 100}%`,
                          width: `${(score.interval.high - score.interval.low) * 100}%`,
                        }}
                      />
                      <span className="bar__threshold" style={{ left: `${threshold.share * 100}%` }} />
                    </span>
                    <span className="detail">
                      {t("scores.n", { count: score.answered })} ·{" "}
                      {t("scores.interval", {
                        low: formatPercent(score.interval.low, lng, 1),
                        high: formatPercent(score.interval.high, lng, 1),
                      })}
                      {score.indicative ? (
                        <>
                          {" "}
                          · <span className="tag tag--indicative">{t("scores.indicative")}</span>
                        </>
                      ) : null}
                    </span>
                  </td>
                  <td>
                    <VerdictBadge verdict={score.verdict} />
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="score-table__legend">
        {t("scores.legend", { threshold: formatPercent(threshold.share, lng), minSample: threshold.minSample })}
      </p>
    </div>
  );
}
