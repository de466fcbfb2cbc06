// One work's page (issue 22): money and its sources, dates, warranty, the community supervision
// board's inspections, residents' reports about it and what was forwarded to the contractor.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommuneBreadcrumb } from "~/components/commune-breadcrumb";
import { ErrorPage } from "~/components/error-page";
import { WorkFacts, WorkInspections, WorkMoney, WorkReports } from "~/components/work-sections";
import { WorkMap } from "~/components/work-map";
import { getCommuneBySlug } from "~/models/commune.server";
import { getPublicWork } from "~/models/work/works.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { mapConfig } from "~/utils/map.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const commune = await getCommuneBySlug({ slug: params.slug ?? "" });
  if (!commune) throw new Response(null, { status: 404 });
  const found = await getPublicWork({ communeId: commune.id, code: params.code ?? "" });
  if (!found) throw new Response(null, { status: 404 });
  const t = getFixedT(await getLanguage(request), "works");
  return json({
    commune: { slug: commune.slug, name: commune.name, kind: commune.kind },
    ...found,
    map: mapConfig(),
    title: `${found.work.name} · ${t(`category.${found.work.category}`)} · ${commune.name}`,
  });
}

export default function WorkPage() {
  const { commune, work, inspections, reports, history, rating, map } = useLoaderData<typeof loader>();
  const { t } = useTranslation("works");
  const lines = work.geometry?.type === "LineString" ? [work.geometry.coordinates.map(([lng, lat]) => ({ lat, lng }))] : [];
  const pins =
    work.latitude !== null && work.longitude !== null ? [{ lat: work.latitude, lng: work.longitude, label: work.name }] : [];
  return (
    <div className="page">
      <CommuneBreadcrumb commune={commune} />
      <p className="breadcrumb">
        <Link to={`/c/${commune.slug}/works`}>{t("list.title", { name: commune.name })}</Link>
      </p>
      <h1 data-testid="work-name">{work.name}</h1>
      <p className="muted">
        {t(`category.${work.category}`)} · {work.code}
      </p>
      <WorkFacts work={work} />
      <WorkMap config={map} pins={pins} lines={lines} />
      <WorkMoney work={work} />
      <WorkInspections inspections={inspections} />
      <WorkReports slug={commune.slug} code={work.code} reports={reports} rating={rating} history={history} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
