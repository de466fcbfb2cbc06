// A commune in a round: answers by channel, verified and open, coverage, the verdict from verified
// answers (pre-recognition rounds, once closed) and the results per criterion.
import { useTranslation } from "react-i18next";
import { formatPercent } from "~/lib/format";
import type { Score } from "~/lib/score";
import { localized } from "~/utils/i18n";
import { useLanguage } from "~/hooks/use-language";

type Commune = {
  slug: string;
  online: number;
  paper: number;
  verified: number;
  open: number;
  usedCodes: number;
  households: number;
  coverage: { share: number; answered: number; households: number } | null;
  verdict: { verdict: string; coverageMet: boolean } | null;
  results: { key: string; online: Score; paper: Score; verified: Score }[] | null;
};

export function RoundCommuneResults({
  commune: c,
  criteria,
  coverageTarget,
  codesRequired,
}: {
  commune: Commune;
  criteria: { key: string; nameVi: string; nameEn: string }[];
  coverageTarget: number;
  codesRequired: boolean;
}) {
  const { t } = useTranslation("council");
  const lng = useLanguage();
  const cell = (s: Score) =>
    s.hidden ? (
      <span className="muted">{t("table.hidden")}</span>
    ) : (
      <>
        {formatPercent(s.share, lng)} <span className="detail">n={s.answered}</span>
      </>
    );
  return (
    <>
      <p>
        {t("rounds.byChannel", { online: c.online, paper: c.paper })} ·{" "}
        <span data-testid={`verified-${c.slug}`}>{t("ballot:rounds.verifiedOpen", { verified: c.verified, open: c.open })}</span>{" "}
        ·{" "}
        {c.coverage
          ? t(codesRequired ? "ballot:rounds.coverageCodes" : "rounds.coverageOf", {
              share: formatPercent(c.coverage.share, lng),
              n: c.coverage.answered,
              households: c.households,
              target: formatPercent(coverageTarget, lng),
            })
          : "—"}
      </p>
      {c.verdict ? (
        <p className="note" data-testid={`verdict-${c.slug}`}>
          {t("ballot:rounds.verdict", { verdict: t(`commune:verdict.${c.verdict.verdict}`) })}{" "}
          {t(c.verdict.coverageMet ? "ballot:rounds.coverageMet" : "ballot:rounds.coverageNotMet")}
        </p>
      ) : null}
      {c.results ? (
        <table className="data-table" data-testid={`results-${c.slug}`}>
          <thead>
            <tr>
              <th>{t("table.criterion")}</th>
              <th>{t("ballot:rounds.verified")}</th>
              <th>{t("rounds.online")}</th>
              <th>{t("rounds.paper")}</th>
            </tr>
          </thead>
          <tbody>
            {c.results.map((r) => (
              <tr key={r.key}>
                <th scope="row">
                  {localized(
                    criteria.find((k) => k.key === r.key)!,
                    "name",
                    lng,
                  )}
                </th>
                <td>{cell(r.verified)}</td>
                <td>{cell(r.online)}</td>
                <td>{cell(r.paper)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
