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
      {/* A list, not a table: the board fills the record on a phone, on site. */}
      <ul className="plain-list" data-testid="works-to-inspect">
        {works.map((w) => (
          <li key={w.id} data-testid={`inspect-${w.id}`}>
            <h2>
              <Link to={`/c/${w.commune.slug}/works/${encodeURIComponent(w.code)}`}>{w.name}</Link>
            </h2>
            <p className="muted">
              {w.commune.name} · {t(`category.${w.category}`)} · {w.code}
              {w.village ? ` · ${w.village}` : null}
            </p>
            <p>
              <WarrantyText warranty={w.warranty} /> · {t("board.last")}:{" "}
              {w.lastInspection
                ? `${t(`verdict.${w.lastInspection.verdict}`)} (${formatDate(w.lastInspection.inspectedOn, lng)})`
                : t("board.never")}
            </p>
            <Link to={`/staff/works/${w.id}/inspect`} className="button" aria-label={`${t("board.link")}: ${w.name}`}>
              {t("board.link")}
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
