// The top of an administrator's settings page: "Saved." after a save, or the form-level error.
import { useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FormErrors } from "~/forms/form.server";
import { FormError } from "./forms";

export function SettingsStatus({ actionData }: { actionData?: FormErrors }) {
  const [params] = useSearchParams();
  const { t } = useTranslation("staff");
  return (
    <>
      {params.get("done") && !actionData ? (
        <p className="note" role="status">
          {t("settings.saved")}
        </p>
      ) : null}
      <FormError message={actionData?.formError && t(`settings.formErrors.${actionData.formError}`)} />
    </>
  );
}
