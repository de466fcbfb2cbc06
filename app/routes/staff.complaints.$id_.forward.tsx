// An official forwards a report to a unit with a note, or takes it back from the unit.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField, TextareaField } from "~/components/forms";
import { ErrorPage } from "~/components/error-page";
import { FormErrorSummary } from "~/components/form-error-summary";
import { getStaffComplaint, WorkflowError } from "~/models/complaint.server";
import { forwardComplaint, getWhereabouts, listUnits, withdrawForwarding } from "~/models/forwarding.server";
import { requireComplaintAccess } from "~/utils/complaint-guard.server";
import { formError, validateForm, type FormErrors } from "~/utils/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { assertSameOrigin } from "~/utils/request.server";
import { requiredText, z } from "~/utils/validation.server";

const ForwardSchema = lazy(() =>
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
  const { id } = await requireComplaintAccess(request, params, "write");
  const [complaint, units, whereabouts] = await Promise.all([
    getStaffComplaint({ id }),
    listUnits({ activeOnly: true }),
    getWhereabouts({ complaintId: id }),
  ]);
  if (!complaint) throw new Response(null, { status: 404 });
  const t = getFixedT(await getLanguage(request), "triage");
  return json(
    {
      complaint: { id: complaint.id, code: complaint.code, text: complaint.text },
      units,
      whereabouts,
      title: t("forward.title", { code: complaint.code }),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { user, id } = await requireComplaintAccess(request, params, "write");
  const result = await validateForm(request, ForwardSchema(), { maxBytes: 16 * 1024 });
  if (!result.ok) return result.response;
  try {
    if (result.data.intent === "forward")
      await forwardComplaint({ id, actorId: user.id, unitId: result.data.unitId, note: result.data.note });
    else await withdrawForwarding({ id, actorId: user.id });
  } catch (e) {
    if (!(e instanceof WorkflowError)) throw e;
    if (e.reason === "stale" && result.data.intent === "forward")
      return json<FormErrors>({ fieldErrors: { unitId: "errors.unitRequired" }, values: result.values }, { status: 400 });
    return formError(e.reason, result.values, 409);
  }
  return redirect(`/staff/complaints/${id}`, { status: 303 });
}

export default function ForwardComplaint() {
  const { complaint, units, whereabouts } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("triage");
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/staff/complaints/${complaint.id}`}>{complaint.code}</Link>
      </p>
      <h1>{t("forward.heading")}</h1>
      <blockquote className="complaint-text">{complaint.text}</blockquote>
      <FormErrorSummary actionData={actionData} ns="triage" prefix="errors.formErrors" />
      {whereabouts ? (
        <section className="card">
          <p data-testid="forwarded-to">
            {t("forward.current", {
              unit: whereabouts.unit,
              status: t(`forward.status.${whereabouts.accepted ? "accepted" : "pending"}`),
            })}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="withdraw" />
            <button type="submit" className="button">
              {t("forward.withdraw")}
            </button>
          </Form>
        </section>
      ) : (
        <Form method="post" className="card">
          <input type="hidden" name="intent" value="forward" />
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
          <button type="submit" className="button button--primary">
            {t("forward.submit")}
          </button>
        </Form>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
