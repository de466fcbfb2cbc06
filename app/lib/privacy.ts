// Residents' personal data: the pure rules (decision 037). Retention periods and when each kind of
// data falls due, the deadline of a resident's request, masking a contact, and who may open one.
import type { Role } from "~/lib/roles";
import { addWorkingMinutes, type WorkingCalendar } from "~/lib/vn-time";

/** The notice shown next to the contact fields; a consent records the version the resident saw. */
export const PRIVACY_NOTICE_VERSION = "2026-12-07";

/**
 * Roles that may open a resident's contact with "show contact" (and only on a report they handle):
 * the commune's officials and the unit a report was forwarded to. Council members, the Fatherland
 * Front and administrators never see one (issue 26).
 */
export const CONTACT_ROLES: readonly Role[] = ["official", "unit"];
/** Who answers residents' requests: the commune's officials. */
export const REQUEST_ROLES: readonly Role[] = ["official"];
/** Who reads the contact access log and the retention figures, and sets the retention periods. */
export const PRIVACY_ADMIN_ROLES: readonly Role[] = ["admin"];
/** Who sees the requests queue: those who answer, and administrators (read only). */
export const PRIVACY_QUEUE_ROLES: readonly Role[] = [...REQUEST_ROLES, ...PRIVACY_ADMIN_ROLES];

export type RetentionSettings = {
  /** a report's contact (and its notification subscriptions) after it closes */
  contactDays: number;
  /** photos an official never approved, after the report closes */
  photoDays: number;
  /** the network-address hash of a report or a "me too", after it was made */
  ipHashDays: number;
  /** the network-address hash of a survey answer, after it was made (the integrity report reads it) */
  answerIpHashDays: number;
};

export const RETENTION_DEFAULTS: RetentionSettings = {
  contactDays: 90,
  photoDays: 30,
  ipHashDays: 2,
  answerIpHashDays: 180,
};

export const RETENTION_KEYS = Object.keys(RETENTION_DEFAULTS) as (keyof RetentionSettings)[];
export const RETENTION_BOUNDS = { min: 1, max: 3650 } as const;

export type Controller = "commune" | "city";
export const CONTROLLERS: readonly Controller[] = ["commune", "city"];

const DAY_MS = 86_400_000;

/** Data of this kind made (or closed) before the returned instant is due for erasure. */
export function erasureCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** Working days a resident's request is answered in (decision 037; check against the decree). */
export const REQUEST_WORKING_DAYS = 10;

/** The deadline of a request made at `at`: REQUEST_WORKING_DAYS working days on the calendar. */
export function requestDueAt(calendar: WorkingCalendar, at: Date, days = REQUEST_WORKING_DAYS): Date {
  return addWorkingMinutes(calendar, at, days * calendar.minutesPerDay);
}

export function isRequestOverdue(request: { status: string; dueAt: Date | string }, now: Date): boolean {
  return request.status === "open" && new Date(request.dueAt).getTime() < now.getTime();
}

/** "an***@gmail.com", "09******67": enough for the resident to recognise, not to use. */
export function maskContact(contact: string | null): string | null {
  if (!contact) return null;
  return contact
    .split(" · ")
    .map((part) => {
      const at = part.indexOf("@");
      if (at > 0) return `${part.slice(0, Math.min(2, at - 1))}***${part.slice(at)}`;
      const digits = part.replace(/\D/g, "");
      if (digits.length < 6) return "***";
      return `${digits.slice(0, 2)}${"*".repeat(digits.length - 4)}${digits.slice(-2)}`;
    })
    .join(" · ");
}

/** May this role ever open a contact? (The report's own guard decides for one report.) */
export function mayOpenContact(role: Role): boolean {
  return CONTACT_ROLES.includes(role);
}
