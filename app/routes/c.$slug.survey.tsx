// The open survey: one screen, every criterion with five faces and "no opinion", comment and
// village optional (components/survey-form). A plain form post (works without JavaScript). A
// household with a ballot slip types its code first (c.$slug.code) and answers at /b/<code>.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommuneBreadcrumb } from "~/components/commune-breadcrumb";
import { ErrorPage } from "~/components/error-page";
import { FormErrorSummary } from "~/components/form-error-summary";
import { HouseholdCodeLink } from "~/components/household-code-link";
import { SurveyForm } from "~/components/survey-form";
import { formatDate } from "~/lib/format";
import { nextPeriodStart, periodOf } from "~/lib/vn-time";
import { getCommuneBySlug } from "~/models/commune.server";
import { listActiveCriteria } from "~/models/criterion.server";
import { findVoterResponse } from "~/models/survey/tallies.server";
import { submitAnswer } from "~/models/survey/answers.server";
import { readVoterId, voterCookie } from "~/utils/cookies.server";
import { claimFormDuration, signFormStart } from "~/utils/form-timer.server";
import { keyedHash } from "~/utils/hash.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { takeToken } from "~/utils/rate-limit.server";
import { formError, validateForm, type FormErrors } from "~/forms/form.server";
import { assertSameOrigin } from "~/utils/request.server";
import { ratingsFrom, surveySchema, SURVEY_BODY_MAX_BYTES } from "~/forms/survey-form.server";
import { useLanguage } from "~/hooks/use-language";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const commune = await getCommuneBySlug({ slug: params.slug ?? "" });
  if (!commune) throw new Response(null, { status: 404 });
  const lng = await getLanguage(request);
  const criteria = await listActiveCriteria();
  const period = periodOf(new Date());
  const existingVoter = await readVoterId(request);
  const voterId = existingVoter ?? crypto.randomUUID();
  const previous = existingVoter
    ? await findVoterResponse({ communeId: commune.id, period, voterHash: keyedHash("voter", existingVoter) })
    : null;
  const headers = new Headers({ "Cache-Control": "private, no-store" });
  if (!existingVoter) headers.append("Set-Cookie", await voterCookie.serialize(voterId));
  const t = getFixedT(lng, "survey");
  return json(
    {
      commune: { slug: commune.slug, name: commune.name, kind: commune.kind },
      criteria,
      submissionId: crypto.randomUUID(),
      started: signFormStart(),
      already: previous ? { on: previous.createdAt.toISOString(), next: nextPeriodStart(period).toISOString() } : null,
      title: t("title", { name: commune.name }),
    },
    { headers },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const commune = await getCommuneBySlug({ slug: params.slug ?? "" });
  if (!commune) throw new Response(null, { status: 404 });
  const criteria = await listActiveCriteria();
  const schema = surveySchema(criteria);
  const allowed = new Set(Object.keys(schema.shape));

  const result = await validateForm(request, schema, { maxBytes: SURVEY_BODY_MAX_BYTES, allowed });
  if (!result.ok) return result.response;
  const { values } = result;

  const voterId = await readVoterId(request);
  if (!voterId) {
    // No cookie came back: first visit straight to a post, or cookies blocked. Give one and ask
    // to send again; the resident's answers stay on the form.
    return formError("noCookie", values, {
      status: 400,
      headers: { "Set-Cookie": await voterCookie.serialize(crypto.randomUUID()) },
    });
  }

  const ipHash = keyedHash("ip", context.clientIp ?? "unknown");
  if (!(await takeToken("survey", ipHash))) {
    return formError("rateLimited", values, 429);
  }

  const data = result.data;
  const created = await submitAnswer({
    channel: "online",
    communeId: commune.id,
    ratings: ratingsFrom(data, criteria),
    comment: data.comment,
    village: data.village,
    voterHash: keyedHash("voter", voterId),
    ipHash,
    submissionId: data.submissionId,
    durationSeconds: await claimFormDuration(data.started),
  });
  if (!created.ok) return formError("duplicate", values, 409);
  return redirect(`/c/${commune.slug}/thanks`, { status: 303 });
}

export default function Survey() {
  const { commune, criteria, submissionId, started, already } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("survey");
  const lng = useLanguage();

  if (already && !actionData) {
    return (
      <div className="page">
        <h1>{t("heading", { name: commune.name })}</h1>
        <div className="card notice">
          <p>{t("already", { date: formatDate(already.on, lng), next: formatDate(already.next, lng) })}</p>
          <Link to={`/c/${commune.slug}/thanks`} className="button button--primary button--block">
            {t("seeScores")}
          </Link>
        </div>
        <HouseholdCodeLink slug={commune.slug} />
      </div>
    );
  }

  return (
    <div className="page">
      <CommuneBreadcrumb commune={commune} />
      <h1>{t("heading", { name: commune.name })}</h1>
      <HouseholdCodeLink slug={commune.slug} />
      <p className="lead">{t("intro")}</p>
      <p className="hint" data-testid="survey-privacy">
        {t("privacy:survey.notice")} <Link to="/privacy">{t("privacy:notice.link")}</Link>
      </p>
      <FormErrorSummary actionData={actionData} ns="survey" prefix="formErrors" />
      <SurveyForm
        criteria={criteria}
        submissionId={submissionId}
        started={started}
        values={actionData?.values ?? {}}
        errors={actionData?.fieldErrors ?? {}}
      />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
