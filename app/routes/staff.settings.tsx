// Administrators: satisfaction thresholds per recognition level (and for communes not
// recognised), a link to complaint deadlines, and recognition decisions (record, revoke).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";
import { vnStartOfDay } from "~/lib/vn-time";
import { listCommunes } from "~/models/commune.server";
import {
  createRecognition,
  listLevels,
  listRecentRecognitions,
  revokeRecognition,
  updateLevelThresholds,
} from "~/models/recognition.server";
import { getDefaultThreshold, SETTING_KEYS, writeSettings } from "~/models/setting.server";
import { requireRole } from "~/utils/auth.server";
import { lazy } from "~/utils/lazy";
import { requiredText, z } from "~/utils/validation.server";
import { formError, formToObject, validateObject, type FormErrors } from "~/utils/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { localized } from "~/utils/i18n";
import { assertSameOrigin, readUrlEncodedForm } from "~/utils/request.server";
import { useLanguage } from "~/utils/use-language";

const percent = lazy(() =>
  z.coerce.number({ error: "errors.percent" }).min(1, { error: "errors.percent" }).max(100, { error: "errors.percent" }),
);
const sample = lazy(() =>
  z.coerce
    .number({ error: "errors.sample" })
    .int({ error: "errors.sample" })
    .min(5, { error: "errors.sample" })
    .max(100_000, { error: "errors.sample" }),
);
const SettingsActionSchema = lazy(() =>
  z.discriminatedUnion(
    "intent",
    [
      // Thresholds arrive as share_<levelId> / sample_<levelId>, plus share_default / sample_default.
      z.object({ intent: z.literal("thresholds") }).catchall(z.string()),
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
  await requireRole(request, ["admin"]);
  const [levels, defaults, recognitions, communes] = await Promise.all([
    listLevels(),
    getDefaultThreshold(),
    listRecentRecognitions(),
    listCommunes(),
  ]);
  const t = getFixedT(await getLanguage(request), "staff");
  return json({
    levels,
    defaults,
    recognitions,
    communes: communes.filter((c) => c.kind !== "phuong").map((c) => ({ id: c.id, name: c.name })),
    title: t("settings.title"),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  await requireRole(request, ["admin"]);
  const body = await readUrlEncodedForm(request, 32 * 1024);
  if (!body.ok) return formError(body.error, {});
  const raw = formToObject(body.form);
  const result = validateObject(SettingsActionSchema(), raw);
  if (!result.ok) return result.response;
  const data = result.data;
  const bad = (field: string, key: string) =>
    json<FormErrors>({ fieldErrors: { [field]: key }, values: result.values }, { status: 400 });

  if (data.intent === "thresholds") {
    const levels = await listLevels();
    const rows = [];
    for (const id of [...levels.map((l) => String(l.id)), "default"]) {
      const share = percent().safeParse(raw[`share_${id}`]);
      if (!share.success) return bad(`share_${id}`, "errors.percent");
      const min = sample().safeParse(raw[`sample_${id}`]);
      if (!min.success) return bad(`sample_${id}`, "errors.sample");
      const cover = id === "default" ? { success: true as const, data: 70 } : percent().safeParse(raw[`coverage_${id}`]);
      if (!cover.success) return bad(`coverage_${id}`, "errors.percent");
      rows.push({ id, thresholdShare: share.data / 100, minSample: min.data, coverageShare: cover.data / 100 });
    }
    const [def] = rows.splice(-1);
    await updateLevelThresholds(rows.map((r) => ({ ...r, id: Number(r.id) })));
    await writeSettings({
      [SETTING_KEYS.defaultThresholdShare]: String(def.thresholdShare),
      [SETTING_KEYS.defaultMinSample]: String(def.minSample),
    });
  } else if (data.intent === "recognise") {
    const [levels, communes] = await Promise.all([listLevels(), listCommunes()]);
    if (!levels.some((l) => l.id === data.levelId)) return bad("levelId", "errors.invalid");
    if (!communes.some((c) => c.id === data.communeId)) return bad("communeId", "errors.invalid");
    await createRecognition({
      communeId: data.communeId,
      levelId: data.levelId,
      decisionNumber: data.decisionNumber,
      decidedOn: vnStartOfDay(data.decidedOn),
    });
  } else {
    if (!(await revokeRecognition({ id: data.recognitionId, reason: data.reason })))
      return formError("alreadyRevoked", result.values, 409);
  }
  return redirect(`/staff/settings?done=${data.intent}`, { status: 303 });
}

export default function Settings() {
  const { levels, defaults, recognitions, communes } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const [params] = useSearchParams();
  const { t } = useTranslation("staff");
  const lng = useLanguage();
  const errors = actionData?.fieldErrors ?? {};
  const err = (name: string) => (errors[name] ? <p className="field-error">{t(errors[name])}</p> : null);
  return (
    <>
      <h1>{t("settings.heading")}</h1>
      {params.get("done") && !actionData ? (
        <p className="note" role="status">
          {t("settings.saved")}
        </p>
      ) : null}
      {actionData?.formError ? (
        <p className="form-error" role="alert">
          {t(`settings.formErrors.${actionData.formError}`)}
        </p>
      ) : null}
      <section className="card">
        <h2>{t("settings.thresholds")}</h2>
        <p className="hint">{t("settings.thresholdsHint")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="thresholds" />
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
              {[
                ...levels.map((l) => ({
                  id: String(l.id),
                  name: `${localized(l, "name", lng)} (${l.period})`,
                  share: l.thresholdShare,
                  min: l.minSample,
                  coverage: l.coverageShare as number | null,
                })),
                {
                  id: "default",
                  name: t("settings.notRecognised"),
                  share: defaults.share,
                  min: defaults.minSample,
                  coverage: null,
                },
              ].map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.name}</th>
                  <td>
                    <input
                      name={`share_${row.id}`}
                      type="number"
                      min={1}
                      max={100}
                      step="0.1"
                      required
                      defaultValue={actionData?.values[`share_${row.id}`] ?? Math.round(row.share * 1000) / 10}
                      aria-label={`${t("settings.share")}: ${row.name}`}
                    />
                    {err(`share_${row.id}`)}
                  </td>
                  <td>
                    <input
                      name={`sample_${row.id}`}
                      type="number"
                      min={5}
                      step="1"
                      required
                      defaultValue={actionData?.values[`sample_${row.id}`] ?? row.min}
                      aria-label={`${t("settings.minSample")}: ${row.name}`}
                    />
                    {err(`sample_${row.id}`)}
                  </td>
                  <td>
                    {row.coverage === null ? (
                      "—"
                    ) : (
                      <>
                        <input
                          name={`coverage_${row.id}`}
                          type="number"
                          min={1}
                          max={100}
                          step="1"
                          required
                          defaultValue={actionData?.values[`coverage_${row.id}`] ?? Math.round(row.coverage * 100)}
                          aria-label={`${t("settings.coverage")}: ${row.name}`}
                        />
                        {err(`coverage_${row.id}`)}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" className="button button--primary">
            {t("settings.save")}
          </button>
        </Form>
      </section>
      <section className="card">
        <h2>{t("settings.deadlines")}</h2>
        <p>
          <Link to="/staff/settings/complaints">{t("settings.deadlinesLink")}</Link>
        </p>
      </section>
      <section className="card">
        <h2>{t("settings.recognitions")}</h2>
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="recognise" />
          <label>
            {t("settings.commune")}
            <select name="communeId" required defaultValue="">
              <option value="" disabled>
                —
              </option>
              {communes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          {err("communeId")}
          <label>
            {t("settings.level")}
            <select name="levelId" required>
              {levels.map((l) => (
                <option key={l.id} value={l.id}>
                  {localized(l, "name", lng)} ({l.period})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("settings.decisionNumber")} <input name="decisionNumber" required maxLength={100} />
          </label>
          {err("decisionNumber")}
          <label>
            {t("settings.decidedOn")} <input name="decidedOn" type="date" required />
          </label>
          {err("decidedOn")}
          <button type="submit" className="button button--primary">
            {t("settings.recognise")}
          </button>
        </Form>
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
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="recognitionId" value={r.id} />
                      <input
                        name="reason"
                        required
                        maxLength={500}
                        placeholder={t("settings.revokeReason")}
                        aria-label={t("settings.revokeReason")}
                      />
                      <button type="submit" className="button">
                        {t("settings.revoke")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];
