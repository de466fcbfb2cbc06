// For administrators: who opened which resident's contact, and when (the last 200), next to the
// retention figures per kind of personal data (the same as npm run privacy).
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { formatDate } from "~/lib/format";
import { vnHourLabel } from "~/lib/vn-time";
import { listContactAccess } from "~/models/privacy/contact-access.server";
import { privacyFigures } from "~/models/privacy/figures.server";
import { requirePermission } from "~/guards/auth.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "privacy.admin");
  const [log, figures] = await Promise.all([listContactAccess(), privacyFigures()]);
  const t = getFixedT(await getLanguage(request), "privacy");
  return json({ log, figures, title: t("access.title") }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function ContactAccessLog() {
  const { log, figures } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("privacy");
  return (
    <div className="page">
      <p>
        <Link to="/staff/privacy">{t("queue.heading")}</Link>
      </p>
      <h1>{t("access.heading")}</h1>
      <table className="table" data-testid="access-log">
        <thead>
          <tr>
            <th>{t("access.when")}</th>
            <th>{t("access.who")}</th>
            <th>{t("access.report")}</th>
          </tr>
        </thead>
        <tbody>
          {log.map((a) => (
            <tr key={a.id}>
              <td>
                {formatDate(a.createdAt, i18n.language)} {vnHourLabel(a.createdAt)}
              </td>
              <td>{a.user ? `${a.user.name} (${a.user.email})` : t("access.deletedUser")}</td>
              <td>
                <Link to={`/staff/complaints/${a.complaint.id}`}>{a.complaint.code}</Link> · {a.complaint.commune.name}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {log.length === 0 ? <p>{t("access.empty")}</p> : null}
      <h2>{t("figures.heading")}</h2>
      <table className="table" data-testid="privacy-figures">
        <thead>
          <tr>
            <th>{t("figures.kind")}</th>
            <th>{t("figures.held")}</th>
            <th>{t("figures.due")}</th>
            <th>{t("figures.erased")}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(figures.kinds).map(([kind, f]) => (
            <tr key={kind}>
              <td>{t(`figures.kinds.${kind}`)}</td>
              <td>{f.held}</td>
              <td>{f.due}</td>
              <td>{f.erasedLastRun}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t("figures.requests", { open: figures.requests.open, overdue: figures.requests.overdue })}</p>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
