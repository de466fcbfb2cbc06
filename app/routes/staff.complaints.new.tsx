// An official enters a report received by phone, letter, in person or at a loudspeaker feedback
// meeting, on the resident's behalf (issue 24). It follows the same workflow and deadlines, the
// clock starting on the day received; the receipt with the tracking code comes next.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { IntakeForm } from "~/components/intake-form";
import { ReportChannel } from "~/generated/prisma/enums";
import { vnIsoDay, vnStartOfDay } from "~/lib/vn-time";
import { enterReceivedReport } from "~/models/complaint/intake.server";
import { requireCommunePermission, requirePermission } from "~/guards/auth.server";
import { fieldErrors, formError, formToObject, keptValues, validateObject } from "~/forms/form.server";
import { notifyContactFields, z } from "~/forms/validation.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { reportFields } from "~/forms/report-form.server";
import { assertSameOrigin } from "~/utils/request.server";
import { deletePhotos, filesOf, processPhoto, readMultipartForm, savePhoto } from "~/utils/upload.server";

const INTAKE_CHANNELS = Object.values(ReportChannel).filter((c) => c !== "web");

const IntakeSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      communeId: z.coerce.number({ error: "reach:intake.errors.commune" }).int().positive("reach:intake.errors.commune"),
      channel: z.enum(INTAKE_CHANNELS, { error: "reach:intake.errors.channel" }),
      receivedOn: z.iso.date({ error: "reach:intake.errors.receivedOn" }),
      ...reportFields(),
      ...notifyContactFields(),
      consent: z.literal("on", { error: "errors.invalid" }).optional(),
    })
    .strict(),
);

const ALLOWED = new Set(["communeId", "channel", "receivedOn", "category", "text", "village", "email", "phone", "consent"]);
const REFUSALS = { receivedInFuture: "receivedOn", consentRequired: "consent" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "complaint.reply");
  const t = getFixedT(await getLanguage(request), "reach");
  return json({
    communes: user.communes.map((c) => ({ id: c.id, name: c.name })),
    channels: INTAKE_CHANNELS,
    today: vnIsoDay(new Date()),
    title: t("intake.title"),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requirePermission(request, "complaint.reply");
  const body = await readMultipartForm(request, { fields: ALLOWED, fileField: "scan" });
  const raw = formToObject(body.form);
  if (!body.ok) return formError(body.error, keptValues(raw, ALLOWED), body.status);
  if (body.unknownField) return formError("unknownField", keptValues(raw, ALLOWED), 400);
  const result = validateObject(IntakeSchema(), raw, ALLOWED);
  if (!result.ok) return result.response;
  const { data, values } = result;
  requireCommunePermission(user, "complaint.reply", data.communeId);
  const files = filesOf(body.form, "scan");
  if (files.length > 1 || body.extraPhotos) return fieldErrors({ scan: "reach:intake.errors.scan" }, values);
  const scan = files[0] ? await processPhoto(files[0]) : null;
  if (files[0] && !scan) return fieldErrors({ scan: "errors.notAnImage" }, values);
  const saved = scan ? await savePhoto(scan) : null;
  try {
    const entered = await enterReceivedReport({
      communeId: data.communeId,
      enteredById: user.id,
      channel: data.channel,
      receivedAt: vnStartOfDay(data.receivedOn),
      category: data.category,
      text: data.text,
      village: data.village,
      email: data.email,
      phone: data.phone,
      contactConsent: data.consent === "on",
      scanFileName: saved?.fileName ?? null,
    });
    if (!entered.ok) {
      if (saved) await deletePhotos([saved.fileName]);
      return fieldErrors({ [REFUSALS[entered.reason]]: `reach:intake.errors.${entered.reason}` }, values);
    }
    return redirect(`/staff/complaints/${entered.id}/receipt`, { status: 303 });
  } catch (e) {
    if (saved) await deletePhotos([saved.fileName]);
    throw e;
  }
}

export default function EnterReceivedReport() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("reach");
  return (
    <>
      <h1>{t("intake.title")}</h1>
      <p className="lead">{t("intake.intro")}</p>
      <IntakeForm {...data} actionData={actionData && "values" in actionData ? actionData : undefined} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
