import { useTranslation } from "react-i18next";
import type { FormErrors } from "~/forms/form.server";
import { FormError } from "./forms";

/**
 * The message at the top of a form that came back: the form-level error, or how many fields
 * need fixing. `prefix` is where the page keeps its messages ("formErrors", "report.formErrors").
 */
export function FormErrorSummary({
  actionData,
  ns,
  prefix,
  values = {},
}: {
  actionData?: FormErrors;
  ns: string;
  prefix: string;
  values?: Record<string, unknown>;
}) {
  const { t } = useTranslation(ns);
  if (!actionData) return null;
  const fieldCount = Object.keys(actionData.fieldErrors ?? {}).length;
  if (!actionData.formError && fieldCount === 0) return null;
  return (
    <FormError
      id="form-error"
      message={actionData.formError ? t(`${prefix}.${actionData.formError}`, values) : t(`${prefix}.fix`, { count: fieldCount })}
    />
  );
}
