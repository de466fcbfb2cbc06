// The council dashboard: every commune's satisfaction next to its recognition status, the list
// of recognised communes whose residents are below the threshold, and comparisons. Council
// members and administrators only. Filters and sort live in the URL.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DashboardTable } from "~/components/dashboard-table";
import { Comparison } from "~/components/comparison";
import { tableRow } from "~/lib/dashboard";
import { applyDashboardQuery, parseDashboardQuery } from "~/lib/dashboard-query";
import { formatNumber, formatPercent } from "~/lib/format";
import { VERDICTS } from "~/lib/score";
import { splitPeriod } from "~/lib/vn-time";
import { levelLabel, shortFormerUnit } from "~/lib/text";
import { compareCommunes, quarterlyTrend } from "~/models/council.server";
import { getDashboard } from "~/models/dashboard.server";
import { listLevels } from "~/models/recognition.server";
import { requirePermission } from "~/guards/auth.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { localized } from "~/utils/i18n";
import { jsonWithRows } from "~/utils/json-rows.server";
import { useLanguage } from "~/hooks/use-language";
import { OnTimeShare } from "~/components/on-time-share";
import { councilReportFigures, onTimeOverall } from "~/models/complaint/stats.server";
import { worksFiguresObject } from "~/models/work/council.server";
import { ReportFiguresTable } from "~/components/report-figures";

