// The household ballot code field: label, hint, the server's message next to it, and (with
// JavaScript) the same format and check-character test before anything is sent.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { parseCode } from "~/lib/ballot-code";
import { Field } from "./forms";

export function BallotCodeField({
  defaultValue,
  error,
  errorValues,
}: {
  defaultValue?: string;
  error?: string;
  errorValues?: Record<string, string>;
}) {
  const { t } = useTranslation("ballot");
  const [clientError, setClientError] = useState<string | null>(null);
  const shown = clientError ?? (error ? t(error, errorValues) : null);
  const check = (input: HTMLInputElement) => {
    const parsed = parseCode(input.value);
    const message = parsed.ok ? "" : t(`codeErrors.${parsed.reason}`);
    input.setCustomValidity(message);
    return message;
  };
  return (
    <Field
      label={t("codeLabel")}
      hint={t("codeHint")}
      errors={shown}
      errorRole="alert"
      inputProps={{
        name: "code",
        type: "text",
        className: "code-input",
        required: true,
        maxLength: 24,
        autoComplete: "off",
        autoCapitalize: "characters",
        spellCheck: false,
        defaultValue: defaultValue ?? "",
        onChange: (e) => {
          check(e.currentTarget);
          setClientError(null);
        },
        onBlur: (e) => setClientError(check(e.currentTarget) || null),
        onInvalid: (e) => setClientError(check(e.currentTarget) || null),
      }}
    />
  );
}
