// Audit events for survey rounds, ballot codes and paper ballots: who did what, when, with the
// figures of the action. Never a code, never an answer.
import { prisma, type Tx } from "~/utils/db.server";

export type AuditAction =
  | "round_created"
  | "codes_generated"
  | "codes_printed"
  | "batch_sealed"
  | "paper_entered"
  | "paper_late"
  | "answers_excluded"
  | "recheck_drawn"
  | "recheck_recorded"
  // residents' personal data (decision 037)
  | "consent_withdrawn"
  | "privacy_request_answered"
  | "photo_redacted"
  | "retention_run";

type Writer = Pick<Tx, "auditEvent">;

export function recordAudit(
  db: Writer,
  event: { actorId: number | null; action: AuditAction; roundId?: number | null; communeId?: number | null; detail?: object },
) {
  return db.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      roundId: event.roundId ?? null,
      communeId: event.communeId ?? null,
      detail: event.detail ? JSON.stringify(event.detail) : null,
    },
    select: { id: true },
  });
}

export function listRoundAudit({ roundId, communeIds }: { roundId: number; communeIds: number[] | null }) {
  return prisma.auditEvent.findMany({
    where: { roundId, ...(communeIds ? { OR: [{ communeId: null }, { communeId: { in: communeIds } }] } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      id: true,
      createdAt: true,
      action: true,
      communeId: true,
      detail: true,
      actor: { select: { name: true, role: true } },
    },
  });
}
