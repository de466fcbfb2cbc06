// Survey rounds: the list (all staff) and, for administrators, a form to open a round for one
// commune or many, with each commune's number of households (for coverage).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";
import { vnStartOfDay } from "~/lib/vn-time";
import { listCommunes } from "~/models/commune.server";
import { listLevels } from "~/models/recognition.server";
import { createRound, listRounds } from "~/models/round.server";
import { COMMUNE_STAFF_ROLES, requireRole } from "~/utils/auth.server";
import { lazy } from "~/utils/lazy";
import { requiredText, z } from "~/utils/validation.server";
import { formToObject, formError, validateObject, type FormErrors } from "~/utils/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { localized } from "~/utils/i18n";
import { assertSameOrigin, readUrlEncodedForm } from "~/utils/request.server";
import { useLanguage } from "~/utils/use-language";
import { RoundPurpose } from "~/generated/prisma/enums";

const RoundSchema = lazy(() =>
  z
    .object({
      name: requiredText({ max: 200, required: "errors.nameRequired", tooLong: "errors.nameRequired" }),
      purpose: z.enum(RoundPurpose, { error: "errors.invalid" }),
      levelId: z
        .string()
        .optional()
        .transform((v) => (v ? Number(v) : null)),
      startsOn: z.iso.date({ error: "errors.date" }),
      endsOn: z.iso.date({ error: "errors.date" }),
    })
    .catchall(z.string())
    .refine((d) => d.endsOn > d.startsOn, { error: "errors.endBeforeStart", path: ["endsOn"] })
    .refine((d) => d.purpose !== "pre_recognition" || d.levelId !== null, { error: "errors.levelRequired", path: ["levelId"] }),
);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, COMMUNE_STAFF_ROLES);
  const [rounds, levels, communes] = await Promise.all([listRounds(), listLevels(), listCommunes()]);
  const t = getFixedT(await getLanguage(request), "council");
  return json({
    rounds,
    levels: levels.map((l) => ({ id: l.id, nameVi: l.nameVi, nameEn: l.nameEn, period: l.period })),
    communes: user.role === "admin" ? communes.filter((c) => c.kind !== "phuong").map((c) => ({ id: c.id, name: c.name })) : [],
    canCreate: user.role === "admin",
    title: t("rounds.title"),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireRole(request, ["admin"]);
  const body = await readUrlEncodedForm(request, 64 * 1024);
  if (!body.ok) return formError(body.error, {});
  const raw = formToObject(body.form);
  const result = validateObject(RoundSchema(), raw);
  if (!result.ok) return result.response;
  // Households per commune arrive as households_<communeId>; an empty box leaves the commune out.
  const known = new Set((await listCommunes()).map((c) => c.id));
  const communes: { communeId: number; households: number }[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const m = /^households_(\d+)$/.exec(key);
    if (!m || typeof value !== "string" || value.trim() === "") continue;
    const households = Number(value);
    if (!known.has(Number(m[1])) || !Number.isInteger(households) || households < 1 || households > 1_000_000) {
      return json<FormErrors>({ fieldErrors: { communes: "errors.households" }, values: result.values }, { status: 400 });
    }
    communes.push({ communeId: Number(m[1]), households });
  }
  if (communes.length === 0)
    return json<FormErrors>({ fieldErrors: { communes: "errors.communesRequired" }, values: result.values }, { status: 400 });
  const d = result.data;
  const { id } = await createRound({
    name: d.name,
    purpose: d.purpose,
    levelId: d.purpose === "pre_recognition" ? d.levelId : null,
    startsAt: vnStartOfDay(d.startsOn),
    endsAt: vnStartOfDay(d.endsOn),
    createdById: user.id,
    communes,
  });
  return redirect(`/staff/rounds/${id}`, { status: 303 });
}

export default function Rounds() {
  const { rounds, levels, communes, canCreate } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("council");
  const lng = useLanguage();
  const errors = actionData?.fieldErrors ?? {};
  const v = actionData?.values ?? {};
  return (
    <>
      <h1>{t("rounds.heading")}</h1>
      {rounds.length === 0 ? (
        <p className="muted">{t("rounds.none")}</p>
      ) : (
        <ul className="inbox">
          {rounds.map((r) => (
            <li key={r.id}>
              <Link to={`/staff/rounds/${r.id}`}>
                <span className="inbox__meta">
                  {formatDate(r.startsAt, lng)}–{formatDate(r.endsAt, lng)} · {t(`rounds.purpose.${r.purpose}`)}
                  {r.level ? `: ${localized(r.level, "name", lng)}` : ""}
                </span>
                <span className="inbox__text">
                  {r.name} · {t("rounds.summary", { communes: r._count.communes, answers: r._count.responses })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {canCreate ? (
        <section className="card">
          <h2>{t("rounds.create")}</h2>
          <Form method="post">
            <div className="field">
              <label htmlFor="name">{t("rounds.name")}</label>
              <input id="name" name="name" required maxLength={200} defaultValue={v.name ?? ""} />
              {errors.name ? <p className="field-error">{t(errors.name)}</p> : null}
            </div>
            <div className="inline-form">
              <label>
                {t("rounds.purposeLabel")}
                <select name="purpose" defaultValue={v.purpose ?? "routine"}>
                  <option value="routine">{t("rounds.purpose.routine")}</option>
                  <option value="pre_recognition">{t("rounds.purpose.pre_recognition")}</option>
                </select>
              </label>
              <label>
                {t("rounds.level")}
                <select name="levelId" defaultValue={v.levelId ?? ""}>
                  <option value="">—</option>
                  {levels.map((l) => (
                    <option key={l.id} value={l.id}>
                      {localized(l, "name", lng)} ({l.period})
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("rounds.startsOn")} <input type="date" name="startsOn" required defaultValue={v.startsOn ?? ""} />
              </label>
              <label>
                {t("rounds.endsOn")} <input type="date" name="endsOn" required defaultValue={v.endsOn ?? ""} />
              </label>
            </div>
            {["levelId", "startsOn", "endsOn"].map((f) =>
              errors[f] ? (
                <p key={f} className="field-error">
                  {t(errors[f])}
                </p>
              ) : null,
            )}
            <fieldset className="commune-picker">
              <legend>{t("rounds.households")}</legend>
              <p className="hint">{t("rounds.householdsHint")}</p>
              {errors.communes ? <p className="field-error">{t(errors.communes)}</p> : null}
              <div className="commune-picker__list">
                {communes.map((c) => (
                  <label key={c.id} className="check">
                    <input
                      type="number"
                      name={`households_${c.id}`}
                      min={1}
                      step={1}
                      inputMode="numeric"
                      className="households"
                      defaultValue={v[`households_${c.id}`] ?? ""}
                      aria-label={t("rounds.householdsOf", { name: c.name })}
                    />{" "}
                    {c.name}
                  </label>
                ))}
              </div>
            </fieldset>
            <button type="submit" className="button button--primary">
              {t("rounds.createSubmit")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];
