// Residents' personal data: the pure rules (decision 037). Retention periods and when each kind of
// data falls due, the deadline of a resident's request, masking a contact. Who may open one, answer
// requests or read the access log: the permission table (lib/policy.ts).
import { addWorkingMinutes, type WorkingCalendar } from "~/lib/vn-time";

/** The notice shown next to the contact fields; a consent records the version the resident saw. */
export const PRIVACY_NOTICE_VERSION = "2026-12-07";

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
