// On a report about a work under warranty (issue 22): "Trong thời hạn bảo hành — nhà thầu …",
// and, for the commune's official, a form that forwards the report to the contractor (a unit,
// through the ordinary forwarding action, decision 020) with a prefilled note.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { WarrantyNotice as Notice } from "~/models/work/link.server";
import { TextareaField } from "./forms";

const dayText = (isoDay: string) => isoDay.split("-").reverse().join("/");

/** The one line the inbox and the report page show. */
export function WarrantyLine({ notice }: { notice: Notice }) {
  const { t } = useTranslation("works");
  return (
    <span className="tag" data-testid="warranty-notice">
      {t("notice.warranty", { date: dayText(notice.lastDay), contractor: notice.contractor ?? t("notice.noContractor") })}
    </span>
  );
}

export function WarrantyNotice({ complaintId, notice, canWrite }: { complaintId: number; notice: Notice; canWrite: boolean }) {
  const { t } = useTranslation("works");
  const date = dayText(notice.lastDay);
  return (
    <section className="card" aria-label={t("notice.work", { name: notice.workName })}>
      <p>
        <WarrantyLine notice={notice} />
      </p>
      <p>
        {t("notice.work", { name: notice.workName })}
        {notice.fromInspection ? ` · ${t("notice.fromInspection")}` : null}
      </p>
      {notice.withContractor ? (
        <p data-testid="with-contractor">{t("notice.withContractor")}</p>
      ) : !canWrite ? null : notice.contractorUnitId === null ? (
        <p className="muted">{t("notice.unregistered")}</p>
      ) : (
        <Form method="post" action={`/staff/complaints/${complaintId}/forward`} data-testid="forward-contractor">
          <input type="hidden" name="intent" value="forward" />
          <input type="hidden" name="unitId" value={notice.contractorUnitId} />
          <TextareaField
            label={t("triage:forward.note")}
            textareaProps={{
              name: "note",
              rows: 3,
              maxLength: 1000,
              required: true,
              defaultValue: t("notice.forwardNote", { name: notice.workName, code: notice.workCode, date }),
            }}
          />
          <button type="submit" className="button button--primary">
            {t("notice.forward")}
          </button>
        </Form>
      )}
    </section>
  );
}
