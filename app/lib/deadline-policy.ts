// Deadlines of a complaint category on the working calendar, and which one applies now.
// Defaults: accept within 8 working hours and handle an urgent report within 4 working hours
// (Hà Nội, QĐ 1207/QĐ-UBND 2025); handle a normal report within 5 working days (TP.HCM 1022).
import { DeadlineUnit as DeadlineUnitEnum, Urgency as UrgencyEnum, type Urgency } from "~/generated/prisma/enums";
import type { Category, Status } from "./complaint-workflow";
import { addWorkingMinutes, deadlineMinutes, type DeadlineUnit, type WorkingCalendar } from "./vn-time";

export type { Urgency };
export const URGENCIES: readonly Urgency[] = Object.values(UrgencyEnum);
export const DEADLINE_UNITS: readonly DeadlineUnit[] = Object.values(DeadlineUnitEnum);

export type CategoryPolicy = {
  category: Category;
  defaultUrgency: Urgency;
  acknowledgeAmount: number;
  acknowledgeUnit: DeadlineUnit;
  handleAmount: number;
  handleUnit: DeadlineUnit;
  urgentHandleAmount: number;
  urgentHandleUnit: DeadlineUnit;
};

/** Security and order problems (fights, theft, unsafe sites) are urgent by default; the rest normal. */
export function defaultPolicy(category: Category): CategoryPolicy {
  return {
    category,
    defaultUrgency: category === "security" ? "urgent" : "normal",
    acknowledgeAmount: 8,
    acknowledgeUnit: "working_hours",
    handleAmount: 5,
    handleUnit: "working_days",
    urgentHandleAmount: 4,
    urgentHandleUnit: "working_hours",
  };
}

/** Both deadlines, counted from when the clock started (filing or reopening). */
export function computeDeadlines(
  calendar: WorkingCalendar,
  policy: CategoryPolicy,
  urgency: Urgency,
  clockStartedAt: Date,
): { acknowledgeBy: Date; handleBy: Date } {
  const handle =
    urgency === "urgent"
      ? deadlineMinutes(calendar, policy.urgentHandleAmount, policy.urgentHandleUnit)
      : deadlineMinutes(calendar, policy.handleAmount, policy.handleUnit);
  return {
    acknowledgeBy: addWorkingMinutes(
      calendar,
      clockStartedAt,
      deadlineMinutes(calendar, policy.acknowledgeAmount, policy.acknowledgeUnit),
    ),
    handleBy: addWorkingMinutes(calendar, clockStartedAt, handle),
  };
}

/** The deadline the inbox sorts by: acknowledging while nobody took the report, then handling; none once closed. */
export function dueAtFor(status: Status, d: { acknowledgeBy: Date | null; handleBy: Date | null }): Date | null {
  if (status === "new" || status === "reopened") return d.acknowledgeBy;
  if (status === "acknowledged" || status === "in_progress") return d.handleBy;
  return null;
}
