// Filing a report (phản ánh) and the replay of the same submission (retry, offline queue).
import { Prisma } from "~/generated/prisma/client";
import type { ConsentSource } from "~/generated/prisma/enums";
import type { Category } from "~/lib/complaint-workflow";
import type { ReportChannel } from "~/generated/prisma/enums";
import { fold } from "~/lib/text";
import { newTrackingCode } from "~/lib/tracking-code";
import { prisma, type Tx } from "~/utils/db.server";
import { newSubscription, type Contact } from "../outbox.server";
import { consentRecord } from "../privacy/consent.server";
import { deadlinesFor } from "./deadlines.server";

/** The channels of a report entered on a resident's behalf (all but the site itself). */
export type IntakeChannel = Exclude<ReportChannel, "web">;

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
  /** entered by an official on a resident's behalf (phone, letter, in person: intake.server.ts) */
  intake?: { channel: IntakeChannel; enteredById: number; contactConsent: boolean; scanFileName: string | null };
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

/** What a replay carries verbatim and a second resident with the same form id would not. */
export type Sender = { communeId: number; category: Category; text: string };

/**
 * A report sent twice under one submission id from another sender: a cached or shared form, or
 * someone who learnt the id. It is not stored and its sender never gets the first report's code.
 */
export class SubmissionConflict extends Error {
  constructor() {
    super("submissionConflict");
  }
}

/**
 * THE replay look-up: the report already stored under this submission id, if it is the same
 * report from the same sender (the offline queue and a retry send the very same form: commune,
 * category, text). Not the address: a phone that moves between networks replays from another
 * one. `conflict` when the id is taken by another sender's report.
 */
async function findReplay(submissionId: string, sender: Sender) {
  const row = await prisma.complaint.findUnique({
    where: { submissionId },
    select: { id: true, code: true, communeId: true, category: true, text: true },
  });
  if (!row) return null;
  const same = row.communeId === sender.communeId && row.category === sender.category && row.text === sender.text;
  return same ? { id: row.id, code: row.code } : ("conflict" as const);
}

/**
 * The tracking code of the report already stored under this submission id by this sender, if
 * any; throws SubmissionConflict when another sender's report holds the id.
 */
export async function findComplaintCodeBySubmission({
  submissionId,
  ...sender
}: { submissionId: string } & Sender): Promise<string | null> {
  const found = await findReplay(submissionId, sender);
  if (found === "conflict") throw new SubmissionConflict();
  return found?.code ?? null;
}

/**
 * Files a report; `replayed` when the same sender's submission was already stored (its code is
 * returned). Throws SubmissionConflict when another sender's report holds the submission id.
 */
export async function createComplaint(
  input: NewComplaint,
  /** the caller's transaction, when the report is one write with something else (an inspection) */
  db: Pick<Tx, "complaint"> = prisma,
): Promise<{ id: number; code: string; replayed?: true }> {
  const createdAt = input.createdAt ?? new Date();
  const clock = await deadlinesFor({ category: input.category, clockStartedAt: createdAt, status: "new" });
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
      return await db.complaint.create({
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
          photos: { create: input.photos ?? [] },
          events: { create: { kind: "filed", toStatus: "new", public: true, createdAt } },
          subscriptions,
          consents: consent && (input.contact || subscriptions) ? { create: consent } : undefined,
          open311: input.open311 ? { create: input.open311 } : undefined,
          intake: input.intake ? { create: { ...input.intake, receivedAt: createdAt } } : undefined,
        },
        select: { id: true, code: true },
      });
    } catch (e) {
      const unique = e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
      if (unique && input.submissionId) {
        // Two sends of one submission id raced: the first one stored it.
        const first = await findReplay(input.submissionId, input);
        if (first === "conflict") throw new SubmissionConflict();
        if (first) return { ...first, replayed: true };
      }
      if (!unique || attempt >= 3) throw e;
    }
  }
}
