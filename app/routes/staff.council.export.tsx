// CSV of the dashboard table, with the same filters and sort as the page. UTF-8 with a byte
// order mark so that Excel shows Vietnamese correctly.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { applyDashboardQuery, parseDashboardQuery } from "~/lib/dashboard-query";
import { getDashboard } from "~/models/dashboard.server";
import { requireRole } from "~/utils/auth.server";
import { toCsv } from "~/utils/csv.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { localized } from "~/utils/i18n";

const round = (v: number | null | undefined, digits = 4) => (v === null || v === undefined ? "" : v.toFixed(digits));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["council", "admin"]);
  const lng = await getLanguage(request);
  const t = getFixedT(lng, "council");
  const dashboard = await getDashboard();
  const rows = applyDashboardQuery(dashboard.rows, parseDashboardQuery(new URL(request.url).searchParams));
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
  const records = rows.map((r) => {
    const out: (string | number)[] = [
      r.name,
      t(`common:kind.${r.kind}`),
      t(`region.${r.region}`),
      r.formerUnit,
      r.level ? localized(r.level, "name", lng) : "",
    ];
    for (const c of dashboard.criteria) {
      const s = r.scores[c.key];
      if (s.hidden) out.push("", s.answered, "", "", t("csv.hidden"));
      else out.push(round(s.share), s.answered, round(s.interval.low), round(s.interval.high), t(`commune:verdict.${s.verdict}`));
    }
    out.push(
      round(r.coverage?.share),
      r.roundAnswers?.verified ?? "",
      r.roundAnswers?.open ?? "",
      r.complaints.open,
      r.complaints.overdue,
      r.complaints.resolved,
      r.complaints.total,
      t(`commune:verdict.${r.verdict}`),
    );
    return out;
  });
  const csv = toCsv([header, ...records]);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="ntm-hai-phong-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
