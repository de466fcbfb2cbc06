// The council's city view of works (issue 22), per criterion: investment per household against
// satisfaction (scatter, East and West coloured, with the table), and the list "recognised,
// invested, residents dissatisfied" the seed's conclusion describes.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { WorksScatter } from "~/components/works-scatter";
import { requirePermission } from "~/guards/auth.server";
import { useLanguage } from "~/hooks/use-language";
import { formatPercent, formatVndShort } from "~/lib/format";
import { WORK_CATEGORIES, type WorkCategory } from "~/lib/works";
import { getCityWorks, type CityWorksPoint } from "~/models/work/council.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "council.read");
  const asked = new URL(request.url).searchParams.get("criterion");
  const criterion = (WORK_CATEGORIES as readonly string[]).includes(asked ?? "") ? (asked as WorkCategory) : "roads";
  const city = await getCityWorks({ criterion });
  const t = getFixedT(await getLanguage(request), "works");
  return json({ criterion, ...city, title: t("council.title") }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function CouncilWorks() {
  const { criterion, points, dissatisfied, title } = useLoaderData<typeof loader>();
  const { t } = useTranslation("works");
  const lng = useLanguage();
  const plotted = (region: "east" | "west") =>
    points
      .filter((p) => p.region === region && p.perHousehold !== null && p.share !== null)
      .map((p) => ({ x: p.perHousehold! / 1e6, y: p.share!, label: p.name }));
  return (
    <>
      <h1>{title}</h1>
      <p>{t("council.intro")}</p>
      <nav aria-label={t("council.criterion")}>
        {WORK_CATEGORIES.filter((c) => c !== "other").map((c) => (
          <Link key={c} to={`?criterion=${c}`} className={c === criterion ? "button button--primary" : "button"}>
            {t(`category.${c}`)}
          </Link>
        ))}
      </nav>
      <WorksScatter
        east={plotted("east")}
        west={plotted("west")}
        labels={{ east: t("council.east"), west: t("council.west"), x: t("council.axisX"), y: t("council.axisY") }}
        ariaLabel={t("council.chartLabel")}
      />
      <WorksTable points={points} lng={lng} />
      <section className="card" data-testid="dissatisfied">
        <h2>{t("council.dissatisfied")}</h2>
        <p className="muted">{t("council.dissatisfiedIntro")}</p>
        {dissatisfied.length === 0 ? <p>{t("council.dissatisfiedNone")}</p> : <WorksTable points={dissatisfied} lng={lng} />}
      </section>
    </>
  );
}

function WorksTable({ points, lng }: { points: CityWorksPoint[]; lng: string }) {
  const { t } = useTranslation("works");
  const { t: tc } = useTranslation("council");
  if (points.length === 0) return <p className="muted">{t("council.none")}</p>;
  const pct = (v: number | null) => (v === null ? "—" : formatPercent(v, lng, 1));
  return (
    <table className="data-table" data-testid="works-table">
      <thead>
        <tr>
          {[
            "commune",
            "invested",
            "perHousehold",
            "disbursedShare",
            "degraded",
            "openReports",
            "noContractor",
            "satisfaction",
          ].map((k) => (
            <th key={k} scope="col">
              {t(`council.${k}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.slug} data-commune={p.slug} data-plotted={p.perHousehold !== null && p.share !== null}>
            <th scope="row">
              <Link to={`/c/${p.slug}/works`}>{p.name}</Link>
            </th>
            <td>{formatVndShort(p.invested, lng)}</td>
            <td>
              {p.perHousehold === null
                ? p.households === null
                  ? tc("figures.noRegister")
                  : "—"
                : formatVndShort(p.perHousehold, lng)}
            </td>
            <td>{pct(p.disbursedShare)}</td>
            <td>{p.degraded}</td>
            <td>{p.withOpenReports}</td>
            <td>{p.degradedNoContractor}</td>
            <td>{pct(p.share)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
