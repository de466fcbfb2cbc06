// A commune's dossier for the council: recognition history, satisfaction per criterion with
// intervals and the threshold, trend per quarter, rounds and their coverage, complaints by
// criterion, residents' comments, and council members' reviews. Prints on one page.
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DossierReportFigures } from "~/components/report-figures";
import { DossierWorks } from "~/components/dossier-works";
import { DossierComments, DossierComplaints, DossierHistory, DossierRounds, DossierTrend } from "~/components/dossier-sections";
import { DossierConclusion } from "~/components/dossier-conclusion";
import { DossierIntegrity } from "~/components/dossier-integrity";
import { ErrorPage } from "~/components/error-page";
import { PrintButton } from "~/components/print-button";
import { RecognitionCard } from "~/components/recognition-card";
import { ReviewSection } from "~/components/review-section";
import { ScoreChart } from "~/components/score-chart";
import { ScoreTable } from "~/components/score-table";
import { conclude } from "~/lib/conclusion";
import { formatDate } from "~/lib/format";
import { REVIEW_VERDICTS } from "~/lib/review";
import { splitPeriod } from "~/lib/vn-time";
import { can } from "~/lib/policy";
import { communeHeading, getCommuneBySlug } from "~/models/commune.server";
import { getDossier } from "~/models/dossier.server";
import { getCommuneIntegrity } from "~/models/integrity.server";
import { createReview } from "~/models/review.server";
import { councilReportFigures } from "~/models/complaint/stats.server";
import { communeWorks } from "~/models/work/council.server";
import { requirePermission } from "~/guards/auth.server";
import { lazy } from "~/utils/lazy";
import { requiredText, z } from "~/forms/validation.server";
import { validateForm, type FormErrors } from "~/forms/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { assertSameOrigin } from "~/utils/request.server";
import { useLanguage } from "~/hooks/use-language";
import staffPagesCss from "~/styles/staff-pages.css";
import { localized } from "~/utils/i18n";

const ReviewSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      verdict: z.enum(REVIEW_VERDICTS, { error: "errors.verdictRequired" }),
      reason: requiredText({
        min: 10,
        max: 2000,
        required: "errors.reasonRequired",
        tooShort: "errors.reasonTooShort",
        tooLong: "errors.reasonTooLong",
      }),
    })
    .strict(),
);

export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffPagesCss }];

async function loadCommune(params: { slug?: string }) {
  const commune = await getCommuneBySlug({ slug: params.slug ?? "" });
  if (!commune) throw new Response(null, { status: 404 });
  return commune;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "council.read");
  const commune = await loadCommune(params);
  const page = Math.max(1, Math.min(10_000, Number(new URL(request.url).searchParams.get("page")) || 1));
  const [dossier, integrity, works, reports] = await Promise.all([
    getDossier({ communeId: commune.id, page }),
    getCommuneIntegrity({ communeId: commune.id }),
    communeWorks({ communeId: commune.id }),
    councilReportFigures(),
  ]);
  const t = getFixedT(await getLanguage(request), "council");
  // The latest round whose results are shown, and its re-check, decide the first lines.
  const round = dossier.rounds.find((r) => r.resultsVisible && r.coverage);
  const recheck = integrity?.recheck
    ? { total: integrity.recheck.result.total, reached: integrity.recheck.result.reached }
    : null;
  const conclusion = conclude({
    rows: dossier.scoreboard.rows.map((r) => ({ key: r.criterion.key, score: r.score })),
    threshold: dossier.scoreboard.threshold,
    coverage: round?.coverage ? { share: round.coverage.share, target: round.level?.coverageShare ?? 0.7 } : null,
    recheck,
  });
  return json(
    {
      commune: communeHeading(commune),
      ...dossier,
      integrity,
      conclusion,
      recheck,
      works,
      reports: reports[commune.id] ?? {
        channels: { web: 0, open311: 0, hotline: 0, letter: 0, in_person: 0, loudspeaker_meeting: 0 },
        fixHeld: { answered: 0, held: 0 },
        onTime: { onTime: 0, total: 0 },
      },
      canReview: can(user, "council.review"),
      title: t("dossier.title", { name: commune.name }),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requirePermission(request, "council.review");
  const commune = await loadCommune(params);
  const result = await validateForm(request, ReviewSchema(), { maxBytes: 16 * 1024 });
  if (!result.ok) return result.response;
  await createReview({ communeId: commune.id, userId: user.id, ...result.data });
  return redirect(`/staff/council/${commune.slug}#reviews`, { status: 303 });
}

export default function Dossier() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("council");
  const lng = useLanguage();
  return (
    <article className="dossier">
      <p className="breadcrumb no-print">
        <Link to="/staff/council">{t("nav.dashboard")}</Link>
      </p>
      <header className="dossier__head">
        <h1>{t("dossier.heading", { kind: t(`common:kind.${d.commune.kind}`), name: d.commune.name })}</h1>
        <p className="muted">
          {d.commune.formerUnit} · {t(`common:region.${d.commune.region}`)} ·{" "}
          {t("dossier.printedOn", { date: formatDate(new Date(), lng) })}
        </p>
        <PrintButton label={t("dossier.print")} />
      </header>

      <DossierConclusion
        conclusion={d.conclusion}
        recheck={d.recheck}
        names={Object.fromEntries(d.scoreboard.rows.map((r) => [r.criterion.key, localized(r.criterion, "name", lng)]))}
      />

      <div className="dossier__grid">
        <RecognitionCard recognition={d.scoreboard.recognition} kind={d.commune.kind} />
        <DossierHistory history={d.history} />
      </div>

      <section className="card">
        <h2>{t("dossier.scores")}</h2>
        <p className="muted">
          {t("dashboard.window", {
            from: t("common:period", splitPeriod(d.scoreboard.from)),
            to: t("common:period", splitPeriod(d.scoreboard.to)),
          })}
        </p>
        <ScoreChart rows={d.scoreboard.rows} threshold={d.scoreboard.threshold.share} />
        <ScoreTable rows={d.scoreboard.rows} threshold={d.scoreboard.threshold} />
      </section>

      <DossierWorks
        criteria={d.scoreboard.rows.map((r) => r.criterion)}
        shares={Object.fromEntries(d.scoreboard.rows.map((r) => [r.criterion.key, r.score.hidden ? null : r.score.share]))}
        works={d.works}
      />
      <DossierTrend d={d} />
      <DossierRounds rounds={d.rounds} />
      <DossierIntegrity data={d.integrity} />
      <DossierComplaints complaints={d.complaints} />
      <DossierReportFigures figures={d.reports} />
      <ReviewSection reviews={d.reviews} canReview={d.canReview} actionData={actionData} />
      <DossierComments d={d} />
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
