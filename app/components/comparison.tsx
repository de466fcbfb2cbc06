// A comparison the council reads as a chart and as a table with the same numbers: one row per
// group (criterion, quarter, district), one column per series (East, West, or a single one), each
// cell a share with its n and 95% interval.
import { useTranslation } from "react-i18next";
import { formatNumber, formatPercent } from "~/lib/format";
import type { Aggregate } from "~/models/council.server";
import { ShareChart } from "./share-chart";
import { useLanguage } from "~/hooks/use-language";
import { ScrollTable } from "~/components/scroll-table";

type Props = {
  id: string;
  heading: string;
  rowHeader: string;
  series: { label: string; color: string }[];
  rows: { key: string; label: string; values: Aggregate[] }[];
  threshold: number;
  kind?: "bar" | "line";
  horizontal?: boolean;
};

export function Comparison({ id, heading, rowHeader, series, rows, threshold, kind = "bar", horizontal = false }: Props) {
  const { t } = useTranslation("council");
  const lng = useLanguage();
  const pct = (v: number | null) => (v === null ? "—" : formatPercent(v, lng));
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <ShareChart
        kind={kind}
        horizontal={horizontal}
        height={horizontal ? Math.max(200, rows.length * 26) : undefined}
        labels={rows.map((r) => r.label)}
        series={series.map((s, i) => ({
          ...s,
          values: rows.map((r) => (r.values[i].share === null ? null : r.values[i].share * 100)),
        }))}
        threshold={threshold}
        ariaLabel={heading}
      />
      <ScrollTable label={heading}>
        <table className="data-table">
          <thead>
            <tr>
              <th>{rowHeader}</th>
              {series.map((s) => (
                <th key={s.label}>{s.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                {r.values.map((a, i) => (
                  <td key={i}>
                    {pct(a.share)}{" "}
                    <span className="detail">
                      {t("table.nInterval", { n: formatNumber(a.answered, lng), low: pct(a.low), high: pct(a.high) })}
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
