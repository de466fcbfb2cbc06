// After sending: thanks, what this resident answered (from their own cookie) and the
// commune's current scores.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { ScoreChart } from "~/components/score-chart";
import { ScoreTable } from "~/components/score-table";
import { formatDate } from "~/lib/format";
import { periodOf } from "~/lib/vn-time";
import { mentionsProblem } from "~/lib/text";
import { getCommuneBySlug } from "~/models/commune.server";
import { getCommuneScoreboard } from "~/models/scoreboard.server";
import { findVoterResponse } from "~/models/survey/tallies.server";
import { readVoterId } from "~/utils/cookies.server";
import { keyedHash } from "~/utils/hash.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { localized } from "~/utils/i18n";
import { useLanguage } from "~/hooks/use-language";
import { ReportPrompt } from "~/components/report-prompt";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const commune = await getCommuneBySlug({ slug: params.slug ?? "" });
  if (!commune) throw new Response(null, { status: 404 });
  const voterId = await readVoterId(request);
  const [scoreboard, mine, lng] = await Promise.all([
    getCommuneScoreboard({ communeId: commune.id }),
    voterId
      ? findVoterResponse({ communeId: commune.id, period: periodOf(new Date()), voterHash: keyedHash("voter", voterId) })
      : null,
    getLanguage(request),
  ]);
  const t = getFixedT(lng, "survey");
  return json(
    {
      commune: { slug: commune.slug, name: commune.name, kind: commune.kind },
      scoreboard,
      mine: mine
        ? {
            on: mine.createdAt.toISOString(),
            comment: mine.comment,
            village: mine.village,
            ratings: Object.fromEntries(mine.ratings.map((r) => [r.criterionId, r.score])),
          }
        : null,
      title: t("thanks.title"),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function Thanks() {
  const { commune, scoreboard, mine } = useLoaderData<typeof loader>();
  const { t } = useTranslation("survey");
  const lng = useLanguage();
  return (
    <div className="page">
      {mine ? (
        <div className="card thanks">
          <h1>{t("thanks.heading")}</h1>
          <p>{t("thanks.body", { name: commune.name, date: formatDate(mine.on, lng) })}</p>
          <h2>{t("thanks.yourAnswers")}</h2>
          <ul className="my-answers">
            {scoreboard.rows.map(({ criterion }) => {
              const value = mine.ratings[criterion.id];
              return (
                <li key={criterion.key}>
                  {localized(criterion, "name", lng)}: <strong>{t(`scale.${value ?? "na"}`)}</strong>
                </li>
              );
            })}
          </ul>
          {mine.village ? <p>{t("thanks.village", { village: mine.village })}</p> : null}
          {mine.comment ? (
            <blockquote className="my-comment" data-testid="my-comment">
              {mine.comment}
            </blockquote>
          ) : null}
        </div>
      ) : (
        <div className="card">
          <h1>{t("thanks.noAnswerHeading", { name: commune.name })}</h1>
          <Link to={`/c/${commune.slug}/survey`} className="button button--primary button--block">
            {t("send")}
          </Link>
        </div>
      )}
      <ReportPrompt slug={commune.slug} problem={mentionsProblem(mine?.comment)} />
      <section className="card" aria-labelledby="scores-heading">
        <h2 id="scores-heading">{t("commune:scores.heading")}</h2>
        <ScoreChart rows={scoreboard.rows} threshold={scoreboard.threshold.share} />
        <ScoreTable rows={scoreboard.rows} threshold={scoreboard.threshold} />
        <Link to={`/c/${commune.slug}`}>{t("thanks.communePage", { name: commune.name })}</Link>
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
