// The dashboard table as export rows, shared by the CSV and the Excel download so both carry the
// same columns, filters and sort. Each cell says what it is (a share, a count or text) and each
// format writes it its own way: see docs/decisions/024-exports-and-number-format.md.
import { applyDashboardQuery, parseDashboardQuery } from "~/lib/dashboard-query";
import { getDashboard } from "~/models/dashboard.server";
import { getFixedT } from "~/utils/i18n.server";
import { localized, type Language } from "~/utils/i18n";

export type ExportCell = { share: number } | number | string | null;

export async function dashboardExport(
  url: URL,
  lng: Language,
): Promise<{ header: string[]; shareColumns: Set<number>; rows: ExportCell[][] }> {
  const t = getFixedT(lng, "council");
  const dashboard = await getDashboard();
  const rows = applyDashboardQuery(dashboard.rows, parseDashboardQuery(url.searchParams));
  const header = [t("csv.commune"), t("csv.kind"), t("csv.region"), t("csv.district"), t("csv.level")];
  for (const c of dashboard.criteria) {
    const name = localized(c, "name", lng);
    header.push(
      `${name}: ${t("csv.share")}`,
      `${name}: n`,
      `${name}: ${t("csv.low")}`,
      `${name}: ${t("csv.high")}`,
      `${name}: ${t("csv.verdict")}`,
    );
  }
  header.push(
    t("csv.coverage"),
    t("ballot:csv.verified"),
    t("ballot:csv.openAnswers"),
    t("csv.open"),
    t("csv.overdue"),
    t("csv.resolved"),
    t("csv.total"),
    t("csv.verdict"),
  );
  const share = (v: number | null | undefined): ExportCell => (v === null || v === undefined ? null : { share: v });
  const records = rows.map((r) => {
    const out: ExportCell[] = [
      r.name,
      t(`common:kind.${r.kind}`),
      t(`region.${r.region}`),
      r.formerUnit,
      r.level ? localized(r.level, "name", lng) : "",
    ];
    for (const c of dashboard.criteria) {
      const s = r.scores[c.key];
      if (s.hidden) out.push(null, s.answered, null, null, t("csv.hidden"));
      else out.push(share(s.share), s.answered, share(s.interval.low), share(s.interval.high), t(`commune:verdict.${s.verdict}`));
    }
    out.push(
      share(r.coverage?.share),
      r.roundAnswers?.verified ?? null,
      r.roundAnswers?.open ?? null,
      r.complaints.open,
      r.complaints.overdue,
      r.complaints.resolved,
      r.complaints.total,
      t(`commune:verdict.${r.verdict}`),
    );
    return out;
  });
  const shareColumns = new Set<number>();
  records.forEach((rec) => rec.forEach((cell, i) => cell !== null && typeof cell === "object" && shareColumns.add(i)));
  return { header, shareColumns, rows: records };
}

export function exportFileName(ext: "csv" | "xlsx"): string {
  return `ntm-hai-phong-${new Date().toISOString().slice(0, 10)}.${ext}`;
}
