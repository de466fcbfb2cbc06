// The resident's tracking page: status history and public replies (never contact details or
// internal notes). Once resolved the resident can rate the handling and, within 14 days, reopen.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { IntentForm } from "~/components/intent-form";
import { useTranslation } from "react-i18next";
import { ComplaintTimeline } from "~/components/complaint-timeline";
import { ErrorPage } from "~/components/error-page";
import { canReopen, REOPEN_WINDOW_DAYS } from "~/lib/complaint-workflow";
import { normaliseTrackingCode } from "~/lib/tracking-code";
import { getPublicComplaint } from "~/models/complaint/public.server";
import { openFixCheckForCode } from "~/models/complaint/fix-check.server";
import { FixCheckQuestion } from "~/components/fix-check-question";
import { rateHandling, reopenComplaint, WorkflowError } from "~/models/complaint/workflow.server";
import { getPublicMergeTarget, getPublicTriage, newsChannels } from "~/models/complaint/public.server";
import { Confirmation, doneParam, withDone } from "~/components/flash";
import { MergedReport } from "~/components/merged-report";
import { PublicTriage } from "~/components/public-triage";
import { lazy } from "~/utils/lazy";
import { requiredText, z } from "~/forms/validation.server";
import { formError, validateForm, type FormErrors } from "~/forms/form.server";
import { keyedHash } from "~/utils/hash.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { limitedLookup } from "~/utils/rate-limit.server";
import { assertSameOrigin } from "~/utils/request.server";
import { ChoiceFieldset, FormError, ReasonField } from "~/components/forms";
import { CommuneBreadcrumb } from "~/components/commune-breadcrumb";
import { StatusTag } from "~/components/triage-badges";
import { workOfComplaint } from "~/models/work/link.server";

const RateSchema = /* @__PURE__ */ lazy(() =>
  z.object({ intent: z.literal("rate"), rating: z.enum(["1", "2", "3", "4", "5"], { error: "errors.ratingRequired" }) }).strict(),
);
const ReopenSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      intent: z.literal("reopen"),
      reason: requiredText({
        min: 10,
        max: 1000,
        required: "errors.reasonRequired",
        tooShort: "errors.reasonTooShort",
        tooLong: "errors.reasonTooLong",
      }),
    })
    .strict(),
);
const TRACK_DONE = ["rated", "reopened"] as const;
const TrackActionSchema = /* @__PURE__ */ lazy(() =>
  z.discriminatedUnion("intent", [RateSchema(), ReopenSchema()], { error: "errors.invalid" }),
);

