// A resident reports a problem (phản ánh): category, description, optional village, location,
// up to 3 photos and a contact for follow-up. A multipart form post that works without
// JavaScript; on success the resident gets a tracking code.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { SendButton } from "~/components/send-button";
import { FormErrorSummary } from "~/components/form-error-summary";
import { LocationField } from "~/components/location-field";
import { NotifyFields } from "~/components/notify-fields";
import { PhotoPreviews } from "~/components/photo-input";
import {
  CATEGORIES,
  COMPLAINT_TEXT_MAX as TEXT_MAX,
  COMPLAINT_TEXT_MIN as TEXT_MIN,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
} from "~/lib/complaint-workflow";
import { getCommuneBySlug } from "~/models/commune.server";
import { createComplaint, findComplaintCodeBySubmission, SubmissionConflict } from "~/models/complaint/filing.server";
import { contactFields } from "~/models/outbox.server";
import { findSimilarOpen } from "~/models/complaint/duplicates.server";
import { CheckSimilarButton, SimilarReports, type SimilarReport } from "~/components/similar-reports";
import { ALLOWED, CheckSchema, ReportSchema } from "~/forms/report-form.server";
import { formError, formToObject, keptValues, validateObject, type FormErrors } from "~/forms/form.server";
import { keyedHash } from "~/utils/hash.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { takeToken } from "~/utils/rate-limit.server";
import { readVoterId, voterCookie } from "~/utils/cookies.server";
import { mapConfig } from "~/utils/map.server";
import { assertSameOrigin } from "~/utils/request.server";
import { deletePhotos, filesOf, processPhoto, readMultipartForm, savePhoto } from "~/utils/upload.server";
import { ChoiceFieldset, Field, TextareaField } from "~/components/forms";
import { CommuneBreadcrumb } from "~/components/commune-breadcrumb";
import { WorkPicker } from "~/components/work-picker";
import { findWorkForReport, linkComplaintToWork } from "~/models/work/link.server";
import { listWorkChoices } from "~/models/work/works.server";
import { currentNotices } from "~/models/notice.server";
import { NoticeBanner } from "~/components/notice-banner";
import { phoneNewsAvailable } from "~/models/complaint/supporter-contact.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const commune = await getCommuneBySlug({ slug: params.slug ?? "" });
  if (!commune) throw new Response(null, { status: 404 });
  const t = getFixedT(await getLanguage(request), "complaint");
  return json({
    commune: { slug: commune.slug, name: commune.name, kind: commune.kind },
    notices: await currentNotices({ communeId: commune.id }),
    submissionId: crypto.randomUUID(),
    title: t("report.title", { name: commune.name }),
    map: mapConfig(),
    works: await listWorkChoices({ communeId: commune.id }),
    work: new URL(request.url).searchParams.get("work") ?? "",
    sms: phoneNewsAvailable(),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const commune = await getCommuneBySlug({ slug: params.slug ?? "" });
  if (!commune) throw new Response(null, { status: 404 });

  const ipHash = keyedHash("ip", context.clientIp ?? "unknown");
  if (new URL(request.url).searchParams.has("check")) {
    // A look-up, limited like tracking-code look-ups; photos are not even buffered.
    const allowedCheck = await takeToken("tracking", ipHash);
    const body = await readMultipartForm(request, { fields: ALLOWED, fileField: "photos", keepFiles: false });
    const raw = formToObject(body.form);
    if (!body.ok) return formError(body.error, keptValues(raw, ALLOWED), body.status);
    if (!allowedCheck) return formError("rateLimited", keptValues(raw, ALLOWED), 429);
    const checked = validateObject(CheckSchema(), raw, ALLOWED);
    if (!checked.ok) return checked.response;
    const similar = await findSimilarOpen({ communeId: commune.id, category: checked.data.category, place: checked.data });
    // The list offers "me too", which counts only with the resident's own cookie (issue 26): set it now.
    const headers = new Headers();
    if (similar.length > 0 && !(await readVoterId(request)))
      headers.append("Set-Cookie", await voterCookie.serialize(crypto.randomUUID()));
    return json({ values: checked.values, similar }, { headers });
  }
  // The rate limit comes first: a client over it costs no photo buffering and no decoding.
  const allowed = await takeToken("complaint", ipHash);
  const body = await readMultipartForm(request, { fields: ALLOWED, fileField: "photos", keepFiles: allowed });
  if (!body.ok) return formError(body.error, keptValues(formToObject(body.form), ALLOWED), body.status);
  if (!allowed) return formError("rateLimited", keptValues(formToObject(body.form), ALLOWED), 429);
  if (body.unknownField) return formError("unknownField", keptValues(formToObject(body.form), ALLOWED), 400);
  const result = validateObject(ReportSchema(), formToObject(body.form), ALLOWED);
  if (!result.ok) return result.response;
  const { data, values } = result;
  // Sent again (a retry, the offline queue): already stored, same tracking code. The same id from
  // another sender gets no code: 400, the input kept with a fresh form id, so sending again stores it.
  const conflict = () => formError("submissionConflict", { ...values, submissionId: crypto.randomUUID() });
  const sender = { submissionId: data.submissionId, communeId: commune.id, category: data.category, text: data.text };
  let done: string | null = null;
  try {
    done = sender.submissionId ? await findComplaintCodeBySubmission({ ...sender, submissionId: sender.submissionId }) : null;
  } catch (e) {
    if (e instanceof SubmissionConflict) return conflict();
    throw e;
  }
  if (done) return redirect(`/t/${done}?new=1`, { status: 303 });

  const work = data.work ? await findWorkForReport({ communeId: commune.id, code: data.work }) : null;
  if (data.work && !work) return json<FormErrors>({ fieldErrors: { work: "works:pick.unknown" }, values }, { status: 400 });
  if (body.extraPhotos) return json<FormErrors>({ fieldErrors: { photos: "errors.tooManyPhotos" }, values }, { status: 400 });
  const photos = [];
  for (const file of filesOf(body.form, "photos")) {
    const photo = await processPhoto(file);
    if (!photo) return json<FormErrors>({ fieldErrors: { photos: "errors.notAnImage" }, values }, { status: 400 });
    photos.push(photo);
  }

  const saved = [];
  try {
    for (const photo of photos) saved.push({ ...(await savePhoto(photo)), width: photo.width, height: photo.height });
    const { work: _work, ...report } = data;
    const { id, code, replayed } = await createComplaint({
      communeId: commune.id,
      ...report,
      ...contactFields(data),
      // No consent box ticked: the report is filed, and no contact is stored (decision 037).
      consent: data.consent ? "report" : null,
      ipHash,
      photos: saved,
    });
    if (replayed) await deletePhotos(saved.map((s) => s.fileName));
    else if (work) await linkComplaintToWork({ complaintId: id, workId: work.id });
    return redirect(`/t/${code}?new=1`, { status: 303 });
  } catch (e) {
    // Nothing half-stored: files written before a failure are removed.
    await deletePhotos(saved.map((s) => s.fileName));
    if (e instanceof SubmissionConflict) return conflict();
    throw e;
  }
}

export default function Report() {
  const { commune, notices, submissionId, map, works, work, sms } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors & { similar?: SimilarReport[] }>();
  const { t } = useTranslation("complaint");
  const values = actionData?.values ?? {};
  const errors = actionData?.fieldErrors ?? {};
  const err = (name: string) =>
    errors[name] &&
    t(errors[name], { min: TEXT_MIN, max: TEXT_MAX, maxPhotos: MAX_PHOTOS, maxMb: MAX_PHOTO_BYTES / 1024 / 1024 });
  return (
    <div className="page">
      <CommuneBreadcrumb commune={commune} />
      <h1>{t("report.heading", { name: commune.name })}</h1>
      <NoticeBanner notices={notices} />
      <p className="lead">{t("report.intro")}</p>
      <FormErrorSummary
        actionData={actionData}
        ns="complaint"
        prefix="report.formErrors"
        values={{ maxMb: MAX_PHOTO_BYTES / 1024 / 1024 }}
      />
      {actionData?.similar ? <SimilarReports slug={commune.slug} reports={actionData.similar} /> : null}
      <Form
        method="post"
        action={`/c/${commune.slug}/report`}
        encType="multipart/form-data"
        className="report"
        data-offline="report"
      >
        <input type="hidden" name="submissionId" value={values.submissionId ?? submissionId} />
        <ChoiceFieldset name="category" legend={t("report.category")} errors={err("category")}>
          {CATEGORIES.map((c) => (
            <label key={c} className="choice">
              <input type="radio" name="category" value={c} defaultChecked={values.category === c} required />
              <span>{t(`category.${c}`)}</span>
            </label>
          ))}
        </ChoiceFieldset>
        <TextareaField
          label={t("report.text")}
          hint={t("report.textHint", { min: TEXT_MIN, max: TEXT_MAX })}
          textareaProps={{
            name: "text",
            rows: 6,
            minLength: TEXT_MIN,
            maxLength: TEXT_MAX,
            required: true,
            defaultValue: values.text ?? "",
          }}
          errors={err("text")}
        />
        <Field
          label={t("report.village")}
          inputProps={{ name: "village", type: "text", maxLength: 100, defaultValue: values.village ?? "" }}
          errors={err("village")}
        />
        <LocationField
          latitude={values.latitude}
          longitude={values.longitude}
          error={errors.latitude ? t(errors.latitude) : undefined}
          map={map}
        />
        <WorkPicker works={works} selected={values.work ?? work} error={err("work")} />
        <CheckSimilarButton slug={commune.slug} />
        <Field
          label={t("report.photos")}
          hint={t("report.photosHint", { maxPhotos: MAX_PHOTOS, maxMb: MAX_PHOTO_BYTES / 1024 / 1024 })}
          inputProps={{ name: "photos", type: "file", accept: "image/jpeg,image/png,image/webp", multiple: true }}
          errors={err("photos")}
          after={
            <>
              <PhotoPreviews inputId="photos" max={MAX_PHOTOS} />
              <p className="hint">{t("privacy:notice.photos")}</p>
              {actionData ? <p className="hint">{t("report.photosAgain")}</p> : null}
            </>
          }
        />
        <NotifyFields values={values} errors={errors} sms={sms} />
        <SendButton label={t("report.send")} sendingLabel={t("report.sending")} />
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
