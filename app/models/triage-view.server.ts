// What the staff report page shows about triage: deadlines and time left, supporters,
// forwardings, reply templates (one filled in when chosen with ?template=ID).
import { isOpen, type Category, type Status } from "~/lib/complaint-workflow";
import { formatDate } from "~/lib/format";
import type { TemplateValues } from "~/lib/reply-template";
import { describeTimeLeft, workingMinutesBetween } from "~/lib/vn-time";
import { getFixedT } from "~/utils/i18n.server";
import type { Language } from "~/utils/i18n";
import { listForwardings } from "./forwarding.server";
import { listTemplates, renderTemplateFor } from "./triage.server";
import { getWorkingCalendar } from "./working-calendar.server";

/** Placeholder values in the reader's language. */
export function templateFormatter(lng: Language) {
  const t = getFixedT(lng, "complaint");
  return (c: { code: string; commune: string; category: Category; createdAt: Date; handleBy: Date | null }): TemplateValues => ({
    code: c.code,
    commune: c.commune,
    category: t(`category.${c.category}`),
    date: formatDate(c.createdAt, lng),
    deadline: c.handleBy ? formatDate(c.handleBy, lng) : "",
  });
}

export async function loadTriage({
  complaint,
  canWrite,
  lng,
  templateId,
}: {
  complaint: {
    id: number;
    category: Category;
    status: Status;
    dueAt: Date | null;
    acknowledgeBy: Date | null;
    handleBy: Date | null;
    /** counted by the staff read (getStaffComplaint) */
    _count: { supporters: number };
  };
  canWrite: boolean;
  lng: Language;
  templateId: string | null;
}) {
  const now = new Date();
  const [calendar, forwardings, templates] = await Promise.all([
    getWorkingCalendar(now),
    listForwardings({ complaintId: complaint.id }),
    canWrite ? listTemplates({ category: complaint.category }) : Promise.resolve([]),
  ]);
  const chosen = Number(templateId);
  const templateText =
    canWrite && Number.isSafeInteger(chosen) && chosen > 0
      ? await renderTemplateFor({ templateId: chosen, complaintId: complaint.id, format: templateFormatter(lng) })
      : null;
  return {
    timeLeft:
      complaint.dueAt && isOpen(complaint.status)
        ? describeTimeLeft(workingMinutesBetween(calendar, now, complaint.dueAt), calendar.minutesPerDay)
        : null,
    acknowledgeBy: complaint.acknowledgeBy,
    handleBy: complaint.handleBy,
    supporters: complaint._count.supporters,
    forwardings,
    templates: templates.map((t) => ({ id: t.id, title: t.title })),
    templateText,
    canWrite: canWrite && isOpen(complaint.status),
  };
}
