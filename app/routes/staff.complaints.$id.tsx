// One complaint, for staff: the whole text and contact, photos to approve, the history with
// internal notes, and the workflow actions (officials of the commune only).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ComplaintTimeline } from "~/components/complaint-timeline";
import { ErrorPage } from "~/components/error-page";
import { isOverdue, requiresPublicReply, staffTransitions, STATUSES } from "~/lib/complaint-workflow";
import { formatDate } from "~/lib/format";
import {
  addStaffMessage,
  getComplaintCommuneId,
  getStaffComplaint,
  moveComplaint,
  redactComplaint,
  setPhotoApproval,
  WorkflowError,
} from "~/models/complaint.server";
import { TriagePanel } from "~/components/triage-panel";
import { loadTriage } from "~/models/triage-view.server";
import { requireCommuneAccess, requireUser } from "~/utils/auth.server";
import { lazy } from "~/utils/lazy";
import { optionalText, requiredText, z } from "~/utils/validation.server";
import { formError, validateForm, type FormErrors } from "~/utils/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { assertSameOrigin } from "~/utils/request.server";

const message = lazy(() => requiredText({ max: 2000, required: "errors.messageRequired", tooLong: "errors.messageTooLong" }));
const StaffActionSchema = lazy(() =>
  z.discriminatedUnion(
    "intent",
    [
      z
        .object({
          intent: z.literal("move"),
          to: z.enum(STATUSES, { error: "errors.invalid" }),
          reply: optionalText(2000, "errors.messageTooLong"),
        })
        .strict(),
      z.object({ intent: z.literal("reply"), body: message() }).strict(),
      z.object({ intent: z.literal("note"), body: message() }).strict(),
      z
        .object({ intent: z.literal("photo"), photoId: z.coerce.number().int().positive(), approved: z.enum(["1", "0"]) })
        .strict(),
      z.object({ intent: z.literal("redact"), publicText: optionalText(2000, "errors.messageTooLong") }).strict(),
    ],
    { error: "errors.invalid" },
  ),
);

