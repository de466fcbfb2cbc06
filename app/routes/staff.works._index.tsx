// The works the community investment supervision board inspects (issue 22 point 5): the works of
// the Front's communes (every commune for an administrator), each with its warranty, the board's
// latest verdict and a link to record an inspection.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { WarrantyText } from "~/components/work-sections";
import { useLanguage } from "~/hooks/use-language";
import { formatDate } from "~/lib/format";
import { communesFor } from "~/lib/policy";
import { requirePermission } from "~/guards/auth.server";
import { listWorksToInspect } from "~/models/work/inspection.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "work.inspect");
  const works = await listWorksToInspect({ communeIds: communesFor(user, "work.inspect") });
  const t = getFixedT(await getLanguage(request), "works");
  return json({ works, title: t("board.title") }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function WorksToInspect() {
  const { works } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useTranslation("works");
  const lng = useLanguage();
  // After an inspection is recorded: ?saved=<work id>, and &filed=1 when it became a report.
  const saved = works.find((w) => String(w.id) === params.get("saved"));
  return (
    <>
      <h1>{t("board.title")}</h1>
      <p>{t("board.intro")}</p>
      {saved ? (
        <p className="note" role="status" data-testid="inspection-saved">
          {t("inspect.saved")} {params.get("filed") ? t("inspect.filed") : null}{" "}
          <Link to={`/c/${saved.commune.slug}/works/${encodeURIComponent(saved.code)}`}>
            {t("board.seePublic", { name: saved.name })}
          </Link>
        </p>
      ) : null}
      {works.length === 0 ? <p className="muted">{t("board.none")}</p> : null}
      {works.length > 0 ? (
        <table className="table" data-testid="works-to-inspect">
          <thead>
            <tr>
              <th scope="col">{t("board.work")}</th>
              <th scope="col">{t("board.commune")}</th>
              <th scope="col">{t("board.warranty")}</th>
              <th scope="col">{t("board.last")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("board.link")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {works.map((w) => (
              <tr key={w.id}>
                <td>
                  <Link to={`/c/${w.commune.slug}/works/${encodeURIComponent(w.code)}`}>{w.name}</Link>
                  <br />
                  <span className="muted">
                    {t(`category.${w.category}`)} · {w.code}
                    {w.village ? ` · ${w.village}` : null}
                  </span>
                </td>
                <td>{w.commune.name}</td>
                <td>
                  <WarrantyText warranty={w.warranty} />
                </td>
                <td>
                  {w.lastInspection
                    ? `${t(`verdict.${w.lastInspection.verdict}`)} · ${formatDate(w.lastInspection.inspectedOn, lng)}`
                    : t("board.never")}
                </td>
                <td>
                  <Link to={`/staff/works/${w.id}/inspect`} className="button">
                    {t("board.link")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
