// One report as a unit sees it (only if it was forwarded to the unit: 404 otherwise): accept it,
// return it to the commune with a reason, or close it with a public reply once handled. The
// deadline, the place (with a map link) and the approved photos come first.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ComplaintTimeline } from "~/components/complaint-timeline";
import { ErrorPage } from "~/components/error-page";
import { FormErrorSummary } from "~/components/form-error-summary";
import { TextareaField } from "~/components/forms";
import { IntentForm } from "~/components/intent-form";
import { StatusTag, UrgencyTag } from "~/components/triage-badges";
import { formatDate } from "~/lib/format";
import { isOverdue } from "~/lib/complaint-workflow";
import { WorkflowError } from "~/models/complaint/workflow.server";
import { acceptForwarding, getUnitComplaint, getUserUnit, resolveByUnit, returnForwarding } from "~/models/forwarding.server";
import { requirePermission } from "~/guards/auth.server";
import { formError, validateForm, type FormErrors } from "~/forms/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { assertSameOrigin } from "~/utils/request.server";
import { requiredText, z } from "~/forms/validation.server";

const UnitActionSchema = /* @__PURE__ */ lazy(() =>
  z.discriminatedUnion(
    "intent",
    [
      z.object({ intent: z.literal("accept") }).strict(),
      z
        .object({
          intent: z.literal("return"),
          reason: requiredText({ max: 1000, required: "errors.reasonRequired", tooLong: "errors.reasonRequired" }),
        })
        .strict(),
      z
        .object({
          intent: z.literal("resolve"),
          reply: requiredText({ max: 2000, required: "errors.replyRequired", tooLong: "errors.replyRequired" }),
        })
        .strict(),
    ],
    { error: "errors.invalid" },
  ),
);

async function guard(request: Request, params: { id?: string }) {
  const user = await requirePermission(request, "forwarded.handle");
  const id = Number(params.id);
  const unit = await getUserUnit({ userId: user.id });
  if (!unit || !Number.isSafeInteger(id) || id <= 0) throw new Response(null, { status: 404 });
  const complaint = await getUnitComplaint({ id, unitId: unit.id });
  if (!complaint) throw new Response(null, { status: 404 });
  return { user, unit, complaint };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { unit, complaint } = await guard(request, params);
  const t = getFixedT(await getLanguage(request), "triage");
  const { text, publicText, ...rest } = complaint;
  return json(
    {
      unit,
      complaint: { ...rest, text: publicText ?? text },
      active: complaint.forwardings.find((f) => f.status === "pending" || f.status === "accepted") ?? null,
      overdue: isOverdue(complaint),
      title: t("unit.detailTitle", { code: complaint.code }),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { user, unit, complaint } = await guard(request, params);
  const result = await validateForm(request, UnitActionSchema(), { maxBytes: 16 * 1024 });
  if (!result.ok) return result.response;
  const data = result.data;
  const base = { id: complaint.id, unitId: unit.id, actorId: user.id };
  try {
    if (data.intent === "accept") await acceptForwarding(base);
    else if (data.intent === "return") await returnForwarding({ ...base, reason: data.reason });
    else await resolveByUnit({ ...base, reply: data.reply });
  } catch (e) {
    if (e instanceof WorkflowError) return formError(e.reason, result.values, 409);
    throw e;
  }
  return redirect(data.intent === "return" ? "/staff/unit" : `/staff/unit/${complaint.id}`, { status: 303 });
}

export default function UnitComplaint() {
  const { complaint, active, overdue } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t, i18n } = useTranslation("triage");
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  const textField = (name: string, label: string, max: number) => (
    <TextareaField
      label={label}
      textareaProps={{ name, rows: 3, maxLength: max, required: true, defaultValue: values[name] ?? "" }}
      errors={errors[name] && t(errors[name])}
    />
  );
  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff/unit">{t("unit.nav")}</Link>
      </p>
      <h1>{t("unit.detailTitle", { code: complaint.code })}</h1>
      <p>
        <StatusTag status={complaint.status} testId="status" /> <UrgencyTag urgency={complaint.urgency} /> ·{" "}
        {t(`complaint:category.${complaint.category}`)} · {t("unit.from", { commune: complaint.commune.name })} ·{" "}
        {formatDate(complaint.createdAt, i18n.language)}
        {complaint.village ? ` · ${complaint.village}` : ""}
      </p>
      <blockquote className="complaint-text">{complaint.text}</blockquote>
      {/* What the unit needs to go and fix it (issue 23): the deadline, where, and the photos. */}
      <dl className="facts" data-testid="unit-facts">
        <dt>{t("deadlines.handleBy")}</dt>
        <dd data-testid="unit-deadline">
          {complaint.handleBy ? formatDate(complaint.handleBy, i18n.language) : t("unitPage.noDeadline")}
          {overdue ? <span className="tag tag--overdue">{t("unitPage.overdue")}</span> : null}
        </dd>
        <dt>{t("unitPage.place")}</dt>
        <dd>
          {complaint.village ?? t("mergeForm.noVillage")}
          {complaint.latitude !== null && complaint.longitude !== null ? (
            <>
              {" · "}
              <a
                href={`https://www.openstreetmap.org/?mlat=${complaint.latitude}&mlon=${complaint.longitude}#map=18/${complaint.latitude}/${complaint.longitude}`}
                target="_blank"
                rel="noopener noreferrer"
                data-testid="unit-map"
              >
                {t("unitPage.map", { lat: complaint.latitude.toFixed(6), lon: complaint.longitude.toFixed(6) })}
              </a>
            </>
          ) : null}
        </dd>
        <dt>{t("unitPage.photos")}</dt>
        <dd>
          {complaint.photos.length > 0 ? t("unitPage.photoCount", { count: complaint.photos.length }) : t("unitPage.noPhoto")}
        </dd>
      </dl>
      {complaint.photos.length > 0 ? (
        <div className="photos" data-testid="unit-photos">
          {complaint.photos.map((p) => (
            <a key={p.id} href={`/photos/${p.id}`}>
              <img src={`/photos/${p.id}`} width={p.width} height={p.height} alt={t("unitPage.photoAlt")} loading="lazy" />
            </a>
          ))}
        </div>
      ) : null}
      <FormErrorSummary actionData={actionData} ns="triage" prefix="errors.formErrors" />
      {active ? (
        <section className="card">
          <h2>{t("unit.note")}</h2>
          <p className="complaint-text" data-testid="forward-note">
            {active.note}
          </p>
          <p>
            {/* the resident's contact, for the unit handling the report: opening it is logged */}
            <Link to={`/staff/complaints/${complaint.id}/contact`}>{t("privacy:contact.show")}</Link>
          </p>
          {active.status === "pending" ? (
            <IntentForm intent="accept" submitLabel={t("unit.accept")} buttonClassName="button button--primary" />
          ) : (
            <IntentForm intent="resolve" submitLabel={t("unit.resolve")} buttonClassName="button button--primary">
              {textField("reply", t("unit.resolveLabel"), 2000)}
            </IntentForm>
          )}
          <IntentForm intent="return" submitLabel={t("unit.return")}>
            {textField("reason", t("unit.returnLabel"), 1000)}
          </IntentForm>
        </section>
      ) : null}
      <section className="card">
        <h2>{t("forward.history")}</h2>
        <ComplaintTimeline events={complaint.events} />
      </section>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