// The at-risk list shows the worst few; the rest fold behind "show all" (a <details>: no JavaScript needed).
const AT_RISK_SHOWN = 5;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "council.read");
  const url = new URL(request.url);
  const query = parseDashboardQuery(url.searchParams);
  const [dashboard, levels, onTime, works, reports] = await Promise.all([
    getDashboard(),
    listLevels(),
    onTimeOverall(),
    worksFiguresObject(),
    councilReportFigures(),
  ]);
  const overall = dashboard.criteria.find((c) => c.isOverall)!;
  const rows = applyDashboardQuery(dashboard.rows, query);
  const atRisk = dashboard.rows
    .filter((r) => r.level && r.failing.length > 0)
    .sort((a, b) => a.failing[0].high - b.failing[0].high)
    .map((r) => ({ slug: r.slug, name: r.name, level: r.level!, failing: r.failing }));
  const t = getFixedT(await getLanguage(request), "council");
  return jsonWithRows(
    {
      query,
      rows: rows.map(tableRow),
      total: dashboard.rows.length,
      criteria: dashboard.criteria.map((c) => ({ key: c.key, nameVi: c.nameVi, nameEn: c.nameEn })),
      levels: levels.map((l) => ({ key: l.key, nameVi: l.nameVi, nameEn: l.nameEn, period: l.period })),
      districts: [...new Set(dashboard.rows.map((r) => r.formerUnit))],
      atRisk,
      onTime,
      // Works next to satisfaction (issue 22) and reports by channel / fixes that held (issue 24), per commune id.
      works,
      reports,
      regions: compareCommunes(dashboard).regions,
      districtsCompared: compareCommunes(dashboard).districts,
      trend: await quarterlyTrend({ overallCriterionId: overall.id, snapshot: dashboard.snapshot }),
      // Comparisons across communes of different levels are drawn against the default threshold.
      defaultThreshold: dashboard.defaultThreshold.share,
      from: dashboard.from,
      to: dashboard.to,
      title: t("dashboard.title"),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function CouncilDashboard() {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useTranslation("council");
  const lng = useLanguage();
  const q = data.query;
  const name = (key: string) => {
    const c = data.criteria.find((x) => x.key === key);
    return c ? localized(c, "name", lng) : key;
  };
  const regions = [
    { label: t("common:region.east"), color: "#15803d" },
    { label: t("common:region.west"), color: "#a16207" },
  ];
  return (
    <>
      <h1>{t("dashboard.heading")}</h1>
      <p className="muted">
        {t("dashboard.window", {
          from: t("common:period", splitPeriod(data.from)),
          to: t("common:period", splitPeriod(data.to)),
        })}
      </p>
      <OnTimeShare {...data.onTime} />

      <section className="card at-risk" aria-labelledby="at-risk-heading">
        <h2 id="at-risk-heading">{t("atRisk.heading")}</h2>
        <p className="hint">{t("atRisk.hint")}</p>
        {data.atRisk.length === 0 ? (
          <p>{t("atRisk.none")}</p>
        ) : (
          <>
            <AtRiskList items={data.atRisk.slice(0, AT_RISK_SHOWN)} start={1} name={name} />
            {data.atRisk.length > AT_RISK_SHOWN ? (
              <details className="at-risk__more">
                <summary>{t("atRisk.showAll", { count: data.atRisk.length })}</summary>
                <AtRiskList items={data.atRisk.slice(AT_RISK_SHOWN)} start={AT_RISK_SHOWN + 1} name={name} />
              </details>
            ) : null}
          </>
        )}
      </section>

      <Form method="get" className="filters" aria-label={t("filters.label")}>
        <label>
          {t("filters.region")}
          <select name="region" defaultValue={q.region ?? ""}>
            <option value="">{t("filters.any")}</option>
            <option value="east">{t("common:region.east")}</option>
            <option value="west">{t("common:region.west")}</option>
          </select>
        </label>
        <label>
          {t("filters.district")}
          <select name="district" defaultValue={q.district ?? ""}>
            <option value="">{t("filters.any")}</option>
            {data.districts.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("filters.level")}
          <select name="level" defaultValue={q.level ?? ""}>
            <option value="">{t("filters.any")}</option>
            <option value="none">{t("filters.notRecognised")}</option>
            {data.levels.map((l) => (
              <option key={l.key} value={l.key}>
                {levelLabel(localized(l, "name", lng), l.period)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("filters.verdict")}
          <select name="verdict" defaultValue={q.verdict ?? ""}>
            <option value="">{t("filters.any")}</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {t(`commune:verdict.${v}`)}
              </option>
            ))}
          </select>
        </label>
        <input type="hidden" name="sort" value={q.sort} />
        <input type="hidden" name="dir" value={q.dir} />
        <button type="submit" className="button">
          {t("filters.apply")}
        </button>
        <Link to="/staff/council" className="button">
          {t("filters.reset")}
        </Link>
        <a href={`/staff/council/export?${params}`} className="button" download>
          {t("filters.csv")}
        </a>
        <a href={`/staff/council/export.xlsx?${params}`} className="button" download>
          {t("filters.xlsx")}
        </a>
      </Form>
      <p className="muted" aria-live="polite">
        {t("dashboard.count", { count: data.rows.length, total: data.total })}
      </p>
      <DashboardTable rows={data.rows} criteria={data.criteria} query={q} works={data.works} />
      <ReportFiguresTable rows={data.rows} reports={data.reports} />

      <Comparison
        id="regions-heading"
        heading={t("regions.heading")}
        rowHeader={t("table.criterion")}
        series={regions}
        rows={data.regions.map((r) => ({ key: r.key, label: name(r.key), values: [r.east, r.west] }))}
        threshold={data.defaultThreshold}
      />
      <Comparison
        id="trend-heading"
        kind="line"
        heading={t("trend.heading")}
        rowHeader={t("trend.quarter")}
        series={regions}
        rows={data.trend.map((p) => ({
          key: p.period,
          label: t("common:period", splitPeriod(p.period)),
          values: [p.east, p.west],
        }))}
        threshold={data.defaultThreshold}
      />
      <Comparison
        id="districts-heading"
        horizontal
        heading={t("districts.heading")}
        rowHeader={t("table.district")}
        series={[{ label: name("overall"), color: "#15803d" }]}
        rows={data.districtsCompared.map((d) => ({ key: d.district, label: shortFormerUnit(d.district), values: [d] }))}
        threshold={data.defaultThreshold}
      />
    </>
  );
}

type AtRisk = ReturnType<typeof useLoaderData<typeof loader>>["atRisk"];

/** Recognised communes below the threshold, numbered from `start` (worst first). */
function AtRiskList({ items, start, name }: { items: AtRisk; start: number; name: (key: string) => string }) {
  const { t } = useTranslation("council");
  const lng = useLanguage();
  return (
    <ol className="at-risk__list" data-testid="at-risk" start={start}>
      {items.map((r) => (
        <li key={r.slug}>
          <Link to={`/staff/council/${r.slug}`}>{r.name}</Link> <span className="muted">({localized(r.level, "name", lng)})</span>
          :{" "}
          {r.failing
            .map((f) =>
              t("atRisk.failing", {
                criterion: name(f.criterionKey),
                share: formatPercent(f.share, lng),
                n: formatNumber(f.answered, lng),
              }),
            )
            .join("; ")}
        </li>
      ))}
    </ol>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];
