// A commune's dossier for the council: recognition history, satisfaction per criterion with
// intervals and the threshold, trend per quarter, rounds and their coverage, complaints by
// criterion, residents' comments, and council members' reviews. Prints on one page.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { PrintButton } from "~/components/print-button";
import { RecognitionCard } from "~/components/recognition-card";
import { ScoreChart } from "~/components/score-chart";
import { ScoreTable } from "~/components/score-table";
import { ShareChart } from "~/components/share-chart";
import { CATEGORIES, STATUSES } from "~/lib/complaint-workflow";
import { coverage } from "~/lib/dashboard";
import { formatDate, formatNumber, formatPercent } from "~/lib/format";
import { recentPeriods, splitPeriod } from "~/lib/vn-time";
import { levelLabel } from "~/lib/text";
import { resultsVisible } from "~/lib/round";
import { HIDE_BELOW, wilson } from "~/lib/score";
import { getCommuneBySlug } from "~/models/commune.server";
import { complaintSummaryByCategory } from "~/models/complaint.server";
import { listRecognitionHistory } from "~/models/recognition.server";
import { REVIEW_VERDICTS } from "~/lib/review";
import { createReview, listReviews } from "~/models/review.server";
import { listCommuneRounds } from "~/models/round.server";
import { getCommuneScoreboard } from "~/models/scoreboard.server";
import { listComments, tallyByPeriod } from "~/models/survey.server";
import { requireRole } from "~/utils/auth.server";
import { lazy } from "~/utils/lazy";
import { requiredText, z } from "~/utils/validation.server";
import { validateForm, type FormErrors } from "~/utils/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { localized } from "~/utils/i18n";
import { assertSameOrigin } from "~/utils/request.server";
import { useLanguage } from "~/utils/use-language";

const COMMENTS_PER_PAGE = 20;
// The print stylesheet keeps the first 10 comments of the page; the printout says so (ux.css).
const PRINTED_COMMENTS = 10;
const TREND_QUARTERS = 8;

