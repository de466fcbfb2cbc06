// The dashboard table as export rows, shared by the CSV and the Excel download so both carry the
// same columns, filters and sort. Each cell says what it is (a share, a count or text) and each
// format writes it its own way: see docs/decisions/024-exports-and-number-format.md.
import { applyDashboardQuery, parseDashboardQuery } from "~/lib/dashboard-query";
import { REPORT_CHANNELS, fixHeldShare } from "~/lib/report-figures";
import { WORK_CATEGORIES, type WorkCategory } from "~/lib/works";
import { getDashboard } from "~/models/dashboard.server";
import { onTimeByCommune, reportFiguresByCommune } from "~/models/complaint/stats.server";
import { worksFiguresByCommune } from "~/models/work/council.server";
import { getFixedT } from "~/utils/i18n.server";
import { localized, type Language } from "~/utils/i18n";

export type ExportCell = { share: number } | number | string | null;

export async function dashboardExport(
  url: URL,
  lng: Language,
): Promise<{ header: string[]; shareColumns: Set<number>; rows: ExportCell[][] }> {
  const t = getFixedT(lng, "council");
  const [dashboard, works, reports, onTime] = await Promise.all([
    getDashboard(),
    worksFiguresByCommune(),
    reportFiguresByCommune(),
    onTimeByCommune(),
  ]);
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
  // Works next to satisfaction (issue 22): per criterion that works are built for, amounts in
  // whole VND, the register's households ("chưa có sổ hộ" when the commune is not in it).
  const workCriteria = dashboard.criteria.filter((c) => (WORK_CATEGORIES as readonly string[]).includes(c.key));
  for (const c of workCriteria) {
    const name = localized(c, "name", lng);
    for (const k of ["works", "invested", "perHousehold", "disbursed", "degraded", "openReports", "noContractor"])
      header.push(`${name}: ${t(`figures.${k}`)}`);
  }
  // Reports by channel, handled on time, fixes that held (issue 24).
  for (const ch of REPORT_CHANNELS) header.push(t("figures.channelColumn", { channel: t(`figures.channel.${ch}`) }));
  header.push(t("figures.onTime"), t("figures.onTimeN"), t("figures.fixHeld"), t("figures.fixHeldN"));
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
    const w = works.get(r.id) ?? {};
    for (const c of workCriteria) {
      const f = w[c.key as WorkCategory];
      if (!f) out.push(0, 0, null, null, 0, 0, 0);
      else
        out.push(
          f.works,
          f.invested,
          f.perHousehold ?? (f.households === null ? t("figures.noRegister") : null),
          share(f.disbursedShare),
          f.degraded,
          f.withOpenReports,
          f.degradedNoContractor,
        );
    }
    const rep = reports.get(r.id);
    for (const ch of REPORT_CHANNELS) out.push(rep?.channels[ch] ?? 0);
    const ot = onTime.get(r.id) ?? { onTime: 0, total: 0 };
    const held = rep?.fixHeld ?? { answered: 0, held: 0 };
    const heldShare = fixHeldShare(held);
    out.push(
      ot.total > 0 ? share(ot.onTime / ot.total) : null,
      ot.total,
      heldShare === null ? t("figures.notEnough") : share(heldShare),
      held.answered,
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
