// Sections of the administrator's report settings page (routes/staff.settings_.complaints.tsx).
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { UnitKind } from "~/generated/prisma/enums";
import { CATEGORIES } from "~/lib/complaint-workflow";
import { formatDate } from "~/lib/format";
import { IntentForm } from "./intent-form";
import { CellField, ErrorList, Field, InlineField, SelectField, TextareaField } from "./forms";

export type SettingsErrors = { fieldErrors: Record<string, string>; values: Record<string, string> };

/** The translated message of one field of the settings forms, if any. */
function useFieldError(errors: SettingsErrors) {
  const { t } = useTranslation("triage");
  return (name: string) => {
    const key = errors.fieldErrors[name];
    return key ? t(key) : undefined;
  };
}

/** The "remove" link of a listed row: a one-button form posting the intent and the row's key. */
function RemoveForm({
  intent,
  name,
  value,
  className,
}: {
  intent: string;
  name: string;
  value: string | number;
  className?: string;
}) {
  const { t } = useTranslation("triage");
  return (
    <IntentForm intent={intent} submitLabel={t("settings.remove")} buttonClassName="link-button" className={className}>
      <input type="hidden" name={name} value={value} />
    </IntentForm>
  );
}

type Policy = {
  category: string;
  defaultUrgency: string;
  acknowledgeAmount: number;
  acknowledgeUnit: string;
  handleAmount: number;
  handleUnit: string;
  urgentHandleAmount: number;
  urgentHandleUnit: string;
};

