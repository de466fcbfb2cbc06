// An official raises or lowers a report's urgency, with a reason; the deadline is recomputed.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChoiceFieldset, TextareaField } from "~/components/forms";
import { ErrorPage } from "~/components/error-page";
import { withDone } from "~/components/flash";
import { ComplaintActionForm, ComplaintActionPage } from "~/components/complaint-action-page";
import { URGENCIES } from "~/lib/deadline-policy";
import { WorkflowError } from "~/models/complaint/workflow.server";
import { changeUrgency } from "~/models/complaint/deadlines.server";
import { requireComplaint } from "~/guards/complaint.server";
import { fieldErrors, formError, validateForm, type FormErrors } from "~/forms/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { assertSameOrigin } from "~/utils/request.server";
import { requiredText, z } from "~/forms/validation.server";

const UrgencySchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      urgency: z.enum(URGENCIES, { error: "errors.urgencyRequired" }),
      reason: requiredText({ max: 1000, required: "errors.reasonRequired", tooLong: "errors.reasonRequired" }),
    })
    .strict(),
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { complaint } = await requireComplaint(request, params, "complaint.reply");
  const title = getFixedT(await getLanguage(request), "triage")("urgencyForm.title", { code: complaint.code });
  return json(
    { complaint: { id: complaint.id, code: complaint.code, urgency: complaint.urgency }, title },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { user, id } = await requireComplaint(request, params, "complaint.reply");
  const result = await validateForm(request, UrgencySchema(), { maxBytes: 16 * 1024 });
  if (!result.ok) return result.response;
  try {
    const changed = await changeUrgency({ id, actorId: user.id, ...result.data });
    if (!changed.ok) {
      if (changed.reason === "sameUrgency") return fieldErrors({ urgency: "errors.sameUrgency" }, result.values);
      return formError(changed.reason, result.values, 409);
    }
  } catch (e) {
    if (e instanceof WorkflowError) return formError(e.reason, result.values, 409);
    throw e;
  }
  return redirect(withDone(`/staff/complaints/${id}`, "urgency"), { status: 303 });
}

export default function ChangeUrgency() {
  const { complaint } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("triage");
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  const other = complaint.urgency === "urgent" ? "normal" : "urgent";
  return (
    <ComplaintActionPage
      complaint={complaint}
      heading={t("urgencyForm.heading")}
      hint={t("urgencyForm.hint")}
      actionData={actionData}
    >
      <ComplaintActionForm submitLabel={t("urgencyForm.submit")}>
        <ChoiceFieldset name="urgency" legend={t("urgencyForm.urgency")} errors={errors.urgency && t(errors.urgency)}>
          {URGENCIES.map((u) => (
            <label key={u} className="choice">
              <input type="radio" name="urgency" value={u} required defaultChecked={(values.urgency ?? other) === u} />
              <span>{t(`urgency.${u}`)}</span>
            </label>
          ))}
        </ChoiceFieldset>
        <TextareaField
          label={t("urgencyForm.reason")}
          textareaProps={{ name: "reason", rows: 3, maxLength: 1000, required: true, defaultValue: values.reason ?? "" }}
          errors={errors.reason && t(errors.reason)}
        />
      </ComplaintActionForm>
    </ComplaintActionPage>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
