// Notice-board posters: choose one commune, a former district or all, then print. Staff only
// (officials see their own communes): see docs/decisions/019-offline-queue-and-posters.md.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { listFormerUnits } from "~/models/poster.server";
import { communesFor } from "~/lib/policy";
import { requireUser } from "~/guards/auth.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { units, total } = await listFormerUnits({ communeIds: communesFor(user, "commune.read") });
  const t = getFixedT(await getLanguage(request), "pwa");
  const xa = units.reduce((n, u) => n + u.communes.filter((c) => c.kind === "xa").length, 0);
  return json({ units, total, xa, title: t("posters.title") });
}

export default function Posters() {
  const { units, total, xa } = useLoaderData<typeof loader>();
  const { t } = useTranslation("pwa");
  return (
    <div>
      <h1>{t("posters.title")}</h1>
      <p className="lead">{t("posters.intro")}</p>
      <p>
        <Link to="/staff/posters/print" className="button">
          {t("posters.allUnits", { count: total })}
        </Link>{" "}
        {xa > 0 && xa < total ? (
          <Link to="/staff/posters/print?kind=xa" className="button">
            {t("common:kind.xa")} ({xa})
          </Link>
        ) : null}
      </p>
      <h2>{t("posters.unit")}</h2>
      <ul className="plain-list posters-units">
        {units.map((u) => (
          <li key={u.formerUnit}>
            <Link to={`/staff/posters/print?unit=${encodeURIComponent(u.formerUnit)}`}>
              <strong>{u.formerUnit}</strong> ({u.communes.length})
            </Link>
            :{" "}
            {u.communes.map((c, i) => (
              <span key={c.slug}>
                {i > 0 ? ", " : null}
                <Link to={`/staff/posters/print?slug=${c.slug}`}>{c.name}</Link>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
