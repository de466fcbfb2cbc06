// What an official sees after an action on a report: a confirmation that says what was done,
// right under the report's status (the page returns to it, not to the top), and the next open
// report one tap away. Focus moves to the confirmation so a screen reader announces it.
import { Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

export const DONE_KINDS = ["reply", "note", "photo", "redact", "acknowledged", "in_progress", "resolved", "rejected"] as const;
export type DoneKind = (typeof DONE_KINDS)[number];

export function ActionDone({ done, next }: { done: DoneKind | null; next: { id: number; code: string } | null }) {
  const { t } = useTranslation("handling");
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) box.current?.focus();
  }, [done]);
  if (!done && !next) return null;
  return (
    <div id="done" ref={box} tabIndex={-1} className={done ? "action-done" : "action-next"}>
      {done ? (
        <p role="status" data-testid="action-done">
          ✓ {t(`done.${done}`)}
        </p>
      ) : null}
      {next ? (
        <Link to={`/staff/complaints/${next.id}`} className="button" data-testid="next-report">
          {t("next", { code: next.code })}
        </Link>
      ) : done ? (
        <p className="muted">{t("noneLeft")}</p>
      ) : null}
    </div>
  );
}
