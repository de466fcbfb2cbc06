// The community investment supervision board records an inspection of a work (issue 22 point 5):
// the day, who inspected, the findings, up to 3 photos (the report form's pipeline: size and pixel
// limits, re-encoded, metadata dropped) and a verdict. The Front for its communes, administrators
// for any. A "degraded" verdict on a work under warranty becomes a report in the commune's inbox
// (decision 038). A multipart form that works without JavaScript. Under it, the photos of the
// work's earlier inspections, each with a link to blur parts of it (faces, number plates).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/hooks/use-language";
import { ErrorPage } from "~/components/error-page";
import { Confirmation, doneParam } from "~/components/flash";
import { FormErrorSummary } from "~/components/form-error-summary";
import { ChoiceFieldset, Field, TextareaField } from "~/components/forms";
import { PhotoPreviews } from "~/components/photo-input";
import { WarrantyText } from "~/components/work-sections";
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from "~/lib/complaint-workflow";
import { formatDate } from "~/lib/format";
import { vnIsoDay, vnStartOfDay } from "~/lib/vn-time";
import { INSPECTION_VERDICTS, type InspectionVerdict } from "~/lib/works";
import { requirePermission, requireRecordPermission } from "~/guards/auth.server";
import { formError, formToObject, keptValues, validateObject, type FormErrors } from "~/forms/form.server";
import { FINDINGS_MAX, FINDINGS_MIN, INSPECTION_FIELDS, INSPECTORS_MAX, InspectionSchema } from "~/forms/inspection-form.server";
import { getWorkToInspect, listInspectionPhotos, recordInspection, type InspectionPhoto } from "~/models/work/inspection.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { assertSameOrigin } from "~/utils/request.server";
import { deletePhotos, filesOf, processPhoto, readMultipartForm, savePhoto } from "~/utils/upload.server";

