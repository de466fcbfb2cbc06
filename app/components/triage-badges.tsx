// Small labels for a report: status, time left on the working calendar, urgency, number of supporters.
import { useTranslation } from "react-i18next";

export type TimeLeftData = { overdue: boolean; unit: "days" | "hours" | "minutes"; count: number };

const OVERDUE_KEY = { days: "overdueDays", hours: "overdueHours", minutes: "overdueMinutes" } as const;

/** "còn 3 giờ làm việc" / "quá hạn 1 ngày làm việc". */
export function TimeLeft({ timeLeft }: { timeLeft: TimeLeftData | null }) {
  const { t } = useTranslation("triage");
  if (!timeLeft) return null;
  const key = timeLeft.overdue ? OVERDUE_KEY[timeLeft.unit] : timeLeft.unit;
  return (
    <span className={`tag tag--time${timeLeft.overdue ? " tag--overdue" : ""}`} data-testid="time-left">
      {t(`timeLeft.${key}`, { count: timeLeft.count })}
    </span>
  );
}

/** The report's status, coloured by status (data-testid only where a page shows one report). */
export function StatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation("complaint");
  return (
    <span className={`status status--${status}`} data-testid={testId}>
      {t(`status.${status}`)}
    </span>
  );
}

export function UrgencyTag({ urgency }: { urgency: "urgent" | "normal" }) {
  const { t } = useTranslation("triage");
  return urgency === "urgent" ? (
    <span className="tag tag--urgent" data-testid="urgency">
      {t("urgency.urgent")}
    </span>
  ) : null;
}

export function SupportCount({ count }: { count: number }) {
  const { t } = useTranslation("triage");
  return count > 0 ? (
    <span className="tag tag--support" data-testid="supporters">
      {t("supporters", { count })}
    </span>
  ) : null;
}
