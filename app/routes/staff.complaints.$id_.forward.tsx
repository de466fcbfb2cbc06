// An official forwards a report to a unit with a note, or takes it back from the unit.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField, TextareaField } from "~/components/forms";
import { IntentForm } from "~/components/intent-form";
import { ErrorPage } from "~/components/error-page";
import { withDone } from "~/components/flash";
import { ComplaintActionForm, ComplaintActionPage } from "~/components/complaint-action-page";
import { WorkflowError } from "~/models/complaint/workflow.server";
import { forwardComplaint, getWhereabouts, listUnits, withdrawForwarding } from "~/models/forwarding.server";
import { requireComplaint } from "~/guards/complaint.server";
import { fieldErrors, formError, validateForm, type FormErrors } from "~/forms/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { assertSameOrigin } from "~/utils/request.server";
import { requiredText, z } from "~/forms/validation.server";

const ForwardSchema = /* @__PURE__ */ lazy(() =>
  z.discriminatedUnion(
    "intent",
    [
      z
        .object({
          intent: z.literal("forward"),
          unitId: z.coerce.number({ error: "errors.unitRequired" }).int().positive({ error: "errors.unitRequired" }),
          note: requiredText({ max: 1000, required: "errors.noteRequired", tooLong: "errors.noteRequired" }),
        })
        .strict(),
      z.object({ intent: z.literal("withdraw") }).strict(),
    ],
    { error: "errors.invalid" },
  ),
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id, complaint } = await requireComplaint(request, params, "complaint.reply");
  const title = getFixedT(await getLanguage(request), "triage")("forward.title", { code: complaint.code });
  const [units, whereabouts] = await Promise.all([listUnits({ activeOnly: true }), getWhereabouts({ complaintId: id })]);
  return json(
    { complaint: { id: complaint.id, code: complaint.code, text: complaint.text }, units, whereabouts, title },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { user, id } = await requireComplaint(request, params, "complaint.reply");
  const result = await validateForm(request, ForwardSchema(), { maxBytes: 16 * 1024 });
  if (!result.ok) return result.response;
  try {
    if (result.data.intent === "forward")
      await forwardComplaint({ id, actorId: user.id, unitId: result.data.unitId, note: result.data.note });
    else await withdrawForwarding({ id, actorId: user.id });
  } catch (e) {
    if (!(e instanceof WorkflowError)) throw e;
    if (e.reason === "stale" && result.data.intent === "forward")
      return fieldErrors({ unitId: "errors.unitRequired" }, result.values);
    return formError(e.reason, result.values, 409);
  }
  return redirect(withDone(`/staff/complaints/${id}`, result.data.intent === "forward" ? "forwarded" : "withdrawn"), {
    status: 303,
  });
}

export default function ForwardComplaint() {
  const { complaint, units, whereabouts } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("triage");
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  return (
    <ComplaintActionPage complaint={complaint} heading={t("forward.heading")} quote={complaint.text} actionData={actionData}>
      {whereabouts ? (
        <section className="card">
          <p data-testid="forwarded-to">
            {t("forward.current", {
              unit: whereabouts.unit,
              status: t(`forward.status.${whereabouts.accepted ? "accepted" : "pending"}`),
            })}
          </p>
          <IntentForm intent="withdraw" submitLabel={t("forward.withdraw")} />
        </section>
      ) : (
        <ComplaintActionForm intent="forward" submitLabel={t("forward.submit")}>
          <SelectField
            label={t("forward.unit")}
            selectProps={{ name: "unitId", required: true, defaultValue: values.unitId ?? "" }}
            errors={errors.unitId && t(errors.unitId)}
          >
            <option value="">{t("forward.choose")}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({t(`unitKind.${u.kind}`)})
              </option>
            ))}
          </SelectField>
          <TextareaField
            label={t("forward.note")}
            textareaProps={{ name: "note", rows: 3, maxLength: 1000, required: true, defaultValue: values.note ?? "" }}
            errors={errors.note && t(errors.note)}
          />
        </ComplaintActionForm>
      )}
    </ComplaintActionPage>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
