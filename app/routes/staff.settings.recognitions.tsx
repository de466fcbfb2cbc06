// Administrators record official recognition decisions (commune, level, decision number, date)
// and revoke them with a reason. Wards are never recognised: recogniseCommune refuses them (isRural).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, SelectField } from "~/components/forms";
import { IntentForm } from "~/components/intent-form";
import { SettingsStatus } from "~/components/settings-status";
import { formatDate } from "~/lib/format";
import { isRural } from "~/lib/rural";
import { vnStartOfDay } from "~/lib/vn-time";
import { listCommunes } from "~/models/commune.server";
import { listLevels, listRecentRecognitions, recogniseCommune, revokeRecognition } from "~/models/recognition.server";
import { requirePermission } from "~/guards/auth.server";
import { lazy } from "~/utils/lazy";
import { requiredText, z } from "~/forms/validation.server";
import { fieldErrors, formError, validateForm, type FormErrors } from "~/forms/form.server";
import { localized } from "~/utils/i18n";
import { assertSameOrigin } from "~/utils/request.server";
import { useLanguage } from "~/hooks/use-language";
import { levelLabel } from "~/lib/text";
import { ScrollTable } from "~/components/scroll-table";

const RecognitionActionSchema = /* @__PURE__ */ lazy(() =>
  z.discriminatedUnion(
    "intent",
    [
      z
        .object({
          intent: z.literal("recognise"),
          communeId: z.coerce.number().int().positive({ error: "errors.invalid" }),
          levelId: z.coerce.number().int().positive({ error: "errors.invalid" }),
          decisionNumber: requiredText({ max: 100, required: "errors.decisionRequired", tooLong: "errors.decisionRequired" }),
          decidedOn: z.iso.date({ error: "errors.date" }),
        })
        .strict(),
      z
        .object({
          intent: z.literal("revoke"),
          recognitionId: z.coerce.number().int().positive(),
          reason: requiredText({ max: 500, required: "errors.reasonRequired", tooLong: "errors.reasonRequired" }),
        })
        .strict(),
    ],
    { error: "errors.invalid" },
  ),
);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "settings.edit");
  const [levels, recognitions, communes] = await Promise.all([listLevels(), listRecentRecognitions(), listCommunes()]);
  return json({
    levels,
    recognitions,
    communes: communes.filter((c) => isRural(c.kind)).map((c) => ({ id: c.id, name: c.name })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  await requirePermission(request, "settings.edit");
  const result = await validateForm(request, RecognitionActionSchema(), { maxBytes: 32 * 1024 });
  if (!result.ok) return result.response;
  const data = result.data;
  if (data.intent === "recognise") {
    const { intent: _intent, decidedOn, ...rest } = data;
    const saved = await recogniseCommune({ ...rest, decidedOn: vnStartOfDay(decidedOn) });
    if (!saved.ok) return fieldErrors({ [saved.field]: "errors.invalid" }, result.values);
  } else {
    const revoked = await revokeRecognition({ id: data.recognitionId, reason: data.reason });
    if (!revoked.ok) return formError(revoked.reason, result.values, 409);
  }
  return redirect(`/staff/settings/recognitions?done=${data.intent}`, { status: 303 });
}

export default function Recognitions() {
  const { levels, recognitions, communes } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("staff");
  const lng = useLanguage();
  const errors = actionData?.fieldErrors ?? {};
  const err = (name: string) => errors[name] && t(errors[name]);
  return (
    <section className="card">
      <SettingsStatus actionData={actionData} />
      <h2>{t("settings.recognitions")}</h2>
      <IntentForm
        intent="recognise"
        submitLabel={t("settings.recognise")}
        className="inline-form"
        buttonClassName="button button--primary"
      >
        <SelectField
          label={t("settings.commune")}
          selectProps={{ name: "communeId", required: true, defaultValue: "" }}
          errors={err("communeId")}
        >
          <option value="" disabled>
            —
          </option>
          {communes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("settings.level")} selectProps={{ name: "levelId", required: true }} errors={err("levelId")}>
          {levels.map((l) => (
            <option key={l.id} value={l.id}>
              {levelLabel(localized(l, "name", lng), l.period)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("settings.decisionNumber")}
          inputProps={{ name: "decisionNumber", required: true, maxLength: 100 }}
          errors={err("decisionNumber")}
        />
        <Field
          label={t("settings.decidedOn")}
          inputProps={{ name: "decidedOn", type: "date", required: true }}
          errors={err("decidedOn")}
        />
      </IntentForm>
      <ScrollTable label={t("settings.recognitions")}>
        <table className="data-table">
          <thead>
            <tr>
              <th>{t("settings.commune")}</th>
              <th>{t("settings.level")}</th>
              <th>{t("settings.decisionNumber")}</th>
              <th>{t("settings.state")}</th>
            </tr>
          </thead>
          <tbody>
            {recognitions.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.commune.name}
                  {r.isDemo ? <span className="tag tag--demo">{t("common:demo.tag")}</span> : null}
                </td>
                <td>{localized(r.level, "name", lng)}</td>
                <td>
                  {r.decisionNumber} · {formatDate(r.decidedOn, lng)}
                </td>
                <td>
                  {r.revokedOn ? (
                    t("settings.revokedOn", { date: formatDate(r.revokedOn, lng), reason: r.revokedReason })
                  ) : (
                    <IntentForm intent="revoke" submitLabel={t("settings.revoke")} className="inline-form">
                      <input type="hidden" name="recognitionId" value={r.id} />
                      <input
                        name="reason"
                        required
                        maxLength={500}
                        placeholder={t("settings.revokeReason")}
                        aria-label={t("settings.revokeReason")}
                      />
                    </IntentForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
