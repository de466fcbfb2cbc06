// Administrators set the integrity report's thresholds (in percent) and the re-check's margin e
// (issue 10, decision 026). Stored as shares 0..1 like the satisfaction thresholds.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { IntentForm } from "~/components/intent-form";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/forms";
import { SettingsStatus } from "~/components/settings-status";
import { INTEGRITY_KEYS, type IntegrityThresholds } from "~/lib/integrity";
import { getIntegrityThresholds, saveIntegrityThresholds } from "~/models/setting.server";
import { requirePermission } from "~/guards/auth.server";
import { lazy } from "~/utils/lazy";
import { z } from "~/forms/validation.server";
import { validateForm, type FormErrors } from "~/forms/form.server";
import { assertSameOrigin } from "~/utils/request.server";

const percent = () =>
  z.coerce
    .number({ error: "integrity:settings.percentError" })
    .min(1, { error: "integrity:settings.percentError" })
    .max(100, { error: "integrity:settings.percentError" });

const IntegritySchema = /* @__PURE__ */ lazy(() =>
  z.object({ intent: z.literal("integrity"), ...Object.fromEntries(INTEGRITY_KEYS.map((k) => [k, percent()])) }).strict(),
);

const toPercent = (share: number) => String(Math.round(share * 1000) / 10);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "settings.edit");
  const t = await getIntegrityThresholds();
  return json({ values: Object.fromEntries(INTEGRITY_KEYS.map((k) => [k, toPercent(t[k])])) as Record<string, string> });
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const admin = await requirePermission(request, "settings.edit");
  const result = await validateForm(request, IntegritySchema(), { maxBytes: 32 * 1024 });
  if (!result.ok) return result.response;
  const data = result.data as Record<string, unknown>;
  await saveIntegrityThresholds(
    Object.fromEntries(INTEGRITY_KEYS.map((k) => [k, Number(data[k]) / 100])) as IntegrityThresholds,
    {
      actorId: admin.id,
    },
  );
  return redirect("/staff/settings/integrity?done=integrity", { status: 303 });
}

export default function IntegritySettings() {
  const { values } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("integrity");
  const errors = actionData?.fieldErrors ?? {};
  const v = actionData?.values ?? {};
  return (
    <section className="card">
      <SettingsStatus actionData={actionData} />
      <h2>{t("settings.heading")}</h2>
      <p className="muted">{t("settings.intro")}</p>
      <IntentForm
        intent="integrity"
        submitLabel={t("settings.save")}
        className="inline-form"
        buttonClassName="button button--primary"
      >
        {INTEGRITY_KEYS.map((name) => (
          <Field
            key={name}
            label={t(`settings.${name}`)}
            inputProps={{
              name,
              type: "number",
              min: 1,
              max: 100,
              step: 0.1,
              required: true,
              defaultValue: v[name] ?? values[name],
            }}
            errors={errors[name] && t(errors[name])}
          />
        ))}
      </IntentForm>
    </section>
  );
}
