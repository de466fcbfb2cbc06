// The dossier's "Công trình và vốn đầu tư" (issue 22 point 6): per criterion, the works' investment
// (total and per household of the register), the share disbursed, works degraded or with open
// reports, next to the satisfaction with that criterion; then the works found degraded while under
// warranty, and whether the contractor has been called. Compact for the A4 print.
import { useTranslation } from "react-i18next";
import { formatDate, formatPercent, formatVndShort } from "~/lib/format";
import type { WorkCategory } from "~/lib/works";
import type { CellFigure } from "~/models/work/council.server";
import { useLanguage } from "~/hooks/use-language";
import { localized } from "~/utils/i18n";
import { ScrollTable } from "~/components/scroll-table";

type Criterion = { key: string; nameVi: string; nameEn: string };
type Degraded = {
  code: string;
  name: string;
  category: WorkCategory;
  contractor: string | null;
  warrantyLastDay: string;
  contractorCalled: boolean;
};

export function DossierWorks({
  criteria,
  shares,
  works,
}: {
  criteria: Criterion[];
  /** satisfaction per criterion key; null when hidden (too few answers) */
  shares: Record<string, number | null>;
  works: { figures: Partial<Record<WorkCategory, CellFigure>>; inRegister: boolean; degradedUnderWarranty: Degraded[] };
}) {
  const { t } = useTranslation("council");
  const lng = useLanguage();
  const shown = criteria.filter((c) => works.figures[c.key as WorkCategory]);
  const name = (key: string) => {
    const c = criteria.find((x) => x.key === key);
    return c ? localized(c, "name", lng) : t(`works:category.${key}`);
  };
  const pct = (v: number | null) => (v === null ? "—" : formatPercent(v, lng));
  return (
    <section className="card dossier-works" aria-labelledby="dossier-works-heading" data-testid="dossier-works">
      <h2 id="dossier-works-heading">{t("figures.worksHeading")}</h2>
      <p className="hint">{t("figures.worksIntro")}</p>
      {shown.length === 0 ? (
        <p className="muted">{t("figures.noWorks")}</p>
      ) : (
        <ScrollTable label={t("figures.worksHeading")}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("figures.criterion")}</th>
                <th scope="col">{t("figures.satisfaction")}</th>
                <th scope="col">{t("figures.works")}</th>
                <th scope="col">{t("figures.invested")}</th>
                <th scope="col">{t("figures.perHousehold")}</th>
                <th scope="col">{t("figures.disbursed")}</th>
                <th scope="col">{t("figures.degraded")}</th>
                <th scope="col">{t("figures.openReports")}</th>
                <th scope="col">{t("figures.noContractor")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => {
                const f = works.figures[c.key as WorkCategory]!;
                return (
                  <tr key={c.key} data-criterion={c.key}>
                    <th scope="row">{localized(c, "name", lng)}</th>
                    <td>{pct(shares[c.key] ?? null)}</td>
                    <td>{f.works}</td>
                    <td>{formatVndShort(f.invested, lng)}</td>
                    <td data-testid="per-household">
                      {f.perHousehold === null
                        ? works.inRegister
                          ? "—"
                          : t("figures.noRegister")
                        : formatVndShort(f.perHousehold, lng)}
                    </td>
                    <td>{pct(f.disbursedShare)}</td>
                    <td>{f.degraded}</td>
                    <td>{f.withOpenReports}</td>
                    <td className={f.degradedNoContractor > 0 ? "is-bad" : undefined}>{f.degradedNoContractor}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <h3>{t("figures.degradedList")}</h3>
      {works.degradedUnderWarranty.length === 0 ? (
        <p className="muted">{t("figures.degradedNone")}</p>
      ) : (
        <ul data-testid="degraded-under-warranty">
          {works.degradedUnderWarranty.map((w) => (
            <li key={w.code}>
              {w.code} · {w.name} ({name(w.category)}
              {w.contractor ? `, ${w.contractor}` : ""}):{" "}
              {t("figures.warrantyUntil", { date: formatDate(w.warrantyLastDay, lng) })} ·{" "}
              <span className={w.contractorCalled ? undefined : "is-bad"}>
                {t(w.contractorCalled ? "figures.contractorCalled" : "figures.contractorNotCalled")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
