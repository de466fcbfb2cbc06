// Works under a criterion's satisfaction on the council dashboard (issue 22): investment per
// household of the register ("chưa có sổ hộ" without an entry), the share disbursed, and how many
// works are degraded / have open reports (the full words in the hint; red when a degraded work under
// warranty has no contractor called).
// Two short lines so that the table still fits 1366 px.
import { useTranslation } from "react-i18next";
import { formatPercent, formatVndShort } from "~/lib/format";
import type { WorkCategory } from "~/lib/works";
import type { CellFigure } from "~/models/work/council.server";
import { useLanguage } from "~/hooks/use-language";

export type WorksByCommune = Record<number, Partial<Record<WorkCategory, CellFigure>>>;

export function WorksCell({ figure }: { figure: CellFigure | undefined }) {
  const { t } = useTranslation("council");
  const lng = useLanguage();
  if (!figure) return null;
  const problems = figure.degraded + figure.withOpenReports;
  const hint = t("figures.degradedCellHint", {
    degraded: figure.degraded,
    open: figure.withOpenReports,
    noContractor: figure.degradedNoContractor,
  });
  return (
    <span className="works-cell" data-testid="works-cell">
      <span className="detail">
        {figure.perHousehold === null
          ? figure.households === null
            ? t("figures.noRegister")
            : "—"
          : t("figures.perHouseholdShort", { amount: formatVndShort(figure.perHousehold, lng) })}
      </span>
      <span className="detail">
        {figure.disbursedShare === null
          ? "—"
          : t("figures.disbursedShort", { share: formatPercent(figure.disbursedShare, lng, 0) })}
        {problems > 0 ? (
          <span className={figure.degradedNoContractor > 0 ? "is-bad" : undefined} title={hint}>
            {" "}
            · ⚠ {figure.degraded}
            {figure.withOpenReports > 0 ? `/${figure.withOpenReports}` : ""}
            <span className="visually-hidden">{hint}</span>
          </span>
        ) : null}
      </span>
    </span>
  );
}
