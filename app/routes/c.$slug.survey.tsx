// The survey: one screen, every criterion with five faces and "no opinion", comment and village
// optional. A plain form post (works without JavaScript); with JavaScript Remix submits it in
// place and the button shows progress.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { optionalText, z } from "~/utils/validation.server";
import { ErrorPage } from "~/components/error-page";
import { FormErrorSummary } from "~/components/form-error-summary";
import { RatingFieldset } from "~/components/rating-fieldset";
import { formatDate } from "~/lib/format";
import { nextPeriodStart, periodOf } from "~/lib/vn-time";
import { getCommuneBySlug } from "~/models/commune.server";
import { listActiveCriteria, type CriterionRow } from "~/models/criterion.server";
import { createResponse, findVoterResponse } from "~/models/survey.server";
import { readVoterId, voterCookie } from "~/utils/cookies.server";
import { keyedHash } from "~/utils/hash.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { takeToken } from "~/utils/rate-limit.server";
import { formError, validateForm, type FormErrors } from "~/utils/form.server";
import { assertSameOrigin } from "~/utils/request.server";
import { useLanguage } from "~/utils/use-language";

const COMMENT_MAX = 1000;
const VILLAGE_MAX = 100;
/** Far above a full form (5 ratings, 1,000 characters of Vietnamese percent-encoded). */
const BODY_MAX_BYTES = 32 * 1024;
const RATING_VALUES = ["1", "2", "3", "4", "5", "na"] as const;

/** Field names are r_<criterion key>; the schema is built from the criteria in the database. */
function surveySchema(criteria: CriterionRow[]) {
  const ratings = Object.fromEntries(
    criteria.map((c) => [`r_${c.key}`, z.enum(RATING_VALUES, { error: "errors.ratingRequired" })]),
  );
  return z
    .object({
      ...ratings,
      comment: optionalText(COMMENT_MAX, "errors.commentTooLong"),
      village: optionalText(VILLAGE_MAX, "errors.villageTooLong"),
      submissionId: z.uuid({ error: "errors.invalid" }),
    })
    .strict();
}

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

  const result = await validateForm(request, schema, { maxBytes: BODY_MAX_BYTES, allowed });
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

  const data = result.data as Record<string, string | null>;
  const created = await createResponse({
    communeId: commune.id,
    period: periodOf(new Date()),
    ratings: criteria.map((c) => {
      const v = data[`r_${c.key}`];
      return { criterionId: c.id, score: v === "na" ? null : Number(v) };
    }),
    comment: data.comment,
    village: data.village,
    voterHash: keyedHash("voter", voterId),
    ipHash,
    submissionId: data.submissionId,
  });
  if (created.status === "duplicate") return formError("duplicate", values, 409);
  return redirect(`/c/${commune.slug}/thanks`, { status: 303 });
}

export default function Survey() {
  const { commune, criteria, submissionId, already } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const navigation = useNavigation();
  const { t } = useTranslation("survey");
  const lng = useLanguage();
  const sending = navigation.state === "submitting";
  const values = actionData?.values ?? {};
  const errors = actionData?.fieldErrors ?? {};

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
      </div>
    );
  }

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to={`/c/${commune.slug}`}>
          {t(`common:kind.${commune.kind}`)} {commune.name}
        </Link>
      </p>
      <h1>{t("heading", { name: commune.name })}</h1>
      <p className="lead">{t("intro")}</p>
      <FormErrorSummary actionData={actionData} ns="survey" prefix="formErrors" />
      <Form method="post" className="survey" noValidate={false}>
        <input type="hidden" name="submissionId" value={values.submissionId ?? submissionId} />
        {criteria.map((c) => (
          <RatingFieldset
            key={c.key}
            name={`r_${c.key}`}
            criterion={c}
            value={values[`r_${c.key}`]}
            error={errors[`r_${c.key}`] ? t(errors[`r_${c.key}`]) : undefined}
          />
        ))}
        <div className="field">
          <label htmlFor="comment">{t("comment.label")}</label>
          <p className="hint" id="comment-hint">
            {t("comment.hint", { max: COMMENT_MAX })}
          </p>
          <textarea
            id="comment"
            name="comment"
            rows={4}
            maxLength={COMMENT_MAX}
            defaultValue={values.comment ?? ""}
            aria-describedby={errors.comment ? "comment-hint comment-error" : "comment-hint"}
            aria-invalid={errors.comment ? true : undefined}
          />
          {errors.comment ? (
            <p className="field-error" id="comment-error">
              {t(errors.comment, { max: COMMENT_MAX })}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="village">{t("village.label")}</label>
          <input
            id="village"
            name="village"
            type="text"
            maxLength={VILLAGE_MAX}
            defaultValue={values.village ?? ""}
            autoComplete="off"
            aria-invalid={errors.village ? true : undefined}
            aria-describedby={errors.village ? "village-error" : undefined}
          />
          {errors.village ? (
            <p className="field-error" id="village-error">
              {t(errors.village, { max: VILLAGE_MAX })}
            </p>
          ) : null}
        </div>
        <p className="hint">{t("privacy")}</p>
        <button type="submit" className="button button--primary button--block" disabled={sending} aria-disabled={sending}>
          {sending ? t("sending") : t("send")}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
