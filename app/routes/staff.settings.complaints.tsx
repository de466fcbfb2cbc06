// Administrators: per-category urgency and deadlines, the working calendar (office hours, extra
// days off, make-up days), reply templates and units with their accounts.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { FormErrorSummary } from "~/components/form-error-summary";
import { SettingsStatus } from "~/components/settings-status";
import { CalendarSettings } from "~/components/calendar-settings";
import { PolicySettings } from "~/components/policy-settings";
import { FixCheckSettings } from "~/components/fix-check-settings";
import type { SettingsErrors } from "~/components/settings-form-parts";
import { TemplateSettings } from "~/components/template-settings";
import { UnitSettings } from "~/components/unit-settings";
import { CATEGORIES } from "~/lib/complaint-workflow";
import { DEADLINE_UNITS, URGENCIES, type CategoryPolicy } from "~/lib/deadline-policy";
import { formatOfficeHours, parseOfficeHours } from "~/lib/vn-time";
import { vietnamPublicHolidays } from "~/lib/vn-holidays.server";
import { changeDeadlineRules } from "~/models/complaint/deadlines.server";
import { addUnitMember, createUnit, listUnitsWithMembers, UNIT_KINDS } from "~/models/forwarding.server";
import { createTemplate, deleteTemplate, listTemplates } from "~/models/complaint/reply-templates.server";
import { getFixCheckWeeks, saveFixCheckWeeks } from "~/models/setting.server";
import { getWorkingCalendar, listCalendarDays, listCategoryPolicies } from "~/models/working-calendar.server";
import { requirePermission } from "~/guards/auth.server";
import { formError, formToObject, validateObject, type FormErrors } from "~/forms/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { assertSameOrigin, readUrlEncodedForm } from "~/utils/request.server";
import { optionalText, requiredText, z } from "~/forms/validation.server";

const amount = /* @__PURE__ */ lazy(() =>
  z.coerce
    .number({ error: "errors.amount" })
    .int({ error: "errors.amount" })
    .min(1, { error: "errors.amount" })
    .max(500, { error: "errors.amount" }),
);
const dateKey = /* @__PURE__ */ lazy(() => z.iso.date({ error: "errors.date" }));

