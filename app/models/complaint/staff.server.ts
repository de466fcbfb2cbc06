// A report as staff see it: everything, for staff who passed the report's guard.
import { prisma } from "~/utils/db.server";
import { listedSelect, reportedSelect, timelineEventSelect } from "./select.server";
import { isOpen, type Category, type Status } from "~/lib/complaint-workflow";
import { describeTimeLeft, workingMinutesBetween } from "~/lib/vn-time";
import type { Language } from "~/utils/i18n";
import { needsForwarding } from "~/lib/reply-template";
import { isActiveForwarding, listForwardings } from "../forwarding.server";
import { getWorkingCalendar } from "../working-calendar.server";
import { listTemplates, renderTemplateFor, templateFormatter } from "./reply-templates.server";

/** Everything about one complaint, for staff who passed requireCommuneAccess. */
export async function getStaffComplaint({ id }: { id: number }) {
  const row = await prisma.complaint.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      communeId: true,
      commune: { select: { slug: true, name: true } },
      category: true,
      ...reportedSelect,
      // read only to tell whether there is one: the contact itself comes through "show contact"
      // (models/privacy/contact-access.server.ts), which logs who looked (decision 037)
      contact: true,
      status: true,
      createdAt: true,
      clockStartedAt: true,
      resolvedAt: true,
      handlingRating: true,
      urgency: true,
      acknowledgeBy: true,
      handleBy: true,
      dueAt: true,
      mergedIntoId: true,
      _count: { select: { supporters: true } },
      photos: { select: { id: true, approved: true, width: true, height: true }, orderBy: { id: "asc" } },
      events: {
        select: { ...timelineEventSelect, public: true, actor: { select: { name: true } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!row) return null;
  const { contact, ...rest } = row;
  return { ...rest, status: row.status, hasContact: contact !== null };
}

/** A report as the pages acting on it show it (forward, urgency, merge): the list columns and its commune. */
export function getComplaintHead({ id }: { id: number }) {
  return prisma.complaint.findUnique({ where: { id }, select: { ...listedSelect, communeId: true } });
}

/** The commune a complaint belongs to, for the guard before anything else is loaded. */
export function getComplaintCommuneId({ id }: { id: number }) {
  return prisma.complaint.findUnique({ where: { id }, select: { communeId: true } }).then((r) => r?.communeId ?? null);
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
    // A template naming the unit ({unit}) only while the report is with one.
    templates: templates
      .filter((t) => !needsForwarding(t.body) || forwardings.some((f) => isActiveForwarding(f.status)))
      .map((t) => ({ id: t.id, title: t.title })),
    templateText,
    canWrite: canWrite && isOpen(complaint.status),
  };
}
