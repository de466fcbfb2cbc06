// Officials' map of open reports with a GPS location, in their communes (council members and
// administrators: every commune, read-only). Without JavaScript it is a list with coordinates.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PinsMap } from "~/components/pins-map";
import { formatDate } from "~/lib/format";
import { listCommunes } from "~/models/commune.server";
import { listOpenComplaintLocations } from "~/models/complaint/inbox.server";
import { readableCommuneIds, requireUser } from "~/guards/auth.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { mapConfig } from "~/utils/map.server";
import { useLanguage } from "~/hooks/use-language";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const scope = readableCommuneIds(user);
  const communes = scope ? user.communes : (await listCommunes()).map((c) => ({ id: c.id, slug: c.slug, name: c.name }));
  const slug = new URL(request.url).searchParams.get("commune");
  const chosen = communes.find((c) => c.slug === slug) ?? (communes.length === 1 ? communes[0] : undefined);
  const reports = await listOpenComplaintLocations({ communeIds: scope, communeId: chosen?.id });
  const t = getFixedT(await getLanguage(request), "map");
  return json(
    {
      communes: communes.map((c) => ({ slug: c.slug, name: c.name })),
      chosen: chosen?.slug ?? "",
      reports,
      map: mapConfig(),
      title: t("title"),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function ReportsMap() {
  const { communes, chosen, reports, map } = useLoaderData<typeof loader>();
  const { t } = useTranslation("map");
  const lng = useLanguage();
  const label = (r: (typeof reports.located)[number]) =>
    `${r.code} · ${t(`complaint:category.${r.category}`)} · ${formatDate(r.createdAt, lng)}`;
  return (
    <>
      <h1>{t("communeHeading")}</h1>
      <p className="hint">{t("communeIntro")}</p>
      {communes.length > 1 ? (
        <Form method="get" className="filters">
          <label>
            {t("commune")}
            <select name="commune" defaultValue={chosen}>
              <option value="">{t("staff:inbox.any")}</option>
              {communes.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button">
            {t("show")}
          </button>
        </Form>
      ) : null}
      {reports.located.length === 0 ? <p className="muted">{t("noLocated")}</p> : null}
      <PinsMap
        config={map}
        pins={reports.located.map((r) => ({
          lat: r.latitude,
          lng: r.longitude,
          label: label(r),
          href: `/staff/complaints/${r.id}`,
        }))}
        label={t("communeHeading")}
        height={420}
        testId="reports-map"
      />
      <ul className="plain-list" data-testid="located-reports">
        {reports.located.map((r) => (
          <li key={r.id}>
            <Link to={`/staff/complaints/${r.id}`}>{label(r)}</Link>{" "}
            <span className="detail">
              {t(`complaint:status.${r.status}`)} · {r.latitude}, {r.longitude}
            </span>
          </li>
        ))}
      </ul>
      {reports.withoutLocation > 0 ? <p className="muted">{t("withoutLocation", { count: reports.withoutLocation })}</p> : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];