const ReviewSchema = lazy(() =>
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

async function loadCommune(params: { slug?: string }) {
  const commune = await getCommuneBySlug({ slug: params.slug ?? "" });
  if (!commune) throw new Response(null, { status: 404 });
  return commune;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["council", "admin"]);
  const commune = await loadCommune(params);
  const page = Math.max(1, Math.min(10_000, Number(new URL(request.url).searchParams.get("page")) || 1));
  const periods = recentPeriods(new Date(), TREND_QUARTERS).reverse();
  const [scoreboard, history, trendRows, rounds, complaints, comments, reviews] = await Promise.all([
    getCommuneScoreboard({ communeId: commune.id }),
    listRecognitionHistory({ communeId: commune.id }),
    tallyByPeriod({ communeId: commune.id, periods }),
    listCommuneRounds({ communeId: commune.id }),
    complaintSummaryByCategory({ communeId: commune.id }),
    listComments({ communeId: commune.id, page, pageSize: COMMENTS_PER_PAGE }),
    listReviews({ communeId: commune.id }),
  ]);
  const now = new Date();
  const trend = scoreboard.rows.map(({ criterion }) => ({
    key: criterion.key,
    values: periods.map((period) => {
      const sum = trendRows
        .filter((r) => r.period === period && r.criterionId === criterion.id)
        .reduce((a, r) => ({ s: a.s + r.satisfied, n: a.n + r.answered }), { s: 0, n: 0 });
      const shown = sum.n >= HIDE_BELOW;
      return { period, share: shown ? sum.s / sum.n : null, n: sum.n, interval: shown ? wilson(sum.s, sum.n) : null };
    }),
  }));
  const t = getFixedT(await getLanguage(request), "council");
  return json(
    {
      commune: {
        slug: commune.slug,
        name: commune.name,
        kind: commune.kind,
        region: commune.region,
        formerUnit: commune.formerUnit,
      },
      scoreboard,
      history,
      periods,
      trend,
      rounds: rounds.map((r) => ({
        ...r,
        coverage: coverage(r.online + r.paper, r.households),
        resultsVisible: resultsVisible(r, now),
      })),
      complaints,
      comments,
      page,
      pages: Math.max(1, Math.ceil(comments.total / COMMENTS_PER_PAGE)),
      reviews,
      canReview: user.role === "council",
      title: t("dossier.title", { name: commune.name }),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireRole(request, ["council"]);
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
  const errors = actionData?.fieldErrors ?? {};
  const pct = (v: number | null) => (v === null ? "—" : formatPercent(v, lng));
  const critName = (key: string) => {
    const row = d.scoreboard.rows.find((r) => r.criterion.key === key);
    return row ? localized(row.criterion, "name", lng) : t(`complaint:category.${key}`);
  };
  const colors = ["#b91c1c", "#15803d", "#1d4ed8", "#a16207", "#111827"];
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

      <div className="dossier__grid">
        <RecognitionCard recognition={d.scoreboard.recognition} kind={d.commune.kind} />
        <section className="card">
          <h2>{t("dossier.history")}</h2>
          {d.history.length === 0 ? (
            <p className="muted">{t("dossier.noHistory")}</p>
          ) : (
            <ul className="plain-list">
              {d.history.map((h) => (
                <li key={h.id}>
                  {levelLabel(localized(h.level, "name", lng), h.level.period)}: {h.decisionNumber},{" "}
                  {formatDate(h.decidedOn, lng)}
                  {h.revokedOn ? (
                    <strong>
                      {" "}
                      · {t("dossier.revoked", { date: formatDate(h.revokedOn, lng), reason: h.revokedReason ?? "" })}
                    </strong>
                  ) : null}
                  {h.isDemo ? <span className="tag tag--demo">{t("common:demo.tag")}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
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

      <section className="card">
        <h2>{t("dossier.trend")}</h2>
        <ShareChart
          kind="line"
          labels={d.periods.map((p) => t("common:period", splitPeriod(p)))}
          series={d.trend.map((c, i) => ({
            label: critName(c.key),
            values: c.values.map((v) => (v.share === null ? null : v.share * 100)),
            color: colors[i % colors.length],
          }))}
          threshold={d.scoreboard.threshold.share}
          ariaLabel={t("dossier.trend")}
        />
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th>{t("table.criterion")}</th>
                {d.periods.map((p) => (
                  <th key={p}>{t("common:period", splitPeriod(p))}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.trend.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{critName(c.key)}</th>
                  {c.values.map((v) => (
                    <td key={v.period}>
                      {pct(v.share)}{" "}
                      <span className="detail">
                        n={formatNumber(v.n, lng)}
                        {v.interval ? ` · ${pct(v.interval.low)}–${pct(v.interval.high)}` : ""}
                      </span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">{t("dossier.trendHint")}</p>
      </section>

      <section className="card">
        <h2>{t("dossier.rounds")}</h2>
        {d.rounds.length === 0 ? (
          <p className="muted">{t("dossier.noRounds")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th>{t("rounds.name")}</th>
                <th>{t("rounds.dates")}</th>
                <th>{t("rounds.answers")}</th>
                <th>{t("rounds.coverage")}</th>
              </tr>
            </thead>
            <tbody>
              {d.rounds.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/staff/rounds/${r.id}`}>{r.name}</Link>{" "}
                    <span className="detail">
                      {t(`rounds.purpose.${r.purpose}`)}
                      {r.level ? `: ${localized(r.level, "name", lng)}` : ""}
                    </span>
                  </td>
                  <td>
                    {formatDate(r.startsAt, lng)}–{formatDate(r.endsAt, lng)}
                  </td>
                  <td>{t("rounds.byChannel", { online: r.online, paper: r.paper })}</td>
                  <td>{r.coverage ? `${pct(r.coverage.share)} (${r.coverage.answered}/${r.coverage.households})` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card">
        <h2>{t("dossier.complaints")}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th>{t("table.criterion")}</th>
              {STATUSES.map((s) => (
                <th key={s}>{t(`complaint:status.${s}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {CATEGORIES.map((c) => (
              <tr key={c}>
                <th scope="row">{t(`complaint:category.${c}`)}</th>
                {STATUSES.map((s) => (
                  <td key={s}>{d.complaints.find((x) => x.category === c && x.status === s)?.count ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" id="reviews">
        <h2>{t("dossier.reviews")}</h2>
        {d.reviews.length === 0 ? (
          <p className="muted">{t("dossier.noReviews")}</p>
        ) : (
          <ul className="plain-list" data-testid="reviews">
            {d.reviews.map((r) => (
              <li key={r.id}>
                <strong>{t(`review.${r.verdict}`)}</strong> · {r.user.name} · {formatDate(r.createdAt, lng)}
                <p className="review-reason">{r.reason}</p>
              </li>
            ))}
          </ul>
        )}
        {d.canReview ? (
          <Form method="post" className="no-print">
            {actionData?.formError ? (
              <p className="form-error" role="alert">
                {t(`dossier.formErrors.${actionData.formError}`)}
              </p>
            ) : null}
            <fieldset className="choice-row">
              <legend>{t("dossier.addReview")}</legend>
              {REVIEW_VERDICTS.map((v) => (
                <label key={v} className="choice">
                  <input type="radio" name="verdict" value={v} required defaultChecked={actionData?.values.verdict === v} />{" "}
                  {t(`review.${v}`)}
                </label>
              ))}
            </fieldset>
            {errors.verdict ? <p className="field-error">{t(errors.verdict)}</p> : null}
            <div className="field">
              <label htmlFor="reason">{t("dossier.reason")}</label>
              <textarea
                id="reason"
                name="reason"
                rows={3}
                minLength={10}
                maxLength={2000}
                required
                defaultValue={actionData?.values.reason ?? ""}
                aria-invalid={errors.reason ? true : undefined}
              />
              {errors.reason ? <p className="field-error">{t(errors.reason)}</p> : null}
            </div>
            <button type="submit" className="button button--primary">
              {t("dossier.saveReview")}
            </button>
          </Form>
        ) : null}
      </section>

      <section className="card dossier__comments">
        <h2>{t("dossier.comments", { count: d.comments.total })}</h2>
        <ul className="plain-list">
          {d.comments.items.map((c) => (
            <li key={c.id}>
              <span className="detail">
                {formatDate(c.createdAt, lng)}
                {c.village ? ` · ${c.village}` : ""}
                {c.channel === "paper" ? ` · ${t("dossier.paper")}` : ""}
              </span>
              <p className="review-reason">{c.comment}</p>
            </li>
          ))}
        </ul>
        <p className="print-only" data-testid="comments-printed">
          {t("dossier.commentsPrinted", {
            shown: Math.min(PRINTED_COMMENTS, d.comments.items.length),
            total: d.comments.total,
          })}
        </p>
        {d.pages > 1 ? (
          <nav className="pager no-print" aria-label={t("dossier.commentPages")}>
            {d.page > 1 ? <Link to={`?page=${d.page - 1}`}>{t("dossier.previous")}</Link> : <span />}
            <span>{t("dossier.page", { page: d.page, pages: d.pages })}</span>
            {d.page < d.pages ? <Link to={`?page=${d.page + 1}`}>{t("dossier.next")}</Link> : <span />}
          </nav>
        ) : null}
      </section>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
