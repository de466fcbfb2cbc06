// The shared pieces of the administrator's report settings sections (routes/staff.settings.complaints.tsx):
// the error type of their forms, a field's translated error and a listed row's remove link.
import { useTranslation } from "react-i18next";
import { IntentForm } from "./intent-form";

export type SettingsErrors = { fieldErrors: Record<string, string>; values: Record<string, string> };

/** The translated message of one field of the settings forms, if any. */
export function useFieldError(errors: SettingsErrors) {
  const { t } = useTranslation("triage");
  return (name: string) => {
    const key = errors.fieldErrors[name];
    return key ? t(key) : undefined;
  };
}

/** The "remove" link of a listed row: a one-button form posting the intent and the row's key. */
export function RemoveForm({
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
