// A round's second signature (decision 036): proposed rounds say so, and an administrator who did
// not propose it sees the button that approves it as proposed.
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";
import type { FormErrors } from "~/forms/form.server";
import { useLanguage } from "~/hooks/use-language";
import { FormError } from "./forms";
import { IntentForm } from "./intent-form";

export function RoundApproval({
  roundId,
  approvedAt,
  canApprove,
}: {
  roundId: number;
  approvedAt: string | null;
  canApprove: boolean;
}) {
  const { t } = useTranslation("ballot");
  const lng = useLanguage();
  const actionData = useActionData<FormErrors>();
  if (approvedAt)
    return (
      <p className="muted" data-testid="round-approved">
        {t("approval.approved", { date: formatDate(approvedAt, lng) })}
      </p>
    );
  return (
    <section className="note" data-testid="round-proposed">
      <p>{t("approval.proposed")}</p>
      {canApprove ? (
        <>
          <FormError message={actionData?.formError?.startsWith("ballot:approval") ? t(actionData.formError) : null} />
          <IntentForm
            action={`/staff/rounds/${roundId}/approve`}
            submitLabel={t("approval.approve")}
            buttonClassName="button button--primary"
          />
        </>
      ) : null}
    </section>
  );
}
