// The council dashboard: every commune's satisfaction next to its recognition status, the list
// of recognised communes whose residents are below the threshold, and comparisons. Council
// members and administrators only. Filters and sort live in the URL.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DashboardTable } from "~/components/dashboard-table";
import { ShareChart } from "~/components/share-chart";
import { applyDashboardQuery, parseDashboardQuery } from "~/lib/dashboard-query";
import { formatNumber, formatPercent, splitPeriod } from "~/lib/format";
import { compareDistricts, compareRegions, quarterlyTrend } from "~/models/council.server";
import { getDashboard } from "~/models/dashboard.server";
import { listLevels } from "~/models/recognition.server";
import { requireRole } from "~/utils/auth.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { localized, type Language } from "~/utils/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["council", "admin"]);
  const url = new URL(request.url);
  const query = parseDashboardQuery(url.searchParams);
  const [dashboard, levels] = await Promise.all([getDashboard(), listLevels()]);
  const overall = dashboard.criteria.find((c) => c.isOverall)!;
  const rows = applyDashboardQuery(dashboard.rows, query);
  const atRisk = dashboard.rows
    .filter((r) => r.level && r.failing.length > 0)
    .sort((a, b) => a.failing[0].high - b.failing[0].high)
    .map((r) => ({ slug: r.slug, name: r.name, level: r.level!, failing: r.failing }));
  const t = getFixedT(await getLanguage(request), "council");
  return json(
    {
      query,
      rows,
      total: dashboard.rows.length,
      criteria: dashboard.criteria.map((c) => ({ key: c.key, nameVi: c.nameVi, nameEn: c.nameEn })),
      levels: levels.map((l) => ({ key: l.key, nameVi: l.nameVi, nameEn: l.nameEn, period: l.period })),
      districts: [...new Set(dashboard.rows.map((r) => r.formerUnit))],
      atRisk,
      regions: compareRegions(
        dashboard.rows,
        dashboard.criteria.map((c) => c.key),
      ),
      districtsCompared: compareDistricts(dashboard.rows),
      trend: await quarterlyTrend({ overallCriterionId: overall.id }),
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
  const { t, i18n } = useTranslation("council");
  const lng = i18n.language as Language;
  const q = data.query;
  const name = (key: string) => {
    const c = data.criteria.find((x) => x.key === key);
    return c ? localized(c, "name", lng) : key;
  };
  const pct = (v: number | null) => (v === null ? "—" : formatPercent(v, lng));
  return (
    <>
      <h1>{t("dashboard.heading")}</h1>
      <p className="muted">
        {t("dashboard.window", {
          from: t("common:period", splitPeriod(data.from)),
          to: t("common:period", splitPeriod(data.to)),
        })}
      </p>

      <section className="card at-risk" aria-labelledby="at-risk-heading">
        <h2 id="at-risk-heading">{t("atRisk.heading")}</h2>
        <p className="hint">{t("atRisk.hint")}</p>
        {data.atRisk.length === 0 ? (
          <p>{t("atRisk.none")}</p>
        ) : (
          <ol className="at-risk__list" data-testid="at-risk">
            {data.atRisk.map((r) => (
              <li key={r.slug}>
                <Link to={`/staff/council/${r.slug}`}>{r.name}</Link>{" "}
                <span className="muted">({localized(r.level, "name", lng)})</span>:{" "}
                {r.failing
                  .map((f) =>
                    t("atRisk.failing", {
                      criterion: name(f.criterionKey),
                      share: pct(f.share),
                      n: formatNumber(f.answered, lng),
                    }),
                  )
                  .join("; ")}
              </li>
            ))}
          </ol>
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
                {localized(l, "name", lng)} ({l.period})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("filters.verdict")}
          <select name="verdict" defaultValue={q.verdict ?? ""}>
            <option value="">{t("filters.any")}</option>
            {(["below", "insufficient", "meets"] as const).map((v) => (
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
      </Form>
      <p className="muted" aria-live="polite">
        {t("dashboard.count", { count: data.rows.length, total: data.total })}
      </p>
      <DashboardTable rows={data.rows} criteria={data.criteria} query={q} />

      <section className="card" aria-labelledby="regions-heading">
        <h2 id="regions-heading">{t("regions.heading")}</h2>
        <ShareChart
          kind="bar"
          labels={data.regions.map((r) => name(r.key))}
          series={[
            {
              label: t("common:region.east"),
              values: data.regions.map((r) => (r.east.share === null ? null : r.east.share * 100)),
              color: "#15803d",
            },
            {
              label: t("common:region.west"),
              values: data.regions.map((r) => (r.west.share === null ? null : r.west.share * 100)),
              color: "#a16207",
            },
          ]}
          threshold={0.9}
          ariaLabel={t("regions.heading")}
        />
        <table className="data-table">
          <thead>
            <tr>
              <th>{t("table.criterion")}</th>
              <th>{t("common:region.east")}</th>
              <th>{t("common:region.west")}</th>
            </tr>
          </thead>
          <tbody>
            {data.regions.map((r) => (
              <tr key={r.key}>
                <th scope="row">{name(r.key)}</th>
                {[r.east, r.west].map((a, i) => (
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
      </section>

      <section className="card" aria-labelledby="trend-heading">
        <h2 id="trend-heading">{t("trend.heading")}</h2>
        <ShareChart
          kind="line"
          labels={data.trend.map((p) => t("common:period", splitPeriod(p.period)))}
          series={[
            {
              label: t("common:region.east"),
              values: data.trend.map((p) => (p.east.share === null ? null : p.east.share * 100)),
              color: "#15803d",
            },
            {
              label: t("common:region.west"),
              values: data.trend.map((p) => (p.west.share === null ? null : p.west.share * 100)),
              color: "#a16207",
            },
          ]}
          threshold={0.9}
          ariaLabel={t("trend.heading")}
        />
        <table className="data-table">
          <thead>
            <tr>
              <th>{t("trend.quarter")}</th>
              <th>{t("common:region.east")}</th>
              <th>{t("common:region.west")}</th>
            </tr>
          </thead>
          <tbody>
            {data.trend.map((p) => (
              <tr key={p.period}>
                <th scope="row">{t("common:period", splitPeriod(p.period))}</th>
                <td>
                  {pct(p.east.share)} <span className="detail">n={formatNumber(p.east.answered, lng)}</span>
                </td>
                <td>
                  {pct(p.west.share)} <span className="detail">n={formatNumber(p.west.answered, lng)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="districts-heading">
        <h2 id="districts-heading">{t("districts.heading")}</h2>
        <ShareChart
          kind="bar"
          horizontal
          height={Math.max(200, data.districtsCompared.length * 26)}
          labels={data.districtsCompared.map((d) => d.district.replace(/, (Hải Phòng|Hải Dương) \(cũ\)$/, ""))}
          series={[
            {
              label: name("overall"),
              values: data.districtsCompared.map((d) => (d.share === null ? null : d.share * 100)),
              color: "#15803d",
            },
          ]}
          threshold={0.9}
          ariaLabel={t("districts.heading")}
        />
        <table className="data-table">
          <thead>
            <tr>
              <th>{t("table.district")}</th>
              <th>{name("overall")}</th>
            </tr>
          </thead>
          <tbody>
            {data.districtsCompared.map((d) => (
              <tr key={d.district}>
                <th scope="row">{d.district}</th>
                <td>
                  {pct(d.share)}{" "}
                  <span className="detail">
                    {t("table.nInterval", { n: formatNumber(d.answered, lng), low: pct(d.low), high: pct(d.high) })}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];
