// Filing a report (phản ánh) and the replay of the same submission (retry, offline queue).
import { Prisma } from "~/generated/prisma/client";
import type { ConsentSource } from "~/generated/prisma/enums";
import type { Category } from "~/lib/complaint-workflow";
import { fold } from "~/lib/text";
import { newTrackingCode } from "~/lib/tracking-code";
import { prisma } from "~/utils/db.server";
import { newSubscription, type Contact } from "../outbox.server";
import { consentRecord } from "../privacy/consent.server";
import { startClock } from "./deadlines.server";

export type NewComplaint = {
  communeId: number;
  category: Category;
  text: string;
  village?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  contact?: string | null;
  /** for notifications; kept apart from `contact`, which staff see (see docs/decisions/022) */
  notify?: Contact;
  /**
   * Where the resident ticked the consent box for being contacted. Without it neither `contact`
   * nor `notify` is stored: the report is filed without a contact (decision 037).
   */
  consent?: ConsentSource | null;
  /** posted through Open311 with this key; the token lets the client look it up */
  open311?: { apiKeyId: number; token: string };
  ipHash?: string | null;
  photos?: { fileName: string; width: number; height: number; bytes: number }[];
  /** the form's id: the same report sent again (retry, offline queue) is stored once */
  submissionId?: string | null;
  createdAt?: Date;
  isDemo?: boolean;
};

/** The tracking code of a report already stored under this submission id, if any. */
export async function findComplaintCodeBySubmission({ submissionId }: { submissionId: string }): Promise<string | null> {
  const row = await prisma.complaint.findUnique({ where: { submissionId }, select: { code: true } });
  return row?.code ?? null;
}

/** Files a report; `replayed` when the same submission was already stored (its code is returned). */
export async function createComplaint(input: NewComplaint): Promise<{ id: number; code: string; replayed?: true }> {
  const createdAt = input.createdAt ?? new Date();
  const clock = await startClock(input.category, createdAt);
  const consent = input.consent ? consentRecord(input.consent, createdAt) : null;
  for (let attempt = 0; ; attempt++) {
    const code = newTrackingCode();
    try {
      const subscriptions = await newSubscription({
        code,
        communeId: input.communeId,
        category: input.category,
        ...(consent ? input.notify : {}),
      });
      return await prisma.complaint.create({
        data: {
          code,
          communeId: input.communeId,
          category: input.category,
          text: input.text,
          searchKey: fold(input.text),
          village: input.village ?? null,
          latitude: input.latitude ?? null,
          longitude: input.longitude ?? null,
          contact: consent ? (input.contact ?? null) : null,
          ipHash: input.ipHash ?? null,
          submissionId: input.submissionId ?? null,
          isDemo: input.isDemo ?? false,
          createdAt,
          clockStartedAt: createdAt,
          ...clock,
          dueAt: clock.acknowledgeBy,
          photos: { create: input.photos ?? [] },
          events: { create: { kind: "filed", toStatus: "new", public: true, createdAt } },
          subscriptions,
          consents: consent && (input.contact || subscriptions) ? { create: consent } : undefined,
          open311: input.open311 ? { create: input.open311 } : undefined,
        },
        select: { id: true, code: true },
      });
    } catch (e) {
      const unique = e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
      if (unique && input.submissionId) {
        // Two sends of one report raced: the first one stored it.
        const first = await prisma.complaint.findUnique({
          where: { submissionId: input.submissionId },
          select: { id: true, code: true },
        });
        if (first) return { ...first, replayed: true };
      }
      if (!unique || attempt >= 3) throw e;
    }
  }
}