/** The work of the page, if the user may inspect it: 403 without the action, 404 for another commune's work. */
async function requireWork(request: Request, params: { id?: string }) {
  const user = await requirePermission(request, "work.inspect");
  const id = Number(params.id);
  const work = Number.isSafeInteger(id) && id > 0 ? await getWorkToInspect({ id }) : null;
  if (!work) throw new Response(null, { status: 404 });
  requireRecordPermission(user, "work.inspect", work.communeId);
  return { user, work };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { work } = await requireWork(request, params);
  const t = getFixedT(await getLanguage(request), "works");
  return json(
    {
      work,
      today: vnIsoDay(new Date()),
      inspections: await listInspectionPhotos(work.id),
      done: doneParam(request.url, ["redacted"] as const),
      title: t("inspect.title", { name: work.name }),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

const noStore = { "Cache-Control": "private, no-store" };
const fieldError = (field: string, message: string, values: Record<string, string>) =>
  json<FormErrors>({ fieldErrors: { [field]: message }, values }, { status: 400, headers: noStore });

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { user, work } = await requireWork(request, params);
  const body = await readMultipartForm(request, { fields: INSPECTION_FIELDS, fileField: "photos" });
  const values = keptValues(formToObject(body.form), INSPECTION_FIELDS);
  if (!body.ok) return formError(body.error, values, { status: body.status, headers: noStore });
  if (body.unknownField) return formError("unknownField", values, { status: 400, headers: noStore });
  const now = new Date();
  const result = validateObject(InspectionSchema(now), formToObject(body.form), INSPECTION_FIELDS);
  if (!result.ok) return result.response;
  if (body.extraPhotos) return fieldError("photos", "complaint:errors.tooManyPhotos", values);
  const photos = [];
  for (const file of filesOf(body.form, "photos")) {
    const photo = await processPhoto(file);
    if (!photo) return fieldError("photos", "complaint:errors.notAnImage", values);
    photos.push(photo);
  }
  const saved: InspectionPhoto[] = [];
  try {
    for (const photo of photos) saved.push({ ...(await savePhoto(photo)), width: photo.width, height: photo.height });
    const done = await recordInspection({
      communeId: work.communeId,
      code: work.code,
      actorId: user.id,
      inspectedOn: vnStartOfDay(result.data.inspectedOn),
      inspectors: result.data.inspectors,
      findings: result.data.findings,
      verdict: result.data.verdict as InspectionVerdict,
      photos: saved.map(({ fileName, width, height }) => ({ fileName, width, height })),
      now,
    });
    if (!done.ok) {
      await deletePhotos(saved.map((s) => s.fileName));
      return fieldError("inspectedOn", "inspect.errors.date", values);
    }
    return redirect(`/staff/works?saved=${work.id}${done.complaintId ? "&filed=1" : ""}`, { status: 303 });
  } catch (e) {
    // Nothing half-stored: photos written before a failure are removed.
    await deletePhotos(saved.map((s) => s.fileName));
    throw e;
  }
}

export default function Inspect() {
  const { work, today, inspections, done } = useLoaderData<typeof loader>();
  const lng = useLanguage();
  const actionData = useActionData<FormErrors>();
  const navigation = useNavigation();
  const { t } = useTranslation("works");
  const values = actionData?.values ?? {};
  const errors = actionData?.fieldErrors ?? {};
  const err = (name: string) => errors[name] && t(errors[name], { maxPhotos: MAX_PHOTOS, maxMb: MAX_PHOTO_BYTES / 1024 / 1024 });
  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff/works">{t("board.title")}</Link>
      </p>
      <h1>{t("inspect.title", { name: work.name })}</h1>
      <Confirmation message={done ? t(`redact.done`) : null} />
      <p className="muted">
        {work.commune.name} · {work.code}
        {work.village ? ` · ${work.village}` : null} · <WarrantyText warranty={work.warranty} />
      </p>
      <FormErrorSummary
        actionData={actionData}
        ns="complaint"
        prefix="report.formErrors"
        values={{ maxMb: MAX_PHOTO_BYTES / 1024 / 1024 }}
      />
      <Form method="post" encType="multipart/form-data" className="report" data-testid="inspection-form">
        <Field
          label={t("inspect.date")}
          inputProps={{
            name: "inspectedOn",
            type: "date",
            max: today,
            required: true,
            defaultValue: values.inspectedOn ?? today,
          }}
          errors={err("inspectedOn")}
        />
        <Field
          label={t("inspect.who")}
          hint={t("board.whoHint")}
          inputProps={{
            name: "inspectors",
            type: "text",
            maxLength: INSPECTORS_MAX,
            required: true,
            defaultValue: values.inspectors ?? "",
          }}
          errors={err("inspectors")}
        />
        <TextareaField
          label={t("inspect.findings")}
          textareaProps={{
            name: "findings",
            rows: 6,
            minLength: FINDINGS_MIN,
            maxLength: FINDINGS_MAX,
            required: true,
            defaultValue: values.findings ?? "",
          }}
          errors={err("findings")}
        />
        <ChoiceFieldset name="verdict" legend={t("inspect.verdict")} hint={t("board.verdictHint")} errors={err("verdict")}>
          {INSPECTION_VERDICTS.map((v) => (
            <label key={v} className="choice">
              <input type="radio" name="verdict" value={v} defaultChecked={values.verdict === v} required />
              <span>{t(`verdict.${v}`)}</span>
            </label>
          ))}
        </ChoiceFieldset>
        <Field
          label={t("board.photos")}
          hint={t("board.photosHint", { maxPhotos: MAX_PHOTOS, maxMb: MAX_PHOTO_BYTES / 1024 / 1024 })}
          inputProps={{ name: "photos", type: "file", accept: "image/jpeg,image/png,image/webp", multiple: true }}
          errors={err("photos")}
          after={
            <>
              <PhotoPreviews inputId="photos" max={MAX_PHOTOS} />
              {actionData ? <p className="hint">{t("board.photosAgain")}</p> : null}
            </>
          }
        />
        <button type="submit" className="button button--primary" disabled={navigation.state === "submitting"}>
          {t("inspect.save")}
        </button>
      </Form>
      {inspections.length > 0 ? (
        <section className="card" aria-labelledby="inspection-photos-heading" data-testid="inspection-photos-to-blur">
          <h2 id="inspection-photos-heading">{t("redact.photosHeading")}</h2>
          <p className="hint">{t("redact.photosHint")}</p>
          {inspections.map((i) => (
            <div key={i.inspectionId}>
              <h3>{t("redact.inspectedOn", { date: formatDate(i.inspectedOn, lng) })}</h3>
              <div className="photos photos--inspection">
                {i.photos.map((p) => (
                  <figure key={p.n}>
                    <img
                      src={`/inspection-photos/${i.inspectionId}/${p.n}`}
                      width={p.width}
                      height={p.height}
                      loading="lazy"
                      alt={t("redact.photoAlt", { date: formatDate(i.inspectedOn, lng), n: p.n + 1 })}
                    />
                    <figcaption>
                      <Link
                        to={`/staff/works/${work.id}/inspections/${i.inspectionId}/photos/${p.n}`}
                        className="button"
                        aria-label={t("redact.blurOf", { n: p.n + 1, date: formatDate(i.inspectedOn, lng) })}
                      >
                        {t("redact.blur", { n: p.n + 1 })}
                      </Link>
                    </figcaption>
                  </figure>
                ))}
              </div>
            </div>
          ))}
        </section>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