async function loadComplaint(params: { code?: string }, context: { clientIp?: string }) {
  const code = normaliseTrackingCode(params.code ?? "");
  if (!code) throw new Response(null, { status: 404 });
  // Codes not found cost the address a point (see t._index.tsx).
  const ipHash = keyedHash("ip", context.clientIp ?? "unknown");
  const complaint = await limitedLookup("tracking", ipHash, () => getPublicComplaint({ code }));
  if (complaint === "limited") throw new Response(null, { status: 429 });
  if (!complaint) throw new Response(null, { status: 404 });
  return complaint;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const complaint = await loadComplaint(params, context);
  const t = getFixedT(await getLanguage(request), "complaint");
  const [triage, work, news, kept] = await Promise.all([
    getPublicTriage({ complaintId: complaint.id }),
    workOfComplaint({ complaintId: complaint.id }),
    newsChannels({ complaintId: complaint.id }),
    complaint.status === "merged" ? getPublicMergeTarget({ complaintId: complaint.id }) : null,
  ]);
  // "Is it fixed?" weeks after the resolution, for residents who left no contact (issue 24).
  const fixCheck = complaint.status === "resolved" ? await openFixCheckForCode({ code: complaint.code }) : null;
  return json(
    {
      complaint,
      triage,
      work,
      fixCheck,
      news,
      kept,
      // a merged duplicate's reporter rates the kept report's handling once it is resolved
      canRate: complaint.status === "resolved" || kept?.status === "resolved",
      canReopen: canReopen(complaint),
      done: doneParam(request.url, TRACK_DONE),
      title: t("track.pageTitle", { code: complaint.code }),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const complaint = await loadComplaint(params, context);
  const result = await validateForm(request, TrackActionSchema(), { maxBytes: 16 * 1024 });
  if (!result.ok) return result.response;
  try {
    if (result.data.intent === "rate") await rateHandling({ code: complaint.code, rating: Number(result.data.rating) });
    else await reopenComplaint({ code: complaint.code, reason: result.data.reason });
  } catch (e) {
    if (e instanceof WorkflowError) return formError("notAllowed", result.values, 409);
    throw e;
  }
  // Back with the confirmation at the top of the page, not under the forms (issue 23).
  return redirect(withDone(`/t/${complaint.code}`, result.data.intent === "rate" ? "rated" : "reopened"), { status: 303 });
}

export default function TrackComplaint() {
  const { complaint, canReopen, canRate, triage, work, fixCheck, news, kept, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const [params] = useSearchParams();
  const { t } = useTranslation("complaint");
  const errors = actionData?.fieldErrors ?? {};
  return (
    <div className="page">
      <Confirmation message={done && !actionData ? t(`followUp.done.${done}`) : null} />
      {params.get("new") ? (
        <div className="card notice" role="status">
          <p>{t("track.created")}</p>
          <p className="tracking-code" data-testid="tracking-code">
            {complaint.code}
          </p>
          <p className="hint">{t("track.keepCode")}</p>
        </div>
      ) : null}
      <CommuneBreadcrumb commune={complaint.commune} />
      <h1>
        {t("track.heading")} <span className="nowrap">{complaint.code}</span>
      </h1>
      <p>
        <StatusTag status={complaint.status} testId="status" /> · {t(`category.${complaint.category}`)}
        {complaint.village ? ` · ${complaint.village}` : null}
      </p>
      <blockquote className="complaint-text">{complaint.text}</blockquote>
      {work ? (
        <p data-testid="report-work">
          {t("works:track.about")}{" "}
          <Link to={`/c/${complaint.commune.slug}/works/${encodeURIComponent(work.code)}`}>{work.name}</Link>
        </p>
      ) : null}
      <PublicTriage status={complaint.status} {...triage} />
      {/* a merged duplicate's messages follow the kept report (its subscription moved there) */}
      {kept ? null : (
        <p className="hint" data-testid="news-by">
          {news.length === 0 ? t("followUp.newsNone") : t(`followUp.news.${news.join("_")}`)}
        </p>
      )}
      {kept ? <MergedReport kept={kept} /> : null}
      {fixCheck ? <FixCheckQuestion token={fixCheck.token} /> : null}
      {complaint.photos.length > 0 ? (
        <div className="photos">
          {complaint.photos.map((p) => (
            <img key={p.id} src={`/photos/${p.id}`} width={p.width} height={p.height} alt={t("track.photoAlt")} loading="lazy" />
          ))}
        </div>
      ) : null}
      <p>
        <Link to={`/t/${complaint.code}/privacy`} data-testid="your-data">
          {t("privacy:rights.link")}
        </Link>
      </p>
      <h2>{t("track.history")}</h2>
      <ComplaintTimeline events={complaint.events} />
      <FormError message={actionData?.formError && t(`track.formErrors.${actionData.formError}`)} />
      {canRate ? (
        <section className="card">
          <h2>{t("track.rateHeading")}</h2>
          {complaint.handlingRating ? <p>{t("track.rated", { rating: complaint.handlingRating })}</p> : null}
          <IntentForm
            intent="rate"
            submitLabel={t("track.rateSend")}
            className="rate-form"
            buttonClassName="button button--primary"
          >
            <ChoiceFieldset
              name="rating"
              className="choice-row"
              legend={t("track.rateLegend")}
              errors={errors.rating && t(errors.rating)}
            >
              {["1", "2", "3", "4", "5"].map((r) => (
                <label key={r} className="choice">
                  <input
                    type="radio"
                    name="rating"
                    value={r}
                    required
                    defaultChecked={String(complaint.handlingRating ?? "") === r}
                  />
                  <span>{t(`track.rating.${r}`)}</span>
                </label>
              ))}
            </ChoiceFieldset>
          </IntentForm>
          {canReopen && complaint.status === "resolved" ? (
            <IntentForm intent="reopen" submitLabel={t("track.reopenSend")} className="reopen-form">
              <ReasonField
                label={t("track.reopenLabel", { days: REOPEN_WINDOW_DAYS })}
                maxLength={1000}
                defaultValue={actionData?.values.reason}
                errors={errors.reason && t(errors.reason)}
              />
            </IntentForm>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
