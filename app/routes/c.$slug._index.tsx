// The public commune page: recognition status next to residents' satisfaction.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { RecognitionCard } from "~/components/recognition-card";
import { ScoreChart } from "~/components/score-chart";
import { ScoreTable } from "~/components/score-table";
import { splitPeriod } from "~/lib/vn-time";
import { communeHeading, getCommuneBySlug, listNamesakes } from "~/models/commune.server";
import { getPublicComplaints } from "~/models/commune-page.server";
import { getCommuneScoreboard } from "~/models/scoreboard.server";
import { currentCommuneRound } from "~/models/round.server";
import { CommuneRoundCard } from "~/components/commune-round-card";
import { PublicComplaints } from "~/components/public-complaints";
import { FollowForm } from "~/components/follow-form";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { WorksSummary } from "~/components/works-summary";
import { getCommuneWorkSummary } from "~/models/work/works.server";
import { currentNotices } from "~/models/notice.server";
import { NoticeBanner } from "~/components/notice-banner";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const commune = await getCommuneBySlug({ slug: params.slug ?? "" });
  if (!commune) throw new Response(null, { status: 404 });
  const [scoreboard, namesakes, lng, { recent: complaints, counts: complaintCounts }, round, works, notices] = await Promise.all([
    getCommuneScoreboard({ communeId: commune.id }),
    listNamesakes(commune),
    getLanguage(request),
    getPublicComplaints({ communeId: commune.id, take: 10 }),
    currentCommuneRound({ communeId: commune.id }),
    getCommuneWorkSummary({ communeId: commune.id }),
    currentNotices({ communeId: commune.id }),
  ]);
  const t = getFixedT(lng, "common");
  return json({
    commune: communeHeading(commune),
    namesakes,
    scoreboard,
    complaints: complaints.map(({ events, ...c }) => ({ ...c, replies: events.filter((e) => e.kind === "reply") })),
    complaintCounts,
    round,
    works,
    notices,
    title: `${t(`kind.${commune.kind}`)} ${commune.name} · ${t("common:siteName")}`,
  });
}

export default function CommunePage() {
  const { commune, namesakes, scoreboard, complaints, complaintCounts, round, works, notices } = useLoaderData<typeof loader>();
  const { t } = useTranslation("commune");
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/">{t("common:nav.allCommunes")}</Link> · {commune.formerUnit}
      </p>
      <h1>
        <span className="commune-kind">{t(`common:kind.${commune.kind}`)}</span> {commune.name}
      </h1>
      <p className="muted">{t(`common:region.${commune.region}`)}</p>
      <NoticeBanner notices={notices} />
      {namesakes.length > 0 ? (
        <p className="note">
          {t("namesake")}{" "}
          {namesakes.map((n) => (
            <Link key={n.slug} to={`/c/${n.slug}`}>
              {n.name}
            </Link>
          ))}
        </p>
      ) : null}

      <div className="cta-pair">
        <Link to={`/c/${commune.slug}/survey`} className="button button--primary button--block">
          {t("rateCta")}
        </Link>
        <Link to={`/c/${commune.slug}/report`} className="button button--block" data-testid="commune-report">
          {t("shortcuts:reportCommune")}
        </Link>
      </div>

      <CommuneRoundCard slug={commune.slug} round={round} />

      <RecognitionCard recognition={scoreboard.recognition} kind={commune.kind} />

      <section aria-labelledby="scores-heading" className="card">
        <h2 id="scores-heading">{t("scores.heading")}</h2>
        <p className="muted">
          {t("scores.window", {
            from: t("common:period", splitPeriod(scoreboard.from)),
            to: t("common:period", splitPeriod(scoreboard.to)),
          })}
        </p>
        <ScoreChart rows={scoreboard.rows} threshold={scoreboard.threshold.share} />
        <ScoreTable rows={scoreboard.rows} threshold={scoreboard.threshold} />
      </section>

      <WorksSummary slug={commune.slug} summary={works} />

      <PublicComplaints slug={commune.slug} complaints={complaints} counts={complaintCounts} />

      <FollowForm slug={commune.slug} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