export function PolicySettings({ policies, errors }: { policies: Policy[]; errors: SettingsErrors }) {
  const { t } = useTranslation("triage");
  const error = useFieldError(errors);
  const v = (name: string, fallback: string | number) => errors.values[name] ?? String(fallback);
  const deadline = (p: Policy, name: "acknowledge" | "handle" | "urgentHandle") => {
    const a = `${name}Amount_${p.category}`;
    const u = `${name}Unit_${p.category}`;
    return (
      <td>
        <CellField
          label={`${t(`settings.${name}`)} (${t(`complaint:category.${p.category}`)})`}
          inputProps={{ name: a, type: "number", min: 1, max: 500, required: true, defaultValue: v(a, p[`${name}Amount`]) }}
          errors={error(a)}
        >
          {" "}
          <select name={u} defaultValue={v(u, p[`${name}Unit`])} aria-label={t("settings.dayKind")}>
            <option value="working_hours">{t("settings.unitHours")}</option>
            <option value="working_days">{t("settings.unitDays")}</option>
          </select>
        </CellField>
      </td>
    );
  };
  return (
    <section className="card">
      <h2>{t("settings.policies")}</h2>
      <p className="hint">{t("settings.policiesHint")}</p>
      <IntentForm intent="policies" submitLabel={t("settings.save")} buttonClassName="button button--primary">
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("settings.category")}</th>
                <th scope="col">{t("settings.defaultUrgency")}</th>
                <th scope="col">{t("settings.acknowledge")}</th>
                <th scope="col">{t("settings.handle")}</th>
                <th scope="col">{t("settings.urgentHandle")}</th>
              </tr>
            </thead>
            <tbody>
              {policies.map((p) => (
                <tr key={p.category}>
                  <th scope="row">{t(`complaint:category.${p.category}`)}</th>
                  <td>
                    <select
                      name={`defaultUrgency_${p.category}`}
                      defaultValue={v(`defaultUrgency_${p.category}`, p.defaultUrgency)}
                      aria-label={`${t("settings.defaultUrgency")} (${t(`complaint:category.${p.category}`)})`}
                    >
                      <option value="urgent">{t("urgency.urgent")}</option>
                      <option value="normal">{t("urgency.normal")}</option>
                    </select>
                  </td>
                  {deadline(p, "acknowledge")}
                  {deadline(p, "handle")}
                  {deadline(p, "urgentHandle")}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </IntentForm>
    </section>
  );
}

export function CalendarSettings({
  officeHours,
  days,
  holidays,
  year,
  errors,
}: {
  officeHours: string;
  days: { date: string; kind: string; note: string }[];
  holidays: { date: string; reason: string | null }[];
  year: number;
  errors: SettingsErrors;
}) {
  const { t, i18n } = useTranslation("triage");
  const error = useFieldError(errors);
  const dayLabel = (date: string) => formatDate(`${date}T12:00:00+07:00`, i18n.language);
  return (
    <section className="card">
      <h2>{t("settings.calendar")}</h2>
      <IntentForm
        intent="officeHours"
        submitLabel={t("settings.save")}
        className="inline-form"
        buttonClassName="button button--primary"
      >
        <Field
          label={t("settings.officeHours")}
          hint={t("settings.officeHoursHint")}
          inputProps={{
            name: "officeHours",
            type: "text",
            maxLength: 200,
            defaultValue: errors.values.officeHours ?? officeHours,
          }}
          errors={error("officeHours")}
        />
      </IntentForm>
      <p className="hint">{t("settings.holidaysHint")}</p>
      <details>
        <summary>{t("settings.holidaysThisYear", { year })}</summary>
        <ul>
          {holidays.map((h) => (
            <li key={h.date}>
              {dayLabel(h.date)} ·{" "}
              {h.reason ? t(`settings.reason.${h.reason === "weekend" ? "holiday" : h.reason}`) : t("settings.makeUp")}
            </li>
          ))}
        </ul>
      </details>
      {days.length > 0 ? (
        <ul data-testid="calendar-days">
          {days.map((d) => (
            <li key={d.date}>
              {dayLabel(d.date)} · {d.kind === "make_up" ? t("settings.makeUp") : t("settings.dayOff")}
              {d.note ? ` · ${d.note}` : ""} <RemoveForm intent="removeDay" name="date" value={d.date} className="inline" />
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="addDay" />
        <InlineField
          label={t("settings.day")}
          inputProps={{ name: "date", type: "date", required: true, defaultValue: errors.values.date }}
          errors={error("date")}
        />
        <label>
          {t("settings.dayKind")}{" "}
          <select name="kind" defaultValue={errors.values.kind ?? "day_off"}>
            <option value="day_off">{t("settings.dayOff")}</option>
            <option value="make_up">{t("settings.makeUp")}</option>
          </select>
        </label>
        <label>
          {t("settings.note")} <input name="note" type="text" maxLength={200} defaultValue={errors.values.note} />
        </label>
        <button type="submit" className="button">
          {t("settings.add")}
        </button>
        <ErrorList id="date-error" errors={error("date")} />
      </Form>
    </section>
  );
}

export function TemplateSettings({
  templates,
  errors,
}: {
  templates: { id: number; category: string | null; title: string; body: string }[];
  errors: SettingsErrors;
}) {
  const { t } = useTranslation("triage");
  const error = useFieldError(errors);
  return (
    <section className="card">
      <h2>{t("settings.templates")}</h2>
      <p className="hint">{t("settings.templatesHint")}</p>
      <ul className="templates">
        {templates.map((tpl) => (
          <li key={tpl.id}>
            <strong>{tpl.title}</strong> · {tpl.category ? t(`complaint:category.${tpl.category}`) : t("settings.anyCategory")}
            <p className="complaint-text">{tpl.body}</p>
            <RemoveForm intent="deleteTemplate" name="templateId" value={tpl.id} />
          </li>
        ))}
      </ul>
      <IntentForm intent="addTemplate" submitLabel={t("settings.add")}>
        <SelectField
          label={t("settings.category")}
          selectProps={{ id: "tpl-category", name: "category", defaultValue: errors.values.category ?? "" }}
        >
          <option value="">{t("settings.anyCategory")}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`complaint:category.${c}`)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("settings.templateTitle")}
          inputProps={{
            id: "tpl-title",
            name: "title",
            type: "text",
            maxLength: 100,
            required: true,
            defaultValue: errors.values.title,
          }}
          errors={error("title")}
        />
        <TextareaField
          label={t("settings.templateBody")}
          textareaProps={{
            id: "tpl-body",
            name: "body",
            rows: 4,
            maxLength: 2000,
            required: true,
            defaultValue: errors.values.body,
          }}
          errors={error("body")}
        />
      </IntentForm>
    </section>
  );
}

export function UnitSettings({
  units,
  errors,
}: {
  units: { id: number; name: string; slug: string; kind: string; members: { id: number; email: string; name: string }[] }[];
  errors: SettingsErrors;
}) {
  const { t } = useTranslation("triage");
  const error = useFieldError(errors);
  return (
    <section className="card">
      <h2>{t("settings.units")}</h2>
      <ul>
        {units.map((u) => (
          <li key={u.id}>
            <strong>{u.name}</strong> · {t(`unitKind.${u.kind}`)} · {u.slug}
            <br />
            {t("settings.members")}: {u.members.map((m) => m.email).join(", ") || "—"}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="addMember" />
              <input type="hidden" name="unitId" value={u.id} />
              <InlineField
                label={t("settings.memberEmail")}
                inputProps={{ name: "email", type: "email", required: true, maxLength: 200 }}
                errorId={`email_${u.id}`}
                errors={error(`email_${u.id}`)}
              />
              <button type="submit" className="button">
                {t("settings.addMember")}
              </button>
              <ErrorList id={`email_${u.id}-error`} errors={error(`email_${u.id}`)} />
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="addUnit" />
        <InlineField
          label={t("settings.unitName")}
          inputProps={{ name: "name", type: "text", required: true, maxLength: 100, defaultValue: errors.values.name }}
          errors={error("name")}
        />
        <InlineField
          label={t("settings.unitSlug")}
          inputProps={{ name: "slug", type: "text", required: true, maxLength: 60, defaultValue: errors.values.slug }}
          errors={error("slug")}
        />
        <label>
          {t("settings.unitKind")}{" "}
          <select name="kind" defaultValue={errors.values.kind ?? "department"}>
            {Object.values(UnitKind).map((k) => (
              <option key={k} value={k}>
                {t(`unitKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          {t("settings.add")}
        </button>
        <ErrorList id="name-error" errors={error("name")} />
        <ErrorList id="slug-error" errors={error("slug")} />
      </Form>
    </section>
  );
}
