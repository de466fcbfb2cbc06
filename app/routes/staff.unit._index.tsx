// A unit's inbox: the reports forwarded to its unit, and nothing else.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { StatusTag, UrgencyTag } from "~/components/triage-badges";
import { formatDate } from "~/lib/format";
import { getUserUnit, listUnitInbox } from "~/models/forwarding.server";
import { requirePermission } from "~/guards/auth.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "forwarded.handle");
  const unit = await getUserUnit({ userId: user.id });
  const items = unit ? await listUnitInbox({ unitId: unit.id }) : [];
  const t = getFixedT(await getLanguage(request), "triage");
  return json({ unit, items, title: t("unit.title") }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function UnitInbox() {
  const { unit, items } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("triage");
  if (!unit) return <p>{t("unit.noUnit")}</p>;
  return (
    <>
      <h1>{t("unit.heading", { unit: unit.name })}</h1>
      {items.length === 0 ? <p>{t("unit.none")}</p> : null}
      <ul className="inbox">
        {items.map((f) => (
          <li key={f.id}>
            <Link to={`/staff/unit/${f.complaint.id}`}>
              <span className="inbox__meta">
                <span className="tag">{t(`forward.status.${f.status}`)}</span> <StatusTag status={f.complaint.status} />{" "}
                <UrgencyTag urgency={f.complaint.urgency} /> · {t(`complaint:category.${f.complaint.category}`)} ·{" "}
                {t("unit.from", { commune: f.complaint.commune.name })} · {formatDate(f.createdAt, i18n.language)}
              </span>
              <span className="inbox__text">
                {f.complaint.text.length > 160 ? `${f.complaint.text.slice(0, 160)}…` : f.complaint.text}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
