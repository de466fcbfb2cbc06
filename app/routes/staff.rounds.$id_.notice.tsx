// The results notice for the community hall: one A4 page per commune (?commune=<slug>, or every
// commune of the round the staff member may see), once the round's count is final. Print CSS in
// app.css (.results-notice). Issue 24.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { PrintButton } from "~/components/print-button";
import { ResultsNotice } from "~/components/results-notice";
import { formatDate } from "~/lib/format";
import { getRoundResults } from "~/models/round-results.server";
import { noticeViews, type NoticeView } from "~/models/round-notice-view.server";
import { communesFor } from "~/lib/policy";
import { requireUser } from "~/guards/auth.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { idParam } from "~/utils/route-params.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const roundId = idParam(params.id);
  if (roundId === null) throw new Response(null, { status: 404 });
  const url = new URL(request.url);
  const now = new Date();
  const results = await getRoundResults({
    roundId,
    communeIds: communesFor(user, "commune.read"),
    slug: url.searchParams.get("commune"),
    now,
  });
  if (!results.ok && results.reason === "notFound") throw new Response(null, { status: 404 });
  const t = getFixedT(await getLanguage(request), "reach");
  const headers = { "Cache-Control": "private, no-store" };
  if (!results.ok) {
    return json(
      { roundId, title: "", notices: [] as NoticeView[], notFinal: formatDate(results.finalAt, "vi") },
      { status: 409, headers },
    );
  }
  const notices = await noticeViews(results.round, results.communes, { origin: url.origin, issuer: user.name, now });
  return json({ roundId, title: t("notice.pageTitle", { round: results.round.name }), notices, notFinal: null }, { headers });
}

export default function PrintResultsNotices() {
  const { roundId, notices, notFinal } = useLoaderData<typeof loader>();
  const { t } = useTranslation("reach");
  return (
    <div className="posters">
      <div className="posters-intro no-print">
        <p className="breadcrumb">
          <Link to={`/staff/rounds/${roundId}`}>← {t("notice.links")}</Link>
        </p>
        {notFinal ? (
          <p className="hint" role="status">
            {t("notice.notFinal", { date: notFinal })}
          </p>
        ) : (
          <>
            <p className="hint">{t("notice.printHint")}</p>
            <PrintButton label={t("notice.print")} />
          </>
        )}
      </div>
      {notices.map((n) => (
        <ResultsNotice key={n.slug} n={n} />
      ))}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
