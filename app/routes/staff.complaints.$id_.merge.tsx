// An official merges a duplicate into another open report of the same commune and category.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { withDone } from "~/components/flash";
import { ComplaintActionForm, ComplaintActionPage } from "~/components/complaint-action-page";
import { ChoiceFieldset } from "~/components/forms";
import { formatDate } from "~/lib/format";
import { WorkflowError } from "~/models/complaint/workflow.server";
import { listMergeTargets, mergeComplaints } from "~/models/complaint/duplicates.server";
import { requireComplaint } from "~/guards/complaint.server";
import { fieldErrors, formError, validateForm, type FormErrors } from "~/forms/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { assertSameOrigin } from "~/utils/request.server";
import { z } from "~/forms/validation.server";

const MergeSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({ targetId: z.coerce.number({ error: "errors.targetRequired" }).int().positive({ error: "errors.targetRequired" }) })
    .strict(),
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id, complaint } = await requireComplaint(request, params, "complaint.reply");
  const title = getFixedT(await getLanguage(request), "triage")("mergeForm.title", { code: complaint.code });
  const targets = await listMergeTargets({ id, communeId: complaint.communeId, category: complaint.category });
  return json(
    { complaint: { id: complaint.id, code: complaint.code, text: complaint.text }, targets, title },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { user, id } = await requireComplaint(request, params, "complaint.reply");
  const result = await validateForm(request, MergeSchema(), { maxBytes: 4 * 1024 });
  if (!result.ok) return result.response;
  try {
    await mergeComplaints({ id, targetId: result.data.targetId, actorId: user.id });
  } catch (e) {
    if (!(e instanceof WorkflowError)) throw e;
    if (e.reason === "forbiddenTransition") return fieldErrors({ targetId: "errors.targetRequired" }, result.values);
    return formError(e.reason, result.values, 409);
  }
  return redirect(withDone(`/staff/complaints/${result.data.targetId}`, "merged"), { status: 303 });
}

export default function MergeComplaint() {
  const { complaint, targets } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t, i18n } = useTranslation("triage");
  const error = actionData?.fieldErrors?.targetId;
  return (
    <ComplaintActionPage
      complaint={complaint}
      heading={t("mergeForm.heading")}
      quote={complaint.text}
      hint={t("mergeForm.hint")}
      actionData={actionData}
    >
      {targets.length === 0 ? (
        <p>{t("mergeForm.none")}</p>
      ) : (
        <ComplaintActionForm submitLabel={t("mergeForm.submit")}>
          <ChoiceFieldset name="targetId" legend={t("mergeForm.target")} errors={error && t(error)}>
            {targets.map((c) => (
              <label key={c.id} className="choice">
                <input
                  type="radio"
                  name="targetId"
                  value={c.id}
                  required
                  defaultChecked={actionData?.values.targetId === String(c.id)}
                />
                <span className="merge-target">
                  {c.photo ? (
                    <img
                      src={`/photos/${c.photo.id}?size=thumb`}
                      width={96}
                      height={Math.round((96 * c.photo.height) / c.photo.width)}
                      alt={t("mergeForm.photoAlt", { code: c.code })}
                      className="tracking-thumb"
                      loading="lazy"
                    />
                  ) : null}
                  <span>
                    <strong>{c.code}</strong> · {formatDate(c.createdAt, i18n.language)} ·{" "}
                    {t("supporters", { count: c._count.supporters })}
                    <br />
                    <span data-testid="merge-place">
                      {c.village ?? t("mergeForm.noVillage")}
                      {c.metres !== null ? ` · ${t("mergeForm.distance", { metres: c.metres })}` : ""}
                    </span>
                    <br />
                    {c.text.length > 160 ? `${c.text.slice(0, 160)}…` : c.text}
                  </span>
                </span>
              </label>
            ))}
          </ChoiceFieldset>
        </ComplaintActionForm>
      )}
    </ComplaintActionPage>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
