// Sections of the administrator's report settings page (routes/staff.settings_.complaints.tsx).
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { UnitKind } from "~/generated/prisma/enums";
import { CATEGORIES } from "~/lib/complaint-workflow";
import { formatDate } from "~/lib/format";

export type SettingsErrors = { fieldErrors: Record<string, string>; values: Record<string, string> };

function FieldError({ name, errors }: { name: string; errors: SettingsErrors }) {
  const { t } = useTranslation("triage");
  const key = errors.fieldErrors[name];
  return key ? (
    <p className="field-error" id={`${name}-error`}>
      {t(key)}
    </p>
  ) : null;
}

const invalid = (name: string, errors: SettingsErrors) =>
  errors.fieldErrors[name] ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {};

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
  const v = (name: string, fallback: string | number) => errors.values[name] ?? String(fallback);
  const deadline = (p: Policy, name: "acknowledge" | "handle" | "urgentHandle") => {
    const a = `${name}Amount_${p.category}`;
    const u = `${name}Unit_${p.category}`;
    return (
      <td>
        <input
          name={a}
          type="number"
          min={1}
          max={500}
          required
          defaultValue={v(a, p[`${name}Amount`])}
          aria-label={`${t(`settings.${name}`)} (${t(`complaint:category.${p.category}`)})`}
          {...invalid(a, errors)}
        />{" "}
        <select name={u} defaultValue={v(u, p[`${name}Unit`])} aria-label={t("settings.dayKind")}>
          <option value="working_hours">{t("settings.unitHours")}</option>
          <option value="working_days">{t("settings.unitDays")}</option>
        </select>
        <FieldError name={a} errors={errors} />
      </td>
    );
  };
  return (
    <section className="card">
      <h2>{t("settings.policies")}</h2>
      <p className="hint">{t("settings.policiesHint")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="policies" />
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
        <button type="submit" className="button button--primary">
          {t("settings.save")}
        </button>
      </Form>
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
  const dayLabel = (date: string) => formatDate(`${date}T12:00:00+07:00`, i18n.language);
  return (
    <section className="card">
      <h2>{t("settings.calendar")}</h2>
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="officeHours" />
        <div className="field">
          <label htmlFor="officeHours">{t("settings.officeHours")}</label>
          <p className="hint">{t("settings.officeHoursHint")}</p>
          <input
            id="officeHours"
            name="officeHours"
            type="text"
            maxLength={200}
            defaultValue={errors.values.officeHours ?? officeHours}
            {...invalid("officeHours", errors)}
          />
          <FieldError name="officeHours" errors={errors} />
        </div>
        <button type="submit" className="button button--primary">
          {t("settings.save")}
        </button>
      </Form>
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
              {d.note ? ` · ${d.note}` : ""}{" "}
              <Form method="post" className="inline">
                <input type="hidden" name="intent" value="removeDay" />
                <input type="hidden" name="date" value={d.date} />
                <button type="submit" className="link-button">
                  {t("settings.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="addDay" />
        <label>
          {t("settings.day")}{" "}
          <input name="date" type="date" required defaultValue={errors.values.date} {...invalid("date", errors)} />
        </label>
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
        <FieldError name="date" errors={errors} />
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
  return (
    <section className="card">
      <h2>{t("settings.templates")}</h2>
      <p className="hint">{t("settings.templatesHint")}</p>
      <ul className="templates">
        {templates.map((tpl) => (
          <li key={tpl.id}>
            <strong>{tpl.title}</strong> · {tpl.category ? t(`complaint:category.${tpl.category}`) : t("settings.anyCategory")}
            <p className="complaint-text">{tpl.body}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="deleteTemplate" />
              <input type="hidden" name="templateId" value={tpl.id} />
              <button type="submit" className="link-button">
                {t("settings.remove")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post">
        <input type="hidden" name="intent" value="addTemplate" />
        <div className="field">
          <label htmlFor="tpl-category">{t("settings.category")}</label>
          <select id="tpl-category" name="category" defaultValue={errors.values.category ?? ""}>
            <option value="">{t("settings.anyCategory")}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`complaint:category.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tpl-title">{t("settings.templateTitle")}</label>
          <input
            id="tpl-title"
            name="title"
            type="text"
            maxLength={100}
            required
            defaultValue={errors.values.title}
            {...invalid("title", errors)}
          />
          <FieldError name="title" errors={errors} />
        </div>
        <div className="field">
          <label htmlFor="tpl-body">{t("settings.templateBody")}</label>
          <textarea
            id="tpl-body"
            name="body"
            rows={4}
            maxLength={2000}
            required
            defaultValue={errors.values.body}
            {...invalid("body", errors)}
          />
          <FieldError name="body" errors={errors} />
        </div>
        <button type="submit" className="button">
          {t("settings.add")}
        </button>
      </Form>
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
              <label>
                {t("settings.memberEmail")}{" "}
                <input name="email" type="email" required maxLength={200} {...invalid(`email_${u.id}`, errors)} />
              </label>
              <button type="submit" className="button">
                {t("settings.addMember")}
              </button>
              <FieldError name={`email_${u.id}`} errors={errors} />
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="addUnit" />
        <label>
          {t("settings.unitName")}{" "}
          <input
            name="name"
            type="text"
            required
            maxLength={100}
            defaultValue={errors.values.name}
            {...invalid("name", errors)}
          />
        </label>
        <label>
          {t("settings.unitSlug")}{" "}
          <input name="slug" type="text" required maxLength={60} defaultValue={errors.values.slug} {...invalid("slug", errors)} />
        </label>
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
        <FieldError name="name" errors={errors} />
        <FieldError name="slug" errors={errors} />
      </Form>
    </section>
  );
}
