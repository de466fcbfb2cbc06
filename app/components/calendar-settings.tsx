// Report settings (routes/staff.settings.complaints.tsx): office hours and the working calendar's extra days.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";
import { IntentForm } from "./intent-form";
import { ErrorList, Field, InlineField } from "./forms";
import { useFieldError, RemoveForm, type SettingsErrors } from "./settings-form-parts";

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
