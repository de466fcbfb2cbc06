import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";
import { useLanguage } from "~/hooks/use-language";
import type { ComplaintEventKind } from "~/generated/prisma/enums";

type Event = {
  id: number;
  kind: ComplaintEventKind;
  fromStatus: string | null;
  toStatus: string | null;
  body: string | null;
  createdAt: string;
  public?: boolean;
  actor?: { name: string } | null;
  /** public reads: the unit that acted (null: the commune, or the resident) */
  by?: string | null;
};

// Kinds whose body is a text to show (for the others the body is a name or a number in the title).
const BODY_SHOWN = new Set(["reply", "note", "reopened", "forward_note", "urgency_raised", "urgency_lowered"]);

/** A complaint's history: status changes, replies and (for staff) internal notes, oldest first. */
export function ComplaintTimeline({ events, staff = false }: { events: Event[]; staff?: boolean }) {
  const { t } = useTranslation("complaint");
  const lng = useLanguage();
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.id} className={`timeline__item timeline__item--${e.kind}${e.public === false ? " is-internal" : ""}`}>
          <p className="timeline__meta">
            {formatDate(e.createdAt, lng)} ·{" "}
            {staff
              ? (e.actor?.name ?? t("timeline.resident"))
              : e.kind === "filed" || e.kind === "rated" || e.kind === "reopened"
                ? t("timeline.resident")
                : (e.by ?? t("timeline.office"))}
            {e.public === false ? <span className="tag">{t("timeline.internal")}</span> : null}
          </p>
          <p className="timeline__what">
            {e.kind === "status"
              ? t("timeline.status", { from: t(`status.${e.fromStatus}`), to: t(`status.${e.toStatus}`) })
              : t(`timeline.kind.${e.kind}`, {
                  rating: e.body,
                  body: e.body,
                  // deadline_changed: the new handling date promised to the resident
                  date: e.kind === "deadline_changed" && e.body ? formatDate(e.body, lng) : undefined,
                })}
          </p>
          {e.body && BODY_SHOWN.has(e.kind) ? <p className="timeline__body">{e.body}</p> : null}
        </li>
      ))}
    </ol>
  );
}
