// Administrators set the complaint deadlines: days to acknowledge and days to resolve.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/forms";
import { SettingsStatus } from "~/components/settings-status";
import { getDeadlines, saveDeadlines } from "~/models/setting.server";
import { requireRole } from "~/utils/auth.server";
import { lazy } from "~/utils/lazy";
import { z } from "~/utils/validation.server";
import { validateForm, type FormErrors } from "~/utils/form.server";
import { assertSameOrigin } from "~/utils/request.server";

const days = () =>
  z.coerce
    .number({ error: "errors.days" })
    .int({ error: "errors.days" })
    .min(1, { error: "errors.days" })
    .max(365, { error: "errors.days" });

const DeadlinesSchema = lazy(() =>
  z.object({ intent: z.literal("deadlines"), acknowledgeDays: days(), resolveDays: days() }).strict(),
);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return json({ deadlines: await getDeadlines() });
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  await requireRole(request, ["admin"]);
  const result = await validateForm(request, DeadlinesSchema(), { maxBytes: 32 * 1024 });
  if (!result.ok) return result.response;
  await saveDeadlines(result.data);
  return redirect("/staff/settings/deadlines?done=deadlines", { status: 303 });
}

export default function Deadlines() {
  const { deadlines } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("staff");
  const errors = actionData?.fieldErrors ?? {};
  const v = actionData?.values ?? {};
  return (
    <section className="card">
      <SettingsStatus actionData={actionData} />
      <h2>{t("settings.deadlines")}</h2>
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="deadlines" />
        {(["acknowledgeDays", "resolveDays"] as const).map((name) => (
          <Field
            key={name}
            label={t(`settings.${name}`)}
            inputProps={{ name, type: "number", min: 1, max: 365, required: true, defaultValue: v[name] ?? deadlines[name] }}
            errors={errors[name] && t(errors[name])}
          />
        ))}
        <button type="submit" className="button button--primary">
          {t("settings.save")}
        </button>
      </Form>
    </section>
  );
}
