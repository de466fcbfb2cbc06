// Administrators set, per recognition level, the share satisfied required, the answers needed
// before a verdict and the household coverage a pre-recognition round must reach; and the
// threshold for communes not recognised. The form's fields follow the levels in the database.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CellField } from "~/components/forms";
import { IntentForm } from "~/components/intent-form";
import { SettingsStatus } from "~/components/settings-status";
import { THRESHOLD_BOUNDS } from "~/lib/score";
import { listLevels, saveThresholds } from "~/models/recognition.server";
import { getDefaultThreshold } from "~/models/setting.server";
import { requirePermission } from "~/guards/auth.server";
import { z } from "~/forms/validation.server";
import { formError, formToObject, validateObject, type FormErrors } from "~/forms/form.server";
import { localized } from "~/utils/i18n";
import { assertSameOrigin, readUrlEncodedForm } from "~/utils/request.server";
import { useLanguage } from "~/hooks/use-language";
import { levelLabel } from "~/lib/text";
import { ScrollTable } from "~/components/scroll-table";

const SHARE = { min: THRESHOLD_BOUNDS.share.min * 100, max: THRESHOLD_BOUNDS.share.max * 100 };
const SAMPLE = THRESHOLD_BOUNDS.minSample;

const percent = () =>
  z.coerce
    .number({ error: "errors.percent" })
    .min(SHARE.min, { error: "errors.percent" })
    .max(SHARE.max, { error: "errors.percent" });
const sample = () =>
  z.coerce
    .number({ error: "errors.sample" })
    .int({ error: "errors.sample" })
    .min(SAMPLE.min, { error: "errors.sample" })
    .max(SAMPLE.max, { error: "errors.sample" });

/** One share, sample and coverage field per level (share_<id>, sample_<id>, coverage_<id>), and the default's. */
function thresholdsSchema(levelIds: number[]) {
  const shape: Record<string, z.ZodType<number> | z.ZodLiteral<"thresholds">> = {
    intent: z.literal("thresholds"),
    share_default: percent(),
    sample_default: sample(),
  };
  for (const id of levelIds) {
    shape[`share_${id}`] = percent();
    shape[`sample_${id}`] = sample();
    shape[`coverage_${id}`] = percent();
  }
  return z
    .object(shape)
    .strict()
    .transform((d) => {
      const n = (key: string) => Number(d[key]);
      return {
        levels: levelIds.map((id) => ({
          id,
          thresholdShare: n(`share_${id}`) / 100,
          minSample: n(`sample_${id}`),
          coverageShare: n(`coverage_${id}`) / 100,
        })),
        defaults: { share: n("share_default") / 100, minSample: n("sample_default") },
      };
    });
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "settings.edit");
  const [levels, defaults] = await Promise.all([listLevels(), getDefaultThreshold()]);
  return json({ levels, defaults });
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const admin = await requirePermission(request, "settings.edit");
  const body = await readUrlEncodedForm(request, 32 * 1024);
  if (!body.ok) return formError(body.error, {});
  const levels = await listLevels();
  const result = validateObject(thresholdsSchema(levels.map((l) => l.id)), formToObject(body.form));
  if (!result.ok) return result.response;
  await saveThresholds({ ...result.data, actorId: admin.id });
  return redirect("/staff/settings/thresholds?done=thresholds", { status: 303 });
}

export default function Thresholds() {
  const { levels, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("staff");
  const lng = useLanguage();
  const errors = actionData?.fieldErrors ?? {};
  const rows = [
    ...levels.map((l) => ({
      id: String(l.id),
      name: levelLabel(localized(l, "name", lng), l.period),
      share: l.thresholdShare,
      min: l.minSample,
      coverage: l.coverageShare as number | null,
    })),
    { id: "default", name: t("settings.notRecognised"), share: defaults.share, min: defaults.minSample, coverage: null },
  ];
  // A number in a table cell: labelled by its column and row, its error right below it.
  const cell = (name: string, label: string, props: { min: number; max?: number; step: string }, value: number) => (
    <CellField
      label={label}
      inputProps={{ name, type: "number", ...props, required: true, defaultValue: actionData?.values[name] ?? value }}
      errors={errors[name] && t(errors[name])}
    />
  );
  return (
    <section className="card">
      <SettingsStatus actionData={actionData} />
      <h2>{t("settings.thresholds")}</h2>
      <p className="hint">{t("settings.thresholdsHint")}</p>
      <IntentForm intent="thresholds" submitLabel={t("settings.save")} buttonClassName="button button--primary">
        <ScrollTable label={t("settings.thresholds")}>
          <table className="data-table">
            <thead>
              <tr>
                <th>{t("settings.level")}</th>
                <th>{t("settings.share")}</th>
                <th>{t("settings.minSample")}</th>
                <th>{t("settings.coverage")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.name}</th>
                  <td>
                    {cell(
                      `share_${row.id}`,
                      `${t("settings.share")}: ${row.name}`,
                      { min: SHARE.min, max: SHARE.max, step: "0.1" },
                      Math.round(row.share * 1000) / 10,
                    )}
                  </td>
                  <td>
                    {cell(`sample_${row.id}`, `${t("settings.minSample")}: ${row.name}`, { min: SAMPLE.min, step: "1" }, row.min)}
                  </td>
                  <td>
                    {row.coverage === null
                      ? "—"
                      : cell(
                          `coverage_${row.id}`,
                          `${t("settings.coverage")}: ${row.name}`,
                          { min: SHARE.min, max: SHARE.max, step: "1" },
                          Math.round(row.coverage * 100),
                        )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </IntentForm>
    </section>
  );
}
