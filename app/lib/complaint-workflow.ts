// The complaint workflow: which status may follow which, what needs a public reply, what is
// overdue, and when a resident may reopen. Pure rules, unit-tested. The statuses and categories
// themselves are enums in prisma/schema.prisma.
import { ComplaintCategory, ComplaintStatus } from "~/generated/prisma/enums";

export type Status = ComplaintStatus;
export const STATUSES: readonly Status[] = Object.values(ComplaintStatus);
/** Limits of what a resident may send with a complaint. */
export const COMPLAINT_TEXT_MIN = 10;
export const COMPLAINT_TEXT_MAX = 2000;
export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
/** Pixels of a JPEG photo (decoded shrunk, from its DCT blocks) and of a PNG or WebP one (decoded whole). */
export const MAX_JPEG_PIXELS = 40_000_000;
export const MAX_LOSSLESS_PIXELS = 8_000_000;

export type Category = ComplaintCategory;
export const CATEGORIES: readonly Category[] = Object.values(ComplaintCategory);

/**
 * Moves an official may make. Reopening belongs to the resident. A new report that can be fixed
 * at once may be resolved directly (with its public reply): no separate acknowledgement first.
 */
const STAFF_TRANSITIONS: Record<Status, readonly Status[]> = {
  new: ["acknowledged", "resolved", "rejected"],
  acknowledged: ["in_progress", "resolved", "rejected"],
  in_progress: ["resolved", "rejected"],
  reopened: ["acknowledged", "in_progress", "resolved", "rejected"],
  resolved: [],
  rejected: [],
  // A duplicate an official merged into another report: closed, its supporters moved over.
  merged: [],
};

export function staffTransitions(from: Status): readonly Status[] {
  return STAFF_TRANSITIONS[from];
}

export function canStaffMove(from: Status, to: Status): boolean {
  return STAFF_TRANSITIONS[from].includes(to);
}

/** Resolving or rejecting must tell the resident why, publicly. */
export function requiresPublicReply(to: Status): boolean {
  return to === "resolved" || to === "rejected";
}

export const OPEN_STATUSES: readonly Status[] = ["new", "acknowledged", "in_progress", "reopened"];

export function isOpen(status: Status): boolean {
  return OPEN_STATUSES.includes(status);
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Overdue: still open after the deadline that applies now (acknowledging while new or reopened,
 * handling once taken up). Deadlines run on the working calendar (deadline-policy.ts).
 */
export function isOverdue(c: { status: Status; dueAt: Date | null }, now: Date = new Date()): boolean {
  return isOpen(c.status) && c.dueAt !== null && c.dueAt.getTime() < now.getTime();
}

export const REOPEN_WINDOW_DAYS = 14;

/** A resolved complaint may be rated, and reopened within 14 days of its resolution. */
export function canReopen(c: { status: Status; resolvedAt: Date | null }, now: Date = new Date()): boolean {
  return c.status === "resolved" && !!c.resolvedAt && now.getTime() - c.resolvedAt.getTime() <= REOPEN_WINDOW_DAYS * DAY;
}
