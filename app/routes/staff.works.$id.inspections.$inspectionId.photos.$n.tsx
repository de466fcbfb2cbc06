// The supervision board blurs parts of one of its inspection photos (faces and number plates of
// passers-by) before or after they are public with the inspection: the same form and pipeline as a
// report's photo (decision 037: a new file, the original erased, the rectangles in the audit log).
// The Front for its communes and administrators; never the officials whose works are inspected.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { withDone } from "~/components/flash";
import { FormErrorSummary } from "~/components/form-error-summary";
import { PhotoRedactForm } from "~/components/photo-redact-form";
import { useLanguage } from "~/hooks/use-language";
import { formatDate } from "~/lib/format";
import { readRedactRects } from "~/lib/redaction";
import { requirePermission, requireRecordPermission } from "~/guards/auth.server";
import { fieldErrors, formError, validateForm, type FormErrors } from "~/forms/form.server";
import { RedactSchema } from "~/forms/redact-form.server";
import { getPhotoOfInspection, getWorkToInspect, redactInspectionPhoto } from "~/models/work/inspection.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { idParam } from "~/utils/route-params.server";
import { assertSameOrigin } from "~/utils/request.server";

/** The work and the photo of the page: 403 without the action, 404 for another commune's work or no such photo. */
async function photoOf(request: Request, params: { id?: string; inspectionId?: string; n?: string }) {
  const user = await requirePermission(request, "inspectionPhoto.redact");
  const id = idParam(params.id);
  const inspectionId = idParam(params.inspectionId);
  const n = Number(params.n);
  const work = id === null ? null : await getWorkToInspect({ id });
  if (!work || inspectionId === null || !/^\d$/.test(params.n ?? "")) throw new Response(null, { status: 404 });
  requireRecordPermission(user, "inspectionPhoto.redact", work.communeId);
  const photo = await getPhotoOfInspection({ workId: work.id, inspectionId, n });
  if (!photo) throw new Response(null, { status: 404 });
  return { user, work, inspectionId, photo };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { work, inspectionId, photo } = await photoOf(request, params);
  const title = getFixedT(await getLanguage(request), "works")("redact.title", { name: work.name });
  return json(
    { work: { id: work.id, name: work.name, code: work.code }, inspectionId, photo, title },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { user, work, inspectionId, photo } = await photoOf(request, params);
  const result = await validateForm(request, RedactSchema(), { maxBytes: 4 * 1024 });
  if (!result.ok) return result.response;
  const rects = readRedactRects(result.values);
  if (!rects.ok) return fieldErrors(rects.fieldErrors, result.values);
  const done = await redactInspectionPhoto({ workId: work.id, inspectionId, n: photo.n, actorId: user.id, rects: rects.rects });
  // Someone else blurred it meanwhile: the page shows the photo as it is now.
  if (!done.ok) return formError("stale", result.values, 409);
  return redirect(withDone(`/staff/works/${work.id}/inspect`, "redacted"), { status: 303 });
}

export default function RedactInspectionPhoto() {
  const { work, inspectionId, photo } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("works");
  const lng = useLanguage();
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/staff/works/${work.id}/inspect`}>{work.name}</Link>
      </p>
      <h1>{t("redact.heading")}</h1>
      <p className="hint">{t("redact.hint")}</p>
      <FormErrorSummary actionData={actionData} ns="works" prefix="redact.formErrors" />
      <PhotoRedactForm
        src={`/inspection-photos/${inspectionId}/${photo.n}`}
        alt={t("redact.photoAlt", { date: formatDate(photo.inspectedOn, lng), n: photo.n + 1 })}
        photo={photo}
        errors={actionData?.fieldErrors ?? {}}
        values={actionData?.values ?? {}}
      />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
