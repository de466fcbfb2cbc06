// What an official sees after an action on a report: a confirmation that says what was done,
// right under the report's status (the page returns to it, not to the top), and the next open
// report one tap away. The confirmation itself is components/flash.tsx (one for every page).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Confirmation } from "./flash";

export const DONE_KINDS = [
  "reply",
  "note",
  "photo",
  "redact",
  "acknowledged",
  "in_progress",
  "resolved",
  "rejected",
  "forwarded",
  "withdrawn",
  "urgency",
  "merged",
] as const;
export type DoneKind = (typeof DONE_KINDS)[number];

export function ActionDone({ done, next }: { done: DoneKind | null; next: { id: number; code: string } | null }) {
  const { t } = useTranslation("handling");
  if (!done && !next) return null;
  return (
    <Confirmation message={done ? t(`done.${done}`) : null}>
      {next ? (
        <Link to={`/staff/complaints/${next.id}`} className="button" data-testid="next-report">
          {t("next", { code: next.code })}
        </Link>
      ) : done ? (
        <p className="muted">{t("noneLeft")}</p>
      ) : null}
    </Confirmation>
  );
}