const SettingsSchema = /* @__PURE__ */ lazy(() =>
  z.discriminatedUnion(
    "intent",
    [
      // One row per category: <field>_<category>, checked below.
      z.object({ intent: z.literal("policies") }).catchall(z.string()),
      z.object({ intent: z.literal("officeHours"), officeHours: z.string().max(200) }).strict(),
      z
        .object({
          intent: z.literal("fixCheck"),
          fixCheckWeeks: z.coerce
            .number({ error: "fixCheckSettings.error" })
            .int({ error: "fixCheckSettings.error" })
            .min(1, { error: "fixCheckSettings.error" })
            .max(26, { error: "fixCheckSettings.error" }),
        })
        .strict(),
      z
        .object({
          intent: z.literal("addDay"),
          date: dateKey(),
          kind: z.enum(["day_off", "make_up"], { error: "errors.invalid" }),
          note: optionalText(200, "errors.invalid"),
        })
        .strict(),
      z.object({ intent: z.literal("removeDay"), date: dateKey() }).strict(),
      z
        .object({
          intent: z.literal("addTemplate"),
          category: z.union([z.enum(CATEGORIES), z.literal("")], { error: "errors.invalid" }),
          title: requiredText({ max: 100, required: "errors.titleRequired", tooLong: "errors.titleRequired" }),
          body: requiredText({ max: 2000, required: "errors.bodyRequired", tooLong: "errors.bodyRequired" }),
        })
        .strict(),
      z.object({ intent: z.literal("deleteTemplate"), templateId: z.coerce.number().int().positive() }).strict(),
      z
        .object({
          intent: z.literal("addUnit"),
          name: requiredText({ max: 100, required: "errors.nameRequired", tooLong: "errors.nameRequired" }),
          slug: z
            .string()
            .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "errors.slug" })
            .max(60, { error: "errors.slug" }),
          kind: z.enum(UNIT_KINDS, { error: "errors.invalid" }),
        })
        .strict(),
      z
        .object({
          intent: z.literal("addMember"),
          unitId: z.coerce.number().int().positive(),
          email: requiredText({ max: 200, required: "errors.memberUnknown", tooLong: "errors.memberUnknown" }),
        })
        .strict(),
    ],
    { error: "errors.invalid" },
  ),
);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "settings.edit");
  const now = new Date();
  const [policies, days, templates, units, calendar, fixCheckWeeks] = await Promise.all([
    listCategoryPolicies(),
    listCalendarDays(),
    listTemplates(),
    listUnitsWithMembers(),
    getWorkingCalendar(now),
    getFixCheckWeeks(),
  ]);
  const year = now.getUTCFullYear();
  const holidays = [...vietnamPublicHolidays(year), ...vietnamPublicHolidays(year + 1)].map((date) => ({
    date,
    reason: calendar.dayOffReason(date),
  }));
  const t = getFixedT(await getLanguage(request), "triage");
  return json({
    policies,
    officeHours: formatOfficeHours(calendar.officeHours),
    days,
    holidays,
    year,
    templates,
    units,
    fixCheckWeeks,
    title: t("settings.title"),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const admin = await requirePermission(request, "settings.edit");
  const body = await readUrlEncodedForm(request, 32 * 1024);
  if (!body.ok) return formError(body.error, {});
  const raw = formToObject(body.form);
  const result = validateObject(SettingsSchema(), raw);
  if (!result.ok) return result.response;
  const data = result.data;
  const bad = (field: string, key: string) =>
    json<FormErrors>({ fieldErrors: { [field]: key }, values: result.values }, { status: 400 });

  switch (data.intent) {
    case "policies": {
      const rows: CategoryPolicy[] = [];
      for (const category of CATEGORIES) {
        const field = (name: string) => raw[`${name}_${category}`];
        const urgency = z.enum(URGENCIES).safeParse(field("defaultUrgency"));
        if (!urgency.success) return bad(`defaultUrgency_${category}`, "errors.invalid");
        const parts: Record<string, number | string> = {};
        for (const name of ["acknowledge", "handle", "urgentHandle"]) {
          const n = amount().safeParse(field(`${name}Amount`));
          if (!n.success) return bad(`${name}Amount_${category}`, "errors.amount");
          const unit = z.enum(DEADLINE_UNITS).safeParse(field(`${name}Unit`));
          if (!unit.success) return bad(`${name}Unit_${category}`, "errors.invalid");
          parts[`${name}Amount`] = n.data;
          parts[`${name}Unit`] = unit.data;
        }
        rows.push({ category, defaultUrgency: urgency.data, ...parts } as CategoryPolicy);
      }
      await changeDeadlineRules({ kind: "policies", policies: rows }, { actorId: admin.id });
      break;
    }
    case "officeHours": {
      const hours = parseOfficeHours(data.officeHours);
      if (!hours) return bad("officeHours", "errors.officeHours");
      await changeDeadlineRules({ kind: "officeHours", hours }, { actorId: admin.id });
      break;
    }
    case "fixCheck":
      await saveFixCheckWeeks(data.fixCheckWeeks, { actorId: admin.id });
      break;
    case "addDay":
      await changeDeadlineRules(
        { kind: "addDay", date: data.date, dayKind: data.kind, note: data.note ?? "" },
        { actorId: admin.id },
      );
      break;
    case "removeDay":
      await changeDeadlineRules({ kind: "removeDay", date: data.date }, { actorId: admin.id });
      break;
    case "addTemplate":
      await createTemplate({ category: data.category || null, title: data.title, body: data.body });
      break;
    case "deleteTemplate":
      await deleteTemplate({ id: data.templateId });
      break;
    case "addUnit": {
      const created = await createUnit({ name: data.name, slug: data.slug, kind: data.kind });
      if (!created.ok) return bad("slug", "errors.slugTaken");
      break;
    }
    case "addMember": {
      const added = await addUnitMember({ unitId: data.unitId, email: data.email });
      if (!added.ok) return bad(`email_${data.unitId}`, "errors.memberUnknown");
      break;
    }
  }
  return redirect("/staff/settings/complaints?done=1", { status: 303 });
}

export default function ComplaintSettings() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("triage");
  const errors: SettingsErrors = { fieldErrors: actionData?.fieldErrors ?? {}, values: actionData?.values ?? {} };
  return (
    <>
      <p className="lead">{t("settings.heading")}</p>
      {actionData ? null : <SettingsStatus />}
      <FormErrorSummary actionData={actionData} ns="triage" prefix="errors.formErrors" />
      <PolicySettings policies={data.policies} errors={errors} />
      <CalendarSettings
        officeHours={data.officeHours}
        days={data.days}
        holidays={data.holidays}
        year={data.year}
        errors={errors}
      />
      <FixCheckSettings weeks={data.fixCheckWeeks} errors={errors} />
      <TemplateSettings templates={data.templates} errors={errors} />
      <UnitSettings units={data.units} errors={errors} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