async function guard(request: Request, params: { id?: string }, mode: "read" | "write") {
  const user = await requireUser(request);
  const id = Number(params.id);
  const communeId = Number.isSafeInteger(id) && id > 0 ? await getComplaintCommuneId({ id }) : null;
  if (communeId === null) throw new Response(null, { status: 404 });
  requireCommuneAccess(user, communeId, mode);
  return { user, id };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, id } = await guard(request, params, "read");
  const complaint = await getStaffComplaint({ id });
  if (!complaint) throw new Response(null, { status: 404 });
  const canWrite = user.role === "official";
  const lng = await getLanguage(request);
  const t = getFixedT(lng, "staff");
  const triage = await loadTriage({ complaint, canWrite, lng, templateId: new URL(request.url).searchParams.get("template") });
  return json(
    {
      complaint,
      overdue: isOverdue(complaint),
      triage,
      canWrite,
      transitions: canWrite ? staffTransitions(complaint.status) : [],
      title: t("detail.title", { code: complaint.code }),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { user, id } = await guard(request, params, "write");
  const result = await validateForm(request, StaffActionSchema(), { maxBytes: 32 * 1024 });
  if (!result.ok) return result.response;
  const data = result.data;
  try {
    switch (data.intent) {
      case "move":
        await moveComplaint({ id, actorId: user.id, to: data.to, reply: data.reply });
        break;
      case "reply":
      case "note":
        await addStaffMessage({
          id,
          actorId: user.id,
          body: data.body,
          visibility: data.intent === "reply" ? "public" : "internal",
        });
        break;
      case "photo":
        await setPhotoApproval({ id, photoId: data.photoId, actorId: user.id, approved: data.approved === "1" });
        break;
      case "redact":
        await redactComplaint({ id, actorId: user.id, publicText: data.publicText });
        break;
    }
  } catch (e) {
    if (!(e instanceof WorkflowError)) throw e;
    if (e.reason === "replyRequired")
      return json<FormErrors>({ fieldErrors: { reply: "errors.replyRequired" }, values: result.values }, { status: 400 });
    return formError(e.reason, result.values, 409);
  }
  return redirect(`/staff/complaints/${id}`, { status: 303 });
}

export default function StaffComplaint() {
  const { complaint, overdue, canWrite, transitions, triage } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t, i18n } = useTranslation("staff");
  const errors = actionData?.fieldErrors ?? {};
  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff">{t("nav.inbox")}</Link>
      </p>
      <h1>{t("detail.heading", { code: complaint.code })}</h1>
      <p>
        <span className={`status status--${complaint.status}`} data-testid="status">
          {t(`complaint:status.${complaint.status}`)}
        </span>
        {overdue ? <span className="tag tag--overdue">{t("inbox.overdue")}</span> : null} ·{" "}
        {t(`complaint:category.${complaint.category}`)} · {complaint.commune.name} ·{" "}
        {formatDate(complaint.createdAt, i18n.language)}
      </p>
      {actionData?.formError ? (
        <p className="form-error" role="alert" id="form-error">
          {t(`detail.formErrors.${actionData.formError}`)}
        </p>
      ) : null}

      <section className="card">
        <h2>{t("detail.text")}</h2>
        <blockquote className="complaint-text" data-testid="original-text">
          {complaint.text}
        </blockquote>
        {complaint.publicText ? (
          <>
            <h3>{t("detail.publicText")}</h3>
            <blockquote className="complaint-text">{complaint.publicText}</blockquote>
          </>
        ) : null}
        <dl className="facts">
          {complaint.village ? (
            <>
              <dt>{t("detail.village")}</dt>
              <dd>{complaint.village}</dd>
            </>
          ) : null}
          {complaint.latitude !== null && complaint.longitude !== null ? (
            <>
              <dt>{t("detail.location")}</dt>
              <dd>
                {complaint.latitude}, {complaint.longitude}
              </dd>
            </>
          ) : null}
          <dt>{t("detail.contact")}</dt>
          <dd data-testid="contact">{complaint.contact ?? t("detail.noContact")}</dd>
          {complaint.handlingRating ? (
            <>
              <dt>{t("detail.rating")}</dt>
              <dd>{complaint.handlingRating}/5</dd>
            </>
          ) : null}
        </dl>
      </section>

      <TriagePanel complaintId={complaint.id} urgency={complaint.urgency} {...triage} />

      {complaint.photos.length > 0 ? (
        <section className="card">
          <h2>{t("detail.photos")}</h2>
          <div className="photos">
            {complaint.photos.map((p) => (
              <figure key={p.id}>
                <img src={`/photos/${p.id}`} width={p.width} height={p.height} alt={t("detail.photoAlt")} loading="lazy" />
                <figcaption>
                  {p.approved ? t("detail.photoPublic") : t("detail.photoPending")}
                  {canWrite ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="photo" />
                      <input type="hidden" name="photoId" value={p.id} />
                      <input type="hidden" name="approved" value={p.approved ? "0" : "1"} />
                      <button type="submit" className="button">
                        {p.approved ? t("detail.photoHide") : t("detail.photoApprove")}
                      </button>
                    </Form>
                  ) : null}
                </figcaption>
              </figure>
            ))}
          </div>
        </section>
      ) : null}

      {canWrite && transitions.length > 0 ? (
        <section className="card">
          <h2>{t("detail.move")}</h2>
          <Form method="post" className="move-form">
            <input type="hidden" name="intent" value="move" />
            <fieldset className="choice-list">
              <legend>{t("detail.moveTo")}</legend>
              {transitions.map((s) => (
                <label key={s} className="choice">
                  <input type="radio" name="to" value={s} required defaultChecked={actionData?.values.to === s} />
                  <span>
                    {t(`complaint:status.${s}`)}
                    {requiresPublicReply(s) ? ` (${t("detail.needsReply")})` : ""}
                  </span>
                </label>
              ))}
            </fieldset>
            <div className="field">
              <label htmlFor="move-reply">{t("detail.publicReply")}</label>
              <textarea
                key={triage.templateText ?? ""}
                id="move-reply"
                name="reply"
                rows={3}
                maxLength={2000}
                defaultValue={actionData?.values.reply ?? triage.templateText ?? ""}
                aria-invalid={errors.reply ? true : undefined}
                aria-describedby={errors.reply ? "reply-error" : undefined}
              />
              {errors.reply ? (
                <p className="field-error" id="reply-error">
                  {t(errors.reply)}
                </p>
              ) : null}
            </div>
            <button type="submit" className="button button--primary">
              {t("detail.moveSubmit")}
            </button>
          </Form>
        </section>
      ) : null}

      {canWrite ? (
        <section className="card">
          <h2>{t("detail.write")}</h2>
          <Form method="post">
            <div className="field">
              <label htmlFor="body">{t("detail.message")}</label>
              <textarea
                id="body"
                name="body"
                rows={3}
                maxLength={2000}
                required
                defaultValue={actionData?.values.body ?? ""}
                aria-invalid={errors.body ? true : undefined}
                aria-describedby={errors.body ? "body-error" : undefined}
              />
              {errors.body ? (
                <p className="field-error" id="body-error">
                  {t(errors.body)}
                </p>
              ) : null}
            </div>
            <div className="button-row">
              <button type="submit" name="intent" value="reply" className="button button--primary">
                {t("detail.sendReply")}
              </button>
              <button type="submit" name="intent" value="note" className="button">
                {t("detail.sendNote")}
              </button>
            </div>
          </Form>
          <Form method="post" className="redact-form">
            <input type="hidden" name="intent" value="redact" />
            <div className="field">
              <label htmlFor="publicText">{t("detail.redactLabel")}</label>
              <p className="hint">{t("detail.redactHint")}</p>
              <textarea
                id="publicText"
                name="publicText"
                rows={4}
                maxLength={2000}
                defaultValue={complaint.publicText ?? complaint.text}
              />
            </div>
            <button type="submit" className="button">
              {t("detail.redactSubmit")}
            </button>
          </Form>
        </section>
      ) : null}

      <section className="card">
        <h2>{t("detail.history")}</h2>
        <ComplaintTimeline events={complaint.events} staff />
      </section>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
