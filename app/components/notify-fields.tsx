// The resident's optional e-mail and phone for news about a report (report form, "me too"), with
// the privacy notice and the consent box without which neither is stored.
import { useTranslation } from "react-i18next";
import { EMAIL_MAX, PHONE_MAX } from "~/lib/contact";
import { ContactConsent } from "./contact-consent";
import { Field } from "./forms";

const CONTACT_FIELDS = [
  { name: "email", type: "email", maxLength: EMAIL_MAX },
  { name: "phone", type: "tel", maxLength: PHONE_MAX },
] as const;

export function NotifyFields({
  values,
  errors,
  residentConsent = true,
  sms = false,
  phoneForCallback = true,
}: {
  values: Record<string, string>;
  errors: Record<string, string>;
  /** false where an official enters the report and asks the consent box of its own (intake-form) */
  residentConsent?: boolean;
  /** whether an SMS gateway is configured: without one no text message is ever sent (decision 043) */
  sms?: boolean;
  /** false on "me too": a phone there is only for news, so without SMS the field is not offered */
  phoneForCallback?: boolean;
}) {
  const { t } = useTranslation("notify");
  const { t: tp } = useTranslation("privacy");
  // Error keys come from the route's schema as "notify:form.…".
  const err = (name: string) => errors[name] && t(errors[name].replace(/^notify:/, ""));
  return (
    <fieldset className="notify-fields">
      <legend>{t("form.legend")}</legend>
      <p className="hint">{t("form.hint")}</p>
      {CONTACT_FIELDS.filter(({ name }) => name !== "phone" || sms || phoneForCallback).map(({ name, maxLength, type }) => (
        <Field
          key={name}
          label={t(`form.${name}`)}
          hint={name === "phone" ? t(sms ? "form.phoneHintSms" : "form.phoneHintCall") : undefined}
          inputProps={{
            name,
            id: `notify-${name}`,
            type,
            inputMode: type,
            autoComplete: type,
            maxLength,
            defaultValue: values[name] ?? "",
          }}
          errors={err(name)}
        />
      ))}
      {!sms && !phoneForCallback ? <p className="hint">{t("form.noSms")}</p> : null}
      {residentConsent ? (
        <ContactConsent checked={values.consent === "on"} error={errors.consent && tp(errors.consent.replace(/^privacy:/, ""))} />
      ) : null}
    </fieldset>
  );
}
