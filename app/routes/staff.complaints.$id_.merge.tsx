// An official merges a duplicate into another open report of the same commune and category.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { FormErrorSummary } from "~/components/form-error-summary";
import { formatDate } from "~/lib/format";
import { getStaffComplaint, WorkflowError } from "~/models/complaint.server";
import { listMergeTargets, mergeComplaints } from "~/models/triage.server";
import { requireComplaintAccess } from "~/utils/complaint-guard.server";
import { formError, validateForm, type FormErrors } from "~/utils/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { assertSameOrigin } from "~/utils/request.server";
import { z } from "~/utils/validation.server";

const MergeSchema = lazy(() =>
  z
    .object({ targetId: z.coerce.number({ error: "errors.targetRequired" }).int().positive({ error: "errors.targetRequired" }) })
    .strict(),
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id } = await requireComplaintAccess(request, params, "write");
  const complaint = await getStaffComplaint({ id });
  if (!complaint) throw new Response(null, { status: 404 });
  const targets = await listMergeTargets({ id, communeId: complaint.communeId, category: complaint.category });
  const t = getFixedT(await getLanguage(request), "triage");
  return json(
    {
      complaint: { id: complaint.id, code: complaint.code, text: complaint.text },
      targets,
      title: t("mergeForm.title", { code: complaint.code }),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { user, id } = await requireComplaintAccess(request, params, "write");
  const result = await validateForm(request, MergeSchema(), { maxBytes: 4 * 1024 });
  if (!result.ok) return result.response;
  try {
    await mergeComplaints({ id, targetId: result.data.targetId, actorId: user.id });
  } catch (e) {
    if (!(e instanceof WorkflowError)) throw e;
    if (e.reason === "forbiddenTransition")
      return json<FormErrors>({ fieldErrors: { targetId: "errors.targetRequired" }, values: result.values }, { status: 400 });
    return formError(e.reason, result.values, 409);
  }
  return redirect(`/staff/complaints/${result.data.targetId}`, { status: 303 });
}

export default function MergeComplaint() {
  const { complaint, targets } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t, i18n } = useTranslation("triage");
  const error = actionData?.fieldErrors?.targetId;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/staff/complaints/${complaint.id}`}>{complaint.code}</Link>
      </p>
      <h1>{t("mergeForm.heading")}</h1>
      <blockquote className="complaint-text">{complaint.text}</blockquote>
      <p className="hint">{t("mergeForm.hint")}</p>
      <FormErrorSummary actionData={actionData} ns="triage" prefix="errors.formErrors" />
      {targets.length === 0 ? (
        <p>{t("mergeForm.none")}</p>
      ) : (
        <Form method="post" className="card">
          <fieldset
            className="choice-list"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "targetId-error" : undefined}
          >
            <legend>{t("mergeForm.target")}</legend>
            {targets.map((c) => (
              <label key={c.id} className="choice">
                <input
                  type="radio"
                  name="targetId"
                  value={c.id}
                  required
                  defaultChecked={actionData?.values.targetId === String(c.id)}
                />
                <span>
                  <strong>{c.code}</strong> · {formatDate(c.createdAt, i18n.language)}
                  {c.village ? ` · ${c.village}` : ""} · {t("supporters", { count: c._count.supporters })}
                  <br />
                  {c.text.length > 160 ? `${c.text.slice(0, 160)}…` : c.text}
                </span>
              </label>
            ))}
            {error ? (
              <p className="field-error" id="targetId-error">
                {t(error)}
              </p>
            ) : null}
          </fieldset>
          <button type="submit" className="button button--primary">
            {t("mergeForm.submit")}
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
