// For administrators: how long each kind of personal data is kept, and who the controller named on
// the privacy page is (decision 037). The retention job reads these on every run.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { Field, SelectField } from "~/components/forms";
import { IntentForm } from "~/components/intent-form";
import { SettingsStatus } from "~/components/settings-status";
import { CONTROLLERS, RETENTION_BOUNDS, RETENTION_KEYS, type RetentionSettings } from "~/lib/privacy";
import { getController, getRetentionSettings, savePrivacySettings } from "~/models/privacy/settings.server";
import { requirePermission } from "~/guards/auth.server";
import { validateForm, type FormErrors } from "~/forms/form.server";
import { optionalText, z } from "~/forms/validation.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { lazy } from "~/utils/lazy";
import { assertSameOrigin } from "~/utils/request.server";

const days = () =>
  z.coerce
    .number({ error: "settings.daysError" })
    .int({ error: "settings.daysError" })
    .min(RETENTION_BOUNDS.min, { error: "settings.daysError" })
    .max(RETENTION_BOUNDS.max, { error: "settings.daysError" });

const PrivacySettingsSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      intent: z.literal("privacy"),
      controller: z.enum(CONTROLLERS, { error: "settings.controllerError" }),
      controllerName: optionalText(200, "settings.nameTooLong"),
      ...Object.fromEntries(RETENTION_KEYS.map((k) => [k, days()])),
    })
    .strict(),
);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "privacy.admin");
  const [retention, controller] = await Promise.all([getRetentionSettings(), getController()]);
  const t = getFixedT(await getLanguage(request), "privacy");
  return json({ retention, controller, title: t("settings.heading") });
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  await requirePermission(request, "privacy.admin");
  const result = await validateForm(request, PrivacySettingsSchema(), { maxBytes: 8 * 1024 });
  if (!result.ok) return result.response;
  const data = result.data as Record<string, unknown> & {
    controller: (typeof CONTROLLERS)[number];
    controllerName: string | null;
  };
  await savePrivacySettings({
    retention: Object.fromEntries(RETENTION_KEYS.map((k) => [k, Number(data[k])])) as RetentionSettings,
    controller: { controller: data.controller, name: data.controllerName ?? "" },
  });
  return redirect("/staff/privacy/settings?done=privacy", { status: 303 });
}

export default function PrivacySettings() {
  const { retention, controller } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("privacy");
  const errors = actionData?.fieldErrors ?? {};
  const v = actionData?.values ?? {};
  return (
    <div className="page">
      <p>
        <Link to="/staff/privacy">{t("queue.heading")}</Link>
      </p>
      <section className="card">
        <SettingsStatus actionData={actionData} />
        <h1>{t("settings.heading")}</h1>
        <IntentForm intent="privacy" submitLabel={t("settings.save")} buttonClassName="button button--primary">
          <SelectField
            label={t("settings.controller")}
            selectProps={{ name: "controller", defaultValue: v.controller ?? controller.controller }}
            errors={errors.controller && t(errors.controller)}
          >
            {CONTROLLERS.map((c) => (
              <option key={c} value={c}>
                {t(`page.controller.${c}`)}
              </option>
            ))}
          </SelectField>
          <Field
            label={t("settings.controllerName")}
            hint={t("settings.controllerNameHint")}
            inputProps={{ name: "controllerName", maxLength: 200, defaultValue: v.controllerName ?? controller.name }}
            errors={errors.controllerName && t(errors.controllerName)}
          />
          {RETENTION_KEYS.map((k) => (
            <Field
              key={k}
              label={t(`settings.${k}`)}
              inputProps={{
                name: k,
                type: "number",
                min: RETENTION_BOUNDS.min,
                max: RETENTION_BOUNDS.max,
                required: true,
                defaultValue: v[k] ?? String(retention[k]),
              }}
              errors={errors[k] && t(errors[k])}
            />
          ))}
        </IntentForm>
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export function ErrorBoundary() {
  return <ErrorPage />;
}
