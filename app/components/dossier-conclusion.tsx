// The dossier opens with its answer (issue 23): meets / does not meet / cannot tell yet, the
// threshold in large type, which criteria are below or cannot be called, the coverage against what
// the level needs and the re-check's state; then a legend for the colours and intervals below.
import { useTranslation } from "react-i18next";
import type { Conclusion } from "~/lib/conclusion";
import { formatPercent } from "~/lib/format";
import { useLanguage } from "~/hooks/use-language";

export function DossierConclusion({
  conclusion: c,
  names,
  recheck,
}: {
  conclusion: Conclusion;
  /** criterion key → its name in the reader's language */
  names: Record<string, string>;
  recheck: { total: number; reached: number } | null;
}) {
  const { t } = useTranslation("council");
  const lng = useLanguage();
  const pct = (share: number) => formatPercent(share, lng);
  const list = (keys: string[]) => keys.map((k) => names[k] ?? k).join(", ");
  return (
    <section
      className={`card conclusion conclusion--${c.outcome}`}
      data-testid="dossier-conclusion"
      aria-labelledby="conclusion-h"
    >
      <h2 id="conclusion-h">{t("conclusion.heading")}</h2>
      <p className="conclusion__answer" data-outcome={c.outcome}>
        {t(`conclusion.outcome.${c.outcome}`)}
      </p>
      <p className="conclusion__threshold">{t("conclusion.threshold", { share: pct(c.threshold) })}</p>
      <ul className="conclusion__reasons">
        {c.below.length > 0 ? <li>{t("conclusion.below", { criteria: list(c.below) })}</li> : null}
        {c.unsure.length > 0 ? <li>{t("conclusion.unsure", { criteria: list(c.unsure) })}</li> : null}
        {c.outcome === "meets" ? <li>{t("conclusion.allMeet")}</li> : null}
        <li>
          {c.coverage
            ? t(c.coverage.met ? "conclusion.coverageMet" : "conclusion.coverageShort", {
                share: pct(c.coverage.share),
                target: pct(c.coverage.target),
              })
            : t("conclusion.noRound")}
        </li>
        <li data-testid="conclusion-recheck">
          {t(`conclusion.recheck.${c.recheck}`, { total: recheck?.total ?? 0, reached: recheck?.reached ?? 0 })}
        </li>
      </ul>
      <details className="conclusion__legend" open>
        <summary>{t("conclusion.legendTitle")}</summary>
        <dl>
          <dt>
            <span className="verdict verdict--meets">{t("commune:verdict.meets")}</span>
          </dt>
          <dd>{t("commune:verdictHint.criterion.meets")}</dd>
          <dt>
            <span className="verdict verdict--below">{t("commune:verdict.below")}</span>
          </dt>
          <dd>{t("commune:verdictHint.criterion.below")}</dd>
          <dt>
            <span className="verdict verdict--straddles">{t("commune:verdict.straddles")}</span>
          </dt>
          <dd>{t("commune:verdictHint.criterion.straddles")}</dd>
          <dt>
            <span className="verdict verdict--insufficient">{t("commune:verdict.insufficient")}</span>
          </dt>
          <dd>{t("commune:verdictHint.criterion.insufficient")}</dd>
          <dt>{t("conclusion.intervalTerm")}</dt>
          <dd>{t("conclusion.intervalHint")}</dd>
          <dt>n</dt>
          <dd>{t("conclusion.nHint")}</dd>
        </dl>
      </details>
    </section>
  );
}
