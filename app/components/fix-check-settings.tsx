// Report settings (routes/staff.settings.complaints.tsx): how many weeks after a resolution the
// resident is asked "is it fixed?" (issue 24).
import { useTranslation } from "react-i18next";
import { IntentForm } from "./intent-form";
import { Field } from "./forms";
import { useFieldError, type SettingsErrors } from "./settings-form-parts";

export function FixCheckSettings({ weeks, errors }: { weeks: number; errors: SettingsErrors }) {
  const { t } = useTranslation("triage");
  const error = useFieldError(errors);
  return (
    <section className="card" id="fix-check">
      <h2>{t("fixCheckSettings.heading")}</h2>
      <IntentForm
        intent="fixCheck"
        submitLabel={t("settings.save")}
        className="inline-form"
        buttonClassName="button button--primary"
      >
        <Field
          label={t("fixCheckSettings.weeks")}
          hint={t("fixCheckSettings.hint")}
          inputProps={{
            name: "fixCheckWeeks",
            type: "number",
            min: 1,
            max: 26,
            step: 1,
            inputMode: "numeric",
            required: true,
            defaultValue: errors.values.fixCheckWeeks ?? String(weeks),
          }}
          errors={error("fixCheckWeeks")}
        />
      </IntentForm>
    </section>
  );
}
