// Works under a criterion's satisfaction on the council dashboard (issue 22): investment per
// household of the register ("chưa có sổ hộ" without an entry), the share disbursed, and how many
// works are degraded / have open reports (red when a degraded work under warranty has no
// contractor called). Two short lines so that the table still fits 1366 px. A plain function, not
// a component: 114 rows × 4 criteria, each label translated once by the table (hooks/use-label).
import { formatPercent, formatVndShort } from "~/lib/format";
import type { WorkCategory } from "~/lib/works";
import type { CellFigure } from "~/models/work/council.server";

export type WorksByCommune = Record<number, Partial<Record<WorkCategory, CellFigure>>>;

export function worksCell(figure: CellFigure | undefined, label: (key: string) => string, lng: string) {
  if (!figure) return null;
  const problems = figure.degraded + figure.withOpenReports;
  return (
    <span className="works-cell" data-testid="works-cell">
      <span className="detail">
        {figure.perHousehold === null
          ? figure.households === null
            ? label("figures.noRegister")
            : "—"
          : `${formatVndShort(figure.perHousehold, lng)}${label("figures.perHouseholdUnit")}`}
      </span>
      <span className="detail">
        {figure.disbursedShare === null
          ? "—"
          : `${label("figures.disbursedWord")} ${formatPercent(figure.disbursedShare, lng, 0)}`}
        {problems > 0 ? (
          <span className={figure.degradedNoContractor > 0 ? "is-bad" : undefined} title={label("figures.problemsHint")}>
            {` · ⚠ ${figure.degraded}/${figure.withOpenReports}`}
            <span className="visually-hidden">{label("figures.problemsHint")}</span>
          </span>
        ) : null}
      </span>
    </span>
  );
}
