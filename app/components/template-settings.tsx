// Report settings (routes/staff.settings.complaints.tsx): reply templates.
import { useTranslation } from "react-i18next";
import { CATEGORIES } from "~/lib/complaint-workflow";
import { IntentForm } from "./intent-form";
import { Field, SelectField, TextareaField } from "./forms";
import { useFieldError, RemoveForm, type SettingsErrors } from "./settings-form-parts";

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
