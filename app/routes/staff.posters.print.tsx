// The posters to print: ?slug=<one commune>, ?unit=<former district>, ?kind=xa, or all the
// communes the staff member may see. One A4 page each (print CSS in app.css).
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { CommuneKind } from "~/generated/prisma/enums";
import { Poster } from "~/components/poster";
import { PrintButton } from "~/components/print-button";
import { listPosterCommunes } from "~/models/poster.server";
import { posterViews } from "~/models/poster-view.server";
import { communesFor } from "~/lib/policy";
import { requireUser } from "~/guards/auth.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const kind = url.searchParams.get("kind");
  const communes = await listPosterCommunes({
    slug: url.searchParams.get("slug"),
    formerUnit: url.searchParams.get("unit"),
    kind: Object.values(CommuneKind).find((k) => k === kind) ?? null,
    communeIds: communesFor(user, "commune.read"),
  });
  if (communes.length === 0) throw new Response(null, { status: 404 });
  const t = getFixedT(await getLanguage(request), "pwa");
  return json(
    { posters: await posterViews(communes, url.origin), title: t("posters.title") },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function PrintPosters() {
  const { posters } = useLoaderData<typeof loader>();
  const { t } = useTranslation("pwa");
  return (
    <div className="posters">
      <div className="posters-intro no-print">
        <p className="breadcrumb">
          <Link to="/staff/posters">{t("posters.title")}</Link>
        </p>
        <p className="hint">{t("posters.printHint")}</p>
        <PrintButton label={t("posters.print")} />
      </div>
      {posters.map((p) => (
        <Poster key={p.slug} p={p} />
      ))}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
