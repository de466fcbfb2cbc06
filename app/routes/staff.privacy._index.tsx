// Residents' requests about their data (correction, erasure), with the deadline on the working
// calendar and an overdue flag like the inbox. Officials answer their communes' requests;
// administrators read every commune's queue. Each answer is an audit event (models/privacy).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { FormError, TextareaField } from "~/components/forms";
import { IntentForm } from "~/components/intent-form";
import { formatDate } from "~/lib/format";
import { can, communesFor } from "~/lib/policy";
import { answerPrivacyRequest, getRequestCommuneId, listPrivacyRequests } from "~/models/privacy/requests.server";
import { requireCommunePermission, requirePermission } from "~/guards/auth.server";
import { formError, validateForm, type FormErrors } from "~/forms/form.server";
import { optionalText, requiredText, z } from "~/forms/validation.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { assertSameOrigin } from "~/utils/request.server";

const AnswerSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      intent: z.literal("answer"),
      requestId: z.coerce.number().int().positive(),
      outcome: z.enum(["done", "refused"], { error: "queue.outcomeRequired" }),
      answer: requiredText({ max: 2000, required: "queue.answerRequired", tooLong: "queue.answerTooLong" }),
      text: optionalText(2000, "queue.answerTooLong"),
    })
    .strict(),
);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "privacy.queue");
  const queue = await listPrivacyRequests({ communeIds: communesFor(user, "privacy.queue") });
  const t = getFixedT(await getLanguage(request), "privacy");
  return json(
    {
      queue,
      canAnswer: can(user, "privacy.answer"),
      isAdmin: can(user, "privacy.admin"),
      title: t("queue.title"),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requirePermission(request, "privacy.answer");
  const result = await validateForm(request, AnswerSchema(), { maxBytes: 16 * 1024 });
  if (!result.ok) return result.response;
  const { requestId, outcome, answer, text } = result.data;
  const communeId = await getRequestCommuneId({ id: requestId });
  if (communeId === null) throw new Response(null, { status: 404 });
  requireCommunePermission(user, "privacy.answer", communeId);
  const answered = await answerPrivacyRequest({ id: requestId, actorId: user.id, outcome, answer, text });
  if (!answered.ok) return formError(answered.reason, result.values, 409);
  return redirect("/staff/privacy", { status: 303 });
}

export default function PrivacyQueue() {
  const { queue, canAnswer, isAdmin } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t, i18n } = useTranslation("privacy");
  const errors = actionData?.fieldErrors ?? {};
  return (
    <div className="page">
      <h1>{t("queue.heading")}</h1>
      <p className="lead">{t("queue.intro")}</p>
      {isAdmin ? (
        <p>
          <Link to="/staff/privacy/access">{t("access.heading")}</Link> ·{" "}
          <Link to="/staff/privacy/settings">{t("settings.heading")}</Link>
        </p>
      ) : null}
      <FormError message={actionData?.formError && t(`queue.formErrors.${actionData.formError}`)} />
      {queue.open.length === 0 ? <p data-testid="queue-empty">{t("queue.empty")}</p> : null}
      {queue.open.map((r) => (
        <section key={r.id} className="card" data-testid="privacy-request">
          <h2>
            {t(`kind.${r.kind}`)} · <Link to={`/staff/complaints/${r.complaint.id}`}>{r.complaint.code}</Link> ·{" "}
            {r.complaint.commune.name}
          </h2>
          <p className={r.overdue ? "overdue" : undefined} data-testid="request-due">
            {r.overdue ? `${t("queue.overdue")} · ` : null}
            {t("queue.dueBy", { date: formatDate(r.dueAt, i18n.language) })}
          </p>
          <p>{t("queue.asked")}</p>
          <blockquote>{r.detail}</blockquote>
          {canAnswer ? (
            <IntentForm intent="answer" submitLabel={t("queue.send")} buttonClassName="button button--primary">
              <input type="hidden" name="requestId" value={r.id} />
              <fieldset>
                <legend>{t("queue.outcome")}</legend>
                {(["done", "refused"] as const).map((o) => (
                  <label key={o} className="choice">
                    <input type="radio" name="outcome" value={o} required /> <span>{t(`status.${o}`)}</span>
                  </label>
                ))}
              </fieldset>
              <TextareaField
                label={t(`queue.text.${r.kind}`)}
                hint={t("queue.textHint")}
                textareaProps={{ name: "text", id: `text-${r.id}`, rows: 4, maxLength: 2000, defaultValue: r.complaint.text }}
              />
              <TextareaField
                label={t("queue.answer")}
                textareaProps={{ name: "answer", id: `answer-${r.id}`, rows: 2, maxLength: 2000, required: true }}
                errors={actionData?.values.requestId === String(r.id) && errors.answer ? t(errors.answer) : undefined}
              />
            </IntentForm>
          ) : null}
        </section>
      ))}
      {queue.answered.length > 0 ? (
        <section className="card">
          <h2>{t("queue.answeredHeading")}</h2>
          <ul>
            {queue.answered.map((r) => (
              <li key={r.id}>
                {r.complaint.code} · {t(`kind.${r.kind}`)} · {t(`status.${r.status}`)} ·{" "}
                {r.answeredAt ? formatDate(r.answeredAt, i18n.language) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
