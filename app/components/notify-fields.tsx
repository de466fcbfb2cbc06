// The resident's optional e-mail and phone for news about a report (report form, "me too").
import { useTranslation } from "react-i18next";

export function NotifyFields({ values, errors }: { values: Record<string, string>; errors: Record<string, string> }) {
  const { t } = useTranslation("notify");
  const field = (name: "email" | "phone", type: "email" | "tel", autoComplete: string, maxLength: number) => (
    <div className="field">
      <label htmlFor={`notify-${name}`}>{t(`form.${name}`)}</label>
      <input
        id={`notify-${name}`}
        name={name}
        type={type}
        inputMode={type}
        autoComplete={autoComplete}
        maxLength={maxLength}
        defaultValue={values[name] ?? ""}
        {...(errors[name] ? { "aria-invalid": true, "aria-describedby": `notify-${name}-error` } : {})}
      />
      {errors[name] ? (
        <p className="field-error" id={`notify-${name}-error`}>
          {t(errors[name].replace(/^notify:/, ""))}
        </p>
      ) : null}
    </div>
  );
  return (
    <fieldset className="notify-fields">
      <legend>{t("form.legend")}</legend>
      <p className="hint">{t("form.hint")}</p>
      {field("email", "email", "email", 100)}
      {field("phone", "tel", "tel", 30)}
    </fieldset>
  );
}
