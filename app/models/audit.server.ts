// Audit events: who did what, when, with the figures of the action, and for every change of a
// setting, a user, an API key or the household register its value before and after (decision 036).
// Never a code, a password or an answer.
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
  | "round_approved"
  | "register_imported"
  | "settings_changed"
  | "user_changed"
  | "api_key_changed"
  | "works_imported"
  | "work_inspected"
  // residents' personal data (decision 037)
  | "consent_withdrawn"
  | "privacy_request_answered"
  | "photo_redacted"
  | "retention_run"
  // notices on a commune's pages (decision 039)
  | "notice_posted"
  | "notice_ended";

/** The kinds the audit page filters by, in the order it lists them. */
export const AUDIT_ACTIONS: readonly AuditAction[] = [
  "round_created",
  "round_approved",
  "codes_generated",
  "codes_printed",
  "batch_sealed",
  "paper_entered",
  "paper_late",
  "answers_excluded",
  "recheck_drawn",
  "recheck_recorded",
  "register_imported",
  "settings_changed",
  "user_changed",
  "api_key_changed",
  "works_imported",
  "work_inspected",
  "consent_withdrawn",
  "privacy_request_answered",
  "photo_redacted",
  "retention_run",
  "notice_posted",
  "notice_ended",
];

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

/**
 * A change of something a council could ask about, with what it was and what it became. `subject`
 * names the thing changed (a setting's name, a user's id); only the keys that differ are kept.
 */
export function recordChange(
  db: Writer,
  event: {
    actorId: number | null;
    action: Extract<AuditAction, "settings_changed" | "user_changed" | "api_key_changed" | "register_imported">;
    subject: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  },
) {
  const keys = new Set([...Object.keys(event.before ?? {}), ...Object.keys(event.after ?? {})]);
  const changed = [...keys].filter((k) => JSON.stringify(event.before?.[k]) !== JSON.stringify(event.after?.[k]));
  const pick = (o: Record<string, unknown> | null) => (o ? Object.fromEntries(changed.map((k) => [k, o[k] ?? null])) : null);
  return recordAudit(db, {
    actorId: event.actorId,
    action: event.action,
    detail: { subject: event.subject, before: pick(event.before), after: pick(event.after) },
  });
}

export type AuditFilter = { action?: AuditAction | null; actorId?: number | null; from?: Date | null; to?: Date | null };

/** The audit page and its CSV: newest first, filtered by kind, actor and dates ([from, to)). */
export function listAudit({ action, actorId, from, to }: AuditFilter, { take = 200 }: { take?: number } = {}) {
  return prisma.auditEvent.findMany({
    where: {
      ...(action ? { action } : {}),
      ...(actorId ? { actorId } : {}),
      ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      createdAt: true,
      action: true,
      roundId: true,
      communeId: true,
      detail: true,
      actor: { select: { id: true, name: true, role: true } },
    },
  });
}

/** Everyone who has an audit event, for the page's actor filter. */
export function listAuditActors() {
  return prisma.user.findMany({
    where: { auditEvents: { some: {} } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
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
