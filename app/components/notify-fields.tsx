// The resident's optional e-mail and phone for news about a report (report form, "me too").
import { useTranslation } from "react-i18next";
import { Field } from "./forms";

export function NotifyFields({ values, errors }: { values: Record<string, string>; errors: Record<string, string> }) {
  const { t } = useTranslation("notify");
  // Error keys come from the route's schema as "notify:form.…".
  const err = (name: string) => errors[name] && t(errors[name].replace(/^notify:/, ""));
  return (
    <fieldset className="notify-fields">
      <legend>{t("form.legend")}</legend>
      <p className="hint">{t("form.hint")}</p>
      <Field
        label={t("form.email")}
        inputProps={{
          name: "email",
          id: "notify-email",
          type: "email",
          inputMode: "email",
          autoComplete: "email",
          maxLength: 100,
          defaultValue: values.email ?? "",
        }}
        errors={err("email")}
      />
      <Field
        label={t("form.phone")}
        inputProps={{
          name: "phone",
          id: "notify-phone",
          type: "tel",
          inputMode: "tel",
          autoComplete: "tel",
          maxLength: 30,
          defaultValue: values.phone ?? "",
        }}
        errors={err("phone")}
      />
    </fieldset>
  );
}
