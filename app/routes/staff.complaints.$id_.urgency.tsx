// An official raises or lowers a report's urgency, with a reason; the deadline is recomputed.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextareaField } from "~/components/forms";
import { ErrorPage } from "~/components/error-page";
import { FormErrorSummary } from "~/components/form-error-summary";
import { URGENCIES } from "~/lib/deadline-policy";
import { getStaffComplaint, WorkflowError } from "~/models/complaint.server";
import { changeUrgency } from "~/models/triage.server";
import { requireComplaintAccess } from "~/utils/complaint-guard.server";
import { formError, validateForm, type FormErrors } from "~/utils/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { assertSameOrigin } from "~/utils/request.server";
import { requiredText, z } from "~/utils/validation.server";

const UrgencySchema = lazy(() =>
  z
    .object({
      urgency: z.enum(URGENCIES, { error: "errors.urgencyRequired" }),
      reason: requiredText({ max: 1000, required: "errors.reasonRequired", tooLong: "errors.reasonRequired" }),
    })
    .strict(),
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id } = await requireComplaintAccess(request, params, "write");
  const complaint = await getStaffComplaint({ id });
  if (!complaint) throw new Response(null, { status: 404 });
  const t = getFixedT(await getLanguage(request), "triage");
  return json(
    {
      complaint: { id: complaint.id, code: complaint.code, urgency: complaint.urgency },
      title: t("urgencyForm.title", { code: complaint.code }),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { user, id } = await requireComplaintAccess(request, params, "write");
  const result = await validateForm(request, UrgencySchema(), { maxBytes: 16 * 1024 });
  if (!result.ok) return result.response;
  try {
    const changed = await changeUrgency({ id, actorId: user.id, ...result.data });
    if (!changed.ok) {
      if (changed.reason === "sameUrgency")
        return json<FormErrors>({ fieldErrors: { urgency: "errors.sameUrgency" }, values: result.values }, { status: 400 });
      return formError(changed.reason, result.values, 409);
    }
  } catch (e) {
    if (e instanceof WorkflowError) return formError(e.reason, result.values, 409);
    throw e;
  }
  return redirect(`/staff/complaints/${id}`, { status: 303 });
}

export default function ChangeUrgency() {
  const { complaint } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("triage");
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  const other = complaint.urgency === "urgent" ? "normal" : "urgent";
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/staff/complaints/${complaint.id}`}>{complaint.code}</Link>
      </p>
      <h1>{t("urgencyForm.heading")}</h1>
      <p className="hint">{t("urgencyForm.hint")}</p>
      <FormErrorSummary actionData={actionData} ns="triage" prefix="errors.formErrors" />
      <Form method="post" className="card">
        <fieldset
          className="choice-list"
          aria-invalid={errors.urgency ? true : undefined}
          aria-describedby={errors.urgency ? "urgency-error" : undefined}
        >
          <legend>{t("urgencyForm.urgency")}</legend>
          {URGENCIES.map((u) => (
            <label key={u} className="choice">
              <input type="radio" name="urgency" value={u} required defaultChecked={(values.urgency ?? other) === u} />
              <span>{t(`urgency.${u}`)}</span>
            </label>
          ))}
          {errors.urgency ? (
            <p className="field-error" id="urgency-error">
              {t(errors.urgency)}
            </p>
          ) : null}
        </fieldset>
        <TextareaField
          label={t("urgencyForm.reason")}
          textareaProps={{ name: "reason", rows: 3, maxLength: 1000, required: true, defaultValue: values.reason ?? "" }}
          errors={errors.reason && t(errors.reason)}
        />
        <button type="submit" className="button button--primary">
          {t("urgencyForm.submit")}
        </button>
      </Form>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
