// An official blurs parts of a report's photo (faces, number plates) before approving it for the
// public: rectangles in percent typed in number boxes, or drawn on the photo with JavaScript. The
// original file is erased (decision 037); the audit log says who blurred what and when.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { ComplaintActionPage } from "~/components/complaint-action-page";
import { PhotoRedactForm } from "~/components/photo-redact-form";
import { readRedactRects } from "~/lib/redaction";
import { getPhotoOfComplaint, redactPhoto } from "~/models/complaint/photos.server";
import { requireComplaint } from "~/guards/complaint.server";
import { fieldErrors, formError, validateForm, type FormErrors } from "~/forms/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { idParam } from "~/utils/route-params.server";
import { assertSameOrigin } from "~/utils/request.server";
import { RedactSchema } from "~/forms/redact-form.server";

async function photoOf(request: Request, params: { id?: string; photoId?: string }) {
  const guarded = await requireComplaint(request, params, "photo.redact");
  const photoId = idParam(params.photoId);
  const photo = photoId === null ? null : await getPhotoOfComplaint({ id: guarded.id, photoId });
  if (!photo) throw new Response(null, { status: 404 });
  return { ...guarded, photo };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { complaint, photo } = await photoOf(request, params);
  const title = getFixedT(await getLanguage(request), "staff")("redact.title", { code: complaint.code });
  return json(
    { complaint: { id: complaint.id, code: complaint.code }, photo, title },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { user, id, photo } = await photoOf(request, params);
  const result = await validateForm(request, RedactSchema(), { maxBytes: 4 * 1024 });
  if (!result.ok) return result.response;
  const rects = readRedactRects(result.values);
  if (!rects.ok) return fieldErrors(rects.fieldErrors, result.values);
  const done = await redactPhoto({ id, photoId: photo.id, actorId: user.id, rects: rects.rects });
  // Another official blurred or removed it meanwhile: the page shows the photo as it is now.
  if (!done.ok) return formError("stale", result.values, 409);
  return redirect(`/staff/complaints/${id}?done=photo#done`, { status: 303 });
}

export default function RedactPhoto() {
  const { complaint, photo } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("staff");
  return (
    <ComplaintActionPage complaint={complaint} heading={t("redact.heading")} hint={t("redact.hint")} actionData={actionData}>
      <PhotoRedactForm
        src={`/photos/${photo.id}`}
        alt={t("detail.photoAlt")}
        photo={photo}
        errors={actionData?.fieldErrors ?? {}}
        values={actionData?.values ?? {}}
      />
    </ComplaintActionPage>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
