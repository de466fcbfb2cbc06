// Survey rounds: the list (all staff) and, for the Fatherland Front (its communes), a form to
// propose a round for one commune or many and whether household codes are required. The
// households come from the register; an administrator approves the round before it takes
// answers (decision 036). Officials never open rounds.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChoiceFieldset, describedBy, ErrorList, Field, InlineField } from "~/components/forms";
import { formatDate } from "~/lib/format";
import { vnStartOfDay } from "~/lib/vn-time";
import { listCommunes } from "~/models/commune.server";
import { isRural } from "~/lib/rural";
import { listLevels } from "~/models/recognition.server";
import { listRounds } from "~/models/round.server";
import { proposeRound } from "~/models/round-approval.server";
import type { SessionUser } from "~/models/user.server";
import { requirePermission, requireUser } from "~/guards/auth.server";
import { requiredText, z } from "~/forms/validation.server";
import { fieldErrors, validateForm, type FormErrors } from "~/forms/form.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { localized } from "~/utils/i18n";
import { assertSameOrigin } from "~/utils/request.server";
import { useLanguage } from "~/hooks/use-language";
import { RoundPurpose } from "~/generated/prisma/enums";
import { levelLabel } from "~/lib/text";
import { can, communesFor } from "~/lib/policy";

/**
 * Built from the communes the user may propose rounds for: a "communes" checkbox each (the
 * households come from the register, decision 036, never from the form); and from the recognition
 * levels, so an unknown or non-numeric level is a message (400), never a database error.
 */
function roundSchema(communeIds: number[], levelIds: number[]) {
  return z
    .object({
      name: requiredText({ max: 200, required: "errors.nameRequired", tooLong: "errors.nameRequired" }),
      purpose: z.enum(RoundPurpose, { error: "errors.invalid" }),
      levelId: z
        .string()
        .optional()
        .transform((v, ctx) => {
          if (!v) return null;
          const id = /^\d{1,9}$/.test(v) ? Number(v) : NaN;
          if (levelIds.includes(id)) return id;
          ctx.addIssue({ code: "custom", message: "errors.levelUnknown", path: [] });
          return z.NEVER;
        }),
      startsOn: z.iso.date({ error: "errors.date" }),
      endsOn: z.iso.date({ error: "errors.date" }),
      /** "codes": household codes required (the default for pre-recognition rounds); "open": not */
      access: z.enum(["codes", "open"], { error: "errors.invalid" }).optional(),
      communes: z
        .union([z.string(), z.array(z.string())], { error: "errors.communesRequired" })
        .transform((v) => (Array.isArray(v) ? v : [v]).map(Number))
        .refine((ids) => ids.length > 0 && ids.every((id) => communeIds.includes(id)), { error: "errors.communesRequired" }),
    })
    .strict()
    .refine((d) => d.endsOn > d.startsOn, { error: "errors.endBeforeStart", path: ["endsOn"] })
    .refine((d) => d.purpose !== "pre_recognition" || d.levelId !== null, { error: "errors.levelRequired", path: ["levelId"] })
    .transform((d) => ({
      ...d,
      communes: [...new Set(d.communes)],
      codesRequired: (d.access ?? (d.purpose === "pre_recognition" ? "codes" : "open")) === "codes",
    }));
}

/** Rural communes (wards are not recognised) this user may propose rounds for: the Front its own. */
async function runnableCommunes(user: SessionUser) {
  const communes = (await listCommunes()).filter((c) => isRural(c.kind));
  return communes.filter((c) => can(user, "round.run", c.id));
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [rounds, levels, communes] = await Promise.all([
    listRounds({ communeIds: communesFor(user, "commune.read") }),
    listLevels(),
    runnableCommunes(user),
  ]);
  const t = getFixedT(await getLanguage(request), "council");
  const canCreate = can(user, "round.create");
  return json({
    rounds,
    levels: levels.map((l) => ({ id: l.id, nameVi: l.nameVi, nameEn: l.nameEn, period: l.period })),
    communes: canCreate ? communes.map((c) => ({ id: c.id, name: c.name })) : [],
    canCreate,
    title: t("rounds.title"),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requirePermission(request, "round.create");
  const [communes, levels] = await Promise.all([runnableCommunes(user), listLevels()]);
  const result = await validateForm(
    request,
    roundSchema(
      communes.map((c) => c.id),
      levels.map((l) => l.id),
    ),
  );
  if (!result.ok) return result.response;
  const d = result.data;
  const proposed = await proposeRound({
    name: d.name,
    purpose: d.purpose,
    levelId: d.purpose === "pre_recognition" ? d.levelId : null,
    startsAt: vnStartOfDay(d.startsOn),
    endsAt: vnStartOfDay(d.endsOn),
    codesRequired: d.codesRequired,
    proposerId: user.id,
    communeIds: d.communes,
  });
  if (!proposed.ok) return fieldErrors({ [proposed.field]: `ballot:rounds.errors.${proposed.reason}` }, result.values);
  return redirect(`/staff/rounds/${proposed.id}`, { status: 303 });
}

export default function Rounds() {
  const { rounds, levels, communes, canCreate } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { t } = useTranslation("council");
  const lng = useLanguage();
  const errors = actionData?.fieldErrors ?? {};
  const v = actionData?.values ?? {};
  const communesError = errors.communes;
  const chosen = new Set(([] as string[]).concat((v as Record<string, string | string[]>).communes ?? []));
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
                  {r.approvedAt ? null : <strong> · {t("ballot:rounds.awaitingApproval")}</strong>}
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
            <Field
              label={t("rounds.name")}
              inputProps={{ name: "name", required: true, maxLength: 200, defaultValue: v.name ?? "" }}
              errors={errors.name && t(errors.name)}
            />
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
                <select name="levelId" defaultValue={v.levelId ?? ""} {...describedBy("levelId", undefined, errors.levelId)}>
                  <option value="">—</option>
                  {levels.map((l) => (
                    <option key={l.id} value={l.id}>
                      {levelLabel(localized(l, "name", lng), l.period)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("ballot:rounds.access")}
                <select name="access" defaultValue={v.access ?? "codes"}>
                  <option value="codes">{t("ballot:rounds.accessCodes")}</option>
                  <option value="open">{t("ballot:rounds.accessOpen")}</option>
                </select>
              </label>
              {(["startsOn", "endsOn"] as const).map((name) => (
                <InlineField
                  key={name}
                  label={t(`rounds.${name}`)}
                  inputProps={{ type: "date", name, required: true, defaultValue: v[name] ?? "" }}
                  errors={errors[name] && t(errors[name])}
                />
              ))}
            </div>
            {["levelId", "startsOn", "endsOn"].map((name) => (
              <ErrorList key={name} id={`${name}-error`} errors={errors[name] && t(errors[name])} />
            ))}
            <ChoiceFieldset
              name="communes"
              className="commune-picker"
              legend={t("ballot:rounds.communes")}
              hint={t("ballot:rounds.communesHint")}
              errors={communesError && t(communesError)}
            >
              <div className="commune-picker__list">
                {communes.map((c) => (
                  <label key={c.id} className="check">
                    <input type="checkbox" name="communes" value={c.id} defaultChecked={chosen.has(String(c.id))} /> {c.name}
                  </label>
                ))}
              </div>
            </ChoiceFieldset>
            <button type="submit" className="button button--primary">
              {t("ballot:rounds.propose")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];
