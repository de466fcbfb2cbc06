// A household ballot: the QR code on a slip opens /b/<code>. The code is checked before the form
// is shown (unknown, used, round closed, not handed out: a message and the field to type it
// again, HTTP 400); the answer and the use of the code are one transaction (submitAnswer), so
// the same code sent 50 times at once counts once. Works without JavaScript.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BallotCodeField } from "~/components/ballot-code-field";
import { ErrorPage } from "~/components/error-page";
import { FormErrorSummary } from "~/components/form-error-summary";
import { SurveyForm } from "~/components/survey-form";
import { formatCode, parseCode } from "~/lib/ballot-code";
import { mentionsProblem } from "~/lib/text";
import { WaysOn } from "~/components/ways-on";
import { formatDate } from "~/lib/format";
import { checkResidentCode, type FoundCode } from "~/models/ballot.server";
import { listActiveCriteria } from "~/models/criterion.server";
import { submitAnswer } from "~/models/survey/answers.server";
import { claimFormDuration, signFormStart } from "~/utils/form-timer.server";
import { keyedHash } from "~/utils/hash.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { validateForm, type FormErrors } from "~/forms/form.server";
import { assertSameOrigin } from "~/utils/request.server";
import { ratingsFrom, surveySchema, SURVEY_BODY_MAX_BYTES } from "~/forms/survey-form.server";
import { useLanguage } from "~/hooks/use-language";

type CodeState = { problem: string; commune?: string; slug?: string; code: string };

function publicRound(found: FoundCode) {
  return {
    commune: { slug: found.commune.slug, name: found.commune.name, kind: found.commune.kind },
    round: { name: found.round.name, endsAt: found.round.endsAt.toISOString() },
  };
}

/**
 * The page for a code that cannot be used: the reason next to the field, 400 (429 when limited),
 * the code as printed (with its dashes) and the ways on (the commune, a report, a tracking code).
 */
function refused(problem: string, code: string, commune?: { name: string; slug: string }, status = 400) {
  const shown = parseCode(code).ok ? formatCode(code) : code;
  return json(
    {
      state: "refused" as const,
      refused: { problem, commune: commune?.name, slug: commune?.slug, code: shown } satisfies CodeState,
    },
    { status },
  );
}

type FailedCheck = Extract<Awaited<ReturnType<typeof checkResidentCode>>, { ok: false }>;

/** A code the check turned down: its message, the commune when known, 429 when the address is over its limit. */
function refusedCheck(checked: FailedCheck, code: string) {
  const status = checked.reason === "rateLimited" ? 429 : 400;
  return refused(`codeErrors.${checked.reason}`, code, checked.code?.commune, status);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const t = getFixedT(await getLanguage(request), "ballot");
  const headers = { "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin" };
  const parsed = parseCode(params.code ?? "");
  if (!parsed.ok) return refused(`codeErrors.${parsed.reason}`, params.code ?? "");
  const checked = await checkResidentCode({ code: parsed.code, ipHash: keyedHash("ip", context.clientIp ?? "unknown") });
  if (!checked.ok) return refusedCheck(checked, parsed.code);
  return json(
    {
      state: "ok" as const,
      ...publicRound(checked.code),
      criteria: await listActiveCriteria(),
      submissionId: crypto.randomUUID(),
      started: signFormStart(),
      title: t("title"),
    },
    { headers },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const parsed = parseCode(params.code ?? "");
  if (!parsed.ok) return refused(`codeErrors.${parsed.reason}`, params.code ?? "");
  const criteria = await listActiveCriteria();
  const schema = surveySchema(criteria);
  const result = await validateForm(request, schema, {
    maxBytes: SURVEY_BODY_MAX_BYTES,
    allowed: new Set(Object.keys(schema.shape)),
  });
  if (!result.ok) return result.response;
  const ipHash = keyedHash("ip", context.clientIp ?? "unknown");
  // Which commune the code is for is known only from the code: check it (and the address's limit) first.
  const checked = await checkResidentCode({ code: parsed.code, ipHash });
  if (!checked.ok) return refusedCheck(checked, parsed.code);
  const data = result.data;
  const saved = await submitAnswer({
    channel: "online",
    communeId: checked.code.communeId,
    code: parsed.code,
    ratings: ratingsFrom(data, criteria),
    comment: data.comment,
    village: data.village,
    ipHash,
    submissionId: data.submissionId,
    durationSeconds: await claimFormDuration(data.started),
  });
  if (!saved.ok) return refused(`codeErrors.${saved.reason}`, parsed.code, checked.code.commune);
  // Only whether the comment describes a problem goes on (the thanks page offers a report then,
  // as the open survey's does); the answer itself is not linked to the code, not even here.
  const problem = mentionsProblem(data.comment) ? "&problem=1" : "";
  return redirect(`/b/thanks?c=${encodeURIComponent(checked.code.commune.slug)}${problem}`, { status: 303 });
}

export default function Ballot() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as
    (FormErrors & { state?: undefined }) | { state: "refused"; refused: CodeState } | undefined;
  const { t } = useTranslation("ballot");
  const lng = useLanguage();
  const refusal = actionData?.state === "refused" ? actionData.refused : data.state === "refused" ? data.refused : null;
  if (refusal || data.state !== "ok") {
    return (
      <div className="page">
        <h1>{t("enterHeading")}</h1>
        <Form method="get" action="/b" className="card">
          <BallotCodeField
            defaultValue={refusal?.code}
            error={refusal?.problem}
            errorValues={{ commune: refusal?.commune ?? "" }}
          />
          <button type="submit" className="button button--primary button--block">
            {t("check")}
          </button>
        </Form>
        <WaysOn slug={refusal?.slug} commune={refusal?.commune} />
      </div>
    );
  }
  const formErrors = actionData && actionData.state === undefined ? actionData : undefined;
  return (
    <div className="page">
      <h1>{t("heading", { name: data.commune.name })}</h1>
      <p className="muted">{t("roundLine", { round: data.round.name, date: formatDate(data.round.endsAt, lng) })}</p>
      <p className="lead">{t("verifiedIntro")}</p>
      <FormErrorSummary actionData={formErrors} ns="survey" prefix="formErrors" />
      <SurveyForm
        criteria={data.criteria}
        submissionId={data.submissionId}
        started={data.started}
        values={formErrors?.values ?? {}}
        errors={formErrors?.fieldErrors ?? {}}
      />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data && data.state === "ok" ? data.title : "" },
  { name: "referrer", content: "same-origin" },
];

export function ErrorBoundary() {
  return <ErrorPage />;
}
