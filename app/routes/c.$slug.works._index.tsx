// A commune's works (issue 22), by criterion: money, progress, warranty, the board's verdict,
// and the works on a map loaded on demand.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommuneBreadcrumb } from "~/components/commune-breadcrumb";
import { ErrorPage } from "~/components/error-page";
import { WorkCard } from "~/components/work-sections";
import { WorkMap } from "~/components/work-map";
import { WORK_CATEGORIES } from "~/lib/works";
import { getCommuneBySlug } from "~/models/commune.server";
import { listCommuneWorks } from "~/models/work/works.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { mapConfig } from "~/utils/map.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const commune = await getCommuneBySlug({ slug: params.slug ?? "" });
  if (!commune) throw new Response(null, { status: 404 });
  const [works, lng] = await Promise.all([listCommuneWorks({ communeId: commune.id }), getLanguage(request)]);
  const t = getFixedT(lng, "works");
  return json({
    commune: { slug: commune.slug, name: commune.name, kind: commune.kind },
    works,
    map: mapConfig(),
    title: t("list.title", { name: commune.name }),
  });
}

export default function CommuneWorks() {
  const { commune, works, map, title } = useLoaderData<typeof loader>();
  const { t } = useTranslation("works");
  const pins = works.flatMap((w) =>
    w.latitude !== null && w.longitude !== null
      ? [{ lat: w.latitude, lng: w.longitude, label: w.name, href: `/c/${commune.slug}/works/${encodeURIComponent(w.code)}` }]
      : [],
  );
  return (
    <div className="page">
      <CommuneBreadcrumb commune={commune} />
      <h1>{title}</h1>
      <p className="lead">{t("list.intro")}</p>
      <WorkMap config={map} pins={pins} />
      {WORK_CATEGORIES.map((category) => {
        const list = works.filter((w) => w.category === category);
        if (list.length === 0) return null;
        return (
          <section key={category} aria-labelledby={`works-${category}`}>
            <h2 id={`works-${category}`}>{t(`category.${category}`)}</h2>
            <ul className="plain-list">
              {list.map((w) => (
                <WorkCard key={w.code} slug={commune.slug} work={w} />
              ))}
            </ul>
          </section>
        );
      })}
      {works.length === 0 ? <p className="muted">{t("summary.none")}</p> : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
