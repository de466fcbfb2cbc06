// One complaint, for staff: the whole text (the contact behind "show contact"), photos to approve, the history with
// internal notes, and the workflow actions (officials of the commune only).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionDone, DONE_KINDS, type DoneKind } from "~/components/action-done";
import { doneParam, withDone } from "~/components/flash";
import { ComplaintActions } from "~/components/complaint-actions";
import { ComplaintTimeline } from "~/components/complaint-timeline";
import { FormError } from "~/components/forms";
import { PhotoReview } from "~/components/photo-review";
import { StaffComplaintFacts } from "~/components/staff-complaint-facts";
import { ErrorPage } from "~/components/error-page";
import { isOverdue, staffTransitions, STATUSES } from "~/lib/complaint-workflow";
import { formatDate } from "~/lib/format";
import { can, communesFor } from "~/lib/policy";
import { addStaffMessage, moveComplaint, WorkflowError } from "~/models/complaint/workflow.server";
import { approveAllPhotos, redactComplaint, setPhotoApproval } from "~/models/complaint/photos.server";
import { getStaffComplaint } from "~/models/complaint/staff.server";
import { nextOpenComplaint } from "~/models/complaint/inbox.server";
import { TriagePanel } from "~/components/triage-panel";
import { StatusTag } from "~/components/triage-badges";
import { loadTriage } from "~/models/complaint/staff.server";
import {} from "~/guards/auth.server";
import { requireComplaint } from "~/guards/complaint.server";
import { lazy } from "~/utils/lazy";
import { optionalText, requiredText, z } from "~/forms/validation.server";
import { fieldErrors, formError, validateForm, type FormErrors } from "~/forms/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { mapConfig } from "~/utils/map.server";
import { assertSameOrigin } from "~/utils/request.server";
import { useLanguage } from "~/hooks/use-language";
import { WarrantyNotice } from "~/components/warranty-notice";
import { warrantyNoticeFor } from "~/models/work/link.server";

const message = /* @__PURE__ */ lazy(() =>
  requiredText({ max: 2000, required: "errors.messageRequired", tooLong: "errors.messageTooLong" }),
);
const StaffActionSchema = /* @__PURE__ */ lazy(() =>
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
      z.object({ intent: z.literal("photosAll") }).strict(),
      z.object({ intent: z.literal("redact"), publicText: optionalText(2000, "errors.messageTooLong") }).strict(),
    ],
    { error: "errors.invalid" },
  ),
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, id, complaint: head } = await requireComplaint(request, params, "commune.read");
  const canWrite = can(user, "complaint.reply", head.communeId);
  const canOpenContact = can(user, "contact.open", head.communeId);
  const canRedact = can(user, "photo.redact", head.communeId);
  const url = new URL(request.url);
  const done = doneParam(url, DONE_KINDS);
  const [complaint, next] = await Promise.all([
    getStaffComplaint({ id }),
    canWrite ? nextOpenComplaint({ id, communeIds: communesFor(user, "commune.read"), afterAction: done !== null }) : null,
  ]);
  if (!complaint) throw new Response(null, { status: 404 });
  const lng = await getLanguage(request);
  const t = getFixedT(lng, "staff");
  const [triage, warranty] = await Promise.all([
    loadTriage({ complaint, canWrite, lng, templateId: url.searchParams.get("template") }),
    warrantyNoticeFor({ complaintId: id }),
  ]);
  return json(
    {
      complaint,
      overdue: isOverdue(complaint),
      triage,
      warranty,
      canWrite,
      canOpenContact,
      canRedact,
      done,
      next,
      map: mapConfig(),
      transitions: canWrite ? staffTransitions(complaint.status) : [],
      title: t("detail.title", { code: complaint.code }),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { user, id } = await requireComplaint(request, params, "complaint.reply");
  const result = await validateForm(request, StaffActionSchema(), { maxBytes: 32 * 1024 });
  if (!result.ok) return result.response;
  const data = result.data;
  const done: DoneKind =
    data.intent === "photosAll"
      ? "photo"
      : data.intent !== "move"
        ? data.intent
        : data.to === "new" || data.to === "reopened" || data.to === "merged"
          ? "note"
          : data.to;
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
      case "photosAll":
        await approveAllPhotos({ id, actorId: user.id });
        break;
      case "redact":
        await redactComplaint({ id, actorId: user.id, publicText: data.publicText });
        break;
    }
  } catch (e) {
    if (!(e instanceof WorkflowError)) throw e;
    if (e.reason === "replyRequired") return fieldErrors({ reply: "errors.replyRequired" }, result.values);
    return formError(e.reason, result.values, 409);
  }
  // Back to the report, not the top of the page, with a confirmation; the forms start empty.
  return redirect(withDone(`/staff/complaints/${id}`, done), { status: 303 });
}

export default function StaffComplaint() {
  const { complaint, overdue, canWrite, canOpenContact, canRedact, transitions, done, next, map, triage, warranty } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  // A new location after each successful action remounts the forms, so a sent reply never
  // stays in a box to be typed into again (with JavaScript the page is not reloaded).
  const formKey = useLocation().key;
  const { t } = useTranslation("staff");
  const lng = useLanguage();
  const errors = actionData?.fieldErrors ?? {};
  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff">{t("nav.inbox")}</Link>
      </p>
      <h1>{t("detail.heading", { code: complaint.code })}</h1>
      <p>
        <StatusTag status={complaint.status} testId="status" />
        {overdue ? <span className="tag tag--overdue">{t("inbox.overdue")}</span> : null} ·{" "}
        {t(`complaint:category.${complaint.category}`)} · {complaint.commune.name} · {formatDate(complaint.createdAt, lng)}
      </p>
      <ActionDone done={actionData ? null : done} next={canWrite ? next : null} />
      <FormError id="form-error" message={actionData?.formError && t(`detail.formErrors.${actionData.formError}`)} />

      {warranty ? <WarrantyNotice complaintId={complaint.id} notice={warranty} canWrite={canWrite} /> : null}
      <StaffComplaintFacts complaint={complaint} map={map} canOpenContact={canOpenContact} />
      <TriagePanel complaintId={complaint.id} urgency={complaint.urgency} {...triage} />
      <PhotoReview complaintId={complaint.id} photos={complaint.photos} canWrite={canWrite} canRedact={canRedact} />
      {canWrite ? (
        <ComplaintActions
          // A new location after each action, or a chosen reply template (?template=ID), remounts it.
          key={`${formKey}:${triage.templateText ?? ""}`}
          transitions={transitions}
          values={actionData?.values ?? (triage.templateText ? { reply: triage.templateText } : {})}
          errors={errors}
          publicText={complaint.publicText ?? complaint.text}
        />
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
