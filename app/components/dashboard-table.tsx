import { Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VerifiedOpen } from "./verified-open";
import type { DashboardQuery } from "~/lib/dashboard-query";
import { formatNumber, formatPercent } from "~/lib/format";
import { worksCell, type WorksByCommune } from "./works-cell";
import { shortFormerUnit } from "~/lib/text";
import { VerdictBadge } from "~/components/verdict-badge";
import type { PageScore, tableRow } from "~/lib/dashboard";
import type { DashboardRow } from "~/models/dashboard.server";
import { localized } from "~/utils/i18n";
import { useLabel } from "~/hooks/use-label";
import { useLanguage } from "~/hooks/use-language";

// The model's row as it arrives through JSON (dates and the like are already strings).
type Row = ReturnType<typeof tableRow<DashboardRow>>;

/** The dashboard table: every column sortable by a link (works without JavaScript); fits 1366 px, scrolls sideways on a phone. */
export function DashboardTable({
  rows,
  criteria,
  query,
  works,
}: {
  rows: Row[];
  criteria: { key: string; nameVi: string; nameEn: string }[];
  query: DashboardQuery;
  /** works per commune id and criterion (issue 22): a compact line under the criterion's satisfaction */
  works?: WorksByCommune;
}) {
  const { t } = useTranslation("council");
  // The same few labels on every row: each translated once (hooks/use-label).
  const label = useLabel("council");
  const communeLabel = useLabel("commune");
  const lng = useLanguage();
  const [params] = useSearchParams();
  const sortLink = (key: string) => {
    const next = new URLSearchParams(params);
    next.set("sort", key);
    next.set("dir", query.sort === key && query.dir === "asc" ? "desc" : "asc");
    return `?${next}`;
  };
  const Th = ({ k, children }: { k: string; children: React.ReactNode }) => (
    <th scope="col" aria-sort={query.sort === k ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link to={sortLink(k)} preventScrollReset>
        {children}
        {query.sort === k ? (query.dir === "asc" ? " ▲" : " ▼") : ""}
      </Link>
    </th>
  );
  // Dense cells so that the table fits a 1366 px screen: share, n, and the interval on its own
  // line; the latest round's coverage (with verified and open answers) in one column; the
  // resolution rate is in each commune's dossier.
  const cell = (s: PageScore | undefined) =>
    !s || s.hidden ? (
      <span className="muted">{label("table.hidden")}</span>
    ) : (
      <>
        <span className={`share-cell verdict-text--${s.verdict}`}>{formatPercent(s.share, lng)}</span>
        <span className="detail">
          n={formatNumber(s.answered, lng)}
          {s.indicative ? ` · ${label("table.indicative")}` : ""}
        </span>
        <span className="detail">
          {formatPercent(s.interval.low, lng)}–{formatPercent(s.interval.high, lng)}
        </span>
      </>
    );
  return (
    <div className="table-scroll" role="region" aria-label={t("table.label")} tabIndex={0}>
      <table className="dashboard-table" data-testid="dashboard-table">
        <thead>
          <tr>
            <Th k="name">{t("table.commune")}</Th>
            <Th k="region">{t("table.region")}</Th>
            <Th k="level">{t("table.level")}</Th>
            <Th k="overall">
              {localized(criteria.find((c) => c.key === "overall") ?? { nameVi: "Chung", nameEn: "Overall" }, "name", lng)}
            </Th>
            {criteria
              .filter((c) => c.key !== "overall")
              .map((c) => (
                <Th key={c.key} k={c.key}>
                  {localized(c, "name", lng)}
                </Th>
              ))}
            <Th k="coverage">{t("table.coverageShort")}</Th>
            <Th k="open">{t("table.reports")}</Th>
            <Th k="verdict">{t("table.verdict")}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-commune={r.slug} data-verdict={r.verdict}>
              <th scope="row">
                <Link to={`/staff/council/${r.slug}`}>{r.name}</Link>
                <span className="detail">
                  {label(`common:kind.${r.kind}`)} · {shortFormerUnit(r.formerUnit)}
                </span>
              </th>
              <td>{label(`region.${r.region}`)}</td>
              <td className="level-cell">
                {r.level ? localized(r.level, "name", lng) : <span className="muted">{label("table.notRecognised")}</span>}
              </td>
              <td>{cell(r.scores.overall)}</td>
              {criteria
                .filter((c) => c.key !== "overall")
                .map((c) => (
                  <td key={c.key}>
                    {cell(r.scores[c.key])}
                    {works ? worksCell(works[r.id]?.[c.key as keyof WorksByCommune[number]], label, lng) : null}
                  </td>
                ))}
              <td>
                {r.coverage ? (
                  <>
                    {formatPercent(r.coverage.share, lng)}
                    <span className="detail">
                      {formatNumber(r.coverage.answered, lng)}/{formatNumber(r.coverage.households, lng)}
                    </span>
                    <VerifiedOpen answers={r.roundAnswers} />
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>
                {formatNumber(r.complaints.open, lng)}
                {r.complaints.overdue ? (
                  <span className="detail is-bad">{t("table.overdueCount", { count: r.complaints.overdue })}</span>
                ) : null}
              </td>
              <td>
                <VerdictBadge verdict={r.verdict} scope="commune" label={communeLabel} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
