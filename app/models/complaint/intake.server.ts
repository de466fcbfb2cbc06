// Reports received by phone, letter, in person at the one-stop desk or at a loudspeaker feedback
// meeting, entered by an official on the resident's behalf (issue 24; QĐ 31/2021/QĐ-TTg art. 43(2)).
// They are filed like any report: same workflow and deadlines, the clock starting when the commune
// received it; the resident's contact is kept only with their consent.
import type { Category } from "~/lib/complaint-workflow";
import { normaliseEmail, normalisePhone } from "~/lib/contact";
import { vnIsoDay } from "~/lib/vn-time";
import { prisma } from "~/utils/db.server";
import { createComplaint, type IntakeChannel } from "./filing.server";

export type ReceivedReport = {
  communeId: number;
  enteredById: number;
  channel: IntakeChannel;
  receivedAt: Date;
  category: Category;
  text: string;
  village: string | null;
  email: string | null;
  phone: string | null;
  contactConsent: boolean;
  scanFileName: string | null;
};

export type IntakeRefusal = "receivedInFuture" | "consentRequired";

/** Files a report received outside the site. Refused: a reception date after today, or a contact without consent. */
export async function enterReceivedReport(
  input: ReceivedReport,
  now: Date = new Date(),
): Promise<{ ok: true; id: number; code: string } | { ok: false; reason: IntakeRefusal }> {
  if (vnIsoDay(input.receivedAt) > vnIsoDay(now)) return { ok: false, reason: "receivedInFuture" };
  const hasContact = Boolean(input.email || input.phone);
  if (hasContact && !input.contactConsent) return { ok: false, reason: "consentRequired" };
  // Received today: the clock starts now; an earlier day: at the day's start (the hour is not known).
  const receivedAt = vnIsoDay(input.receivedAt) === vnIsoDay(now) ? now : input.receivedAt;
  const contact =
    [input.phone && normalisePhone(input.phone), input.email && normaliseEmail(input.email)].filter(Boolean).join(" · ") || null;
  const { id, code } = await createComplaint({
    communeId: input.communeId,
    category: input.category,
    text: input.text,
    village: input.village,
    contact,
    notify: { email: input.email, phone: input.phone },
    createdAt: receivedAt,
    // The resident agreed to be contacted, as the official ticked (checked above when there is a contact).
    consent: input.contactConsent ? "intake" : null,
    intake: {
      channel: input.channel,
      enteredById: input.enteredById,
      contactConsent: input.contactConsent,
      scanFileName: input.scanFileName,
    },
  });
  return { ok: true, id, code };
}

/** The receipt handed or posted to the resident: the tracking code and what was received. */
export async function getIntakeReceipt({ id }: { id: number }) {
  return prisma.complaint.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      communeId: true,
      category: true,
      text: true,
      createdAt: true,
      acknowledgeBy: true,
      handleBy: true,
      commune: { select: { name: true, kind: true, slug: true, phone: true } },
      intake: { select: { channel: true, receivedAt: true } },
    },
  });
}

/** Reports per channel of intake (the site: those without an intake row), for the dashboard. */
export async function countReportsByChannel({ communeIds }: { communeIds: number[] | null }) {
  const where = communeIds ? { communeId: { in: communeIds } } : {};
  const [total, rows] = await Promise.all([
    prisma.complaint.count({ where: { ...where, status: { not: "merged" } } }),
    prisma.complaintIntake.groupBy({
      by: ["channel"],
      where: { complaint: { ...where, status: { not: "merged" } } },
      _count: { _all: true },
    }),
  ]);
  const received = rows.reduce((s, r) => s + r._count._all, 0);
  return [
    { channel: "web" as const, count: total - received },
    ...rows.map((r) => ({ channel: r.channel, count: r._count._all })),
  ];
}
