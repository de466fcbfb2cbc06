// Bulk acknowledge: the inbox's selected reports, each with the chosen reply template filled in
// for it. Reports another official moved meanwhile, or of other communes, are skipped and counted.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { FormErrorSummary } from "~/components/form-error-summary";
import { ErrorList } from "~/components/forms";
import { bulkAcknowledge } from "~/models/complaint/reply-templates.server";
import { templateFormatter } from "~/models/complaint/reply-templates.server";
import { requirePermission } from "~/guards/auth.server";
import { fieldErrors, validateForm, type FormErrors } from "~/forms/form.server";
import { getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { assertSameOrigin } from "~/utils/request.server";
import { z } from "~/forms/validation.server";

const BulkSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      ids: z.preprocess(
        (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
        z
          .array(z.coerce.number().int().positive(), { error: "errors.selectionRequired" })
          .min(1, { error: "errors.selectionRequired" })
          .max(100, { error: "errors.invalid" }),
      ),
      templateId: z
        .string()
        .optional()
        .transform((v) => (v ? Number(v) : null))
        .pipe(z.number().int().positive().nullable()),
    })
    .strict(),
);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "complaint.reply");
  return redirect("/staff");
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requirePermission(request, "complaint.reply");
  const result = await validateForm(request, BulkSchema(), { maxBytes: 16 * 1024 });
  if (!result.ok) return result.response;
  const outcome = await bulkAcknowledge({
    ids: result.data.ids,
    actorId: user.id,
    communeIds: user.communes.map((c) => c.id),
    templateId: result.data.templateId,
    format: templateFormatter(await getLanguage(request)),
  });
  if (!outcome.ok) return fieldErrors({ templateId: "errors.forwardingTemplate" }, result.values);
  return redirect(`/staff?acknowledged=${outcome.done}&skipped=${outcome.skipped}`, { status: 303 });
}

export default function BulkAcknowledge() {
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("triage");
  const error = actionData?.fieldErrors?.ids ?? actionData?.fieldErrors?.templateId;
  return (
    <>
      <h1>{t("bulk.title")}</h1>
      <FormErrorSummary actionData={actionData} ns="triage" prefix="errors.formErrors" />
      <ErrorList id="ids-error" errors={error && t(error)} />
      <p>
        <Link to="/staff">{t("bulk.back")}</Link>
      </p>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
