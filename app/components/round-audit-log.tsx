// Who did what in a survey round (separation of duties, docs/decisions/012): every round, code
// batch, printing, sealing and paper-ballot entry, with its figures. Never a code, never an answer.
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";
import { useLanguage } from "~/hooks/use-language";

type Event = {
  id: number;
  createdAt: string;
  action: string;
  detail: Record<string, unknown>;
  actor: { name: string; role: string } | null;
};

/** An event's figures as one line: "count: 3, before: {…}" (React escapes it). */
export function detailText(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${v !== null && typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(", ");
}

export function RoundAuditLog({ events }: { events: Event[] }) {
  const { t } = useTranslation("ballot");
  const lng = useLanguage();
  if (events.length === 0) return null;
  return (
    <section className="card" data-testid="round-audit">
      <h2>{t("audit.heading")}</h2>
      <ul className="plain-list">
        {events.map((e) => (
          <li key={e.id}>
            {formatDate(e.createdAt, lng)} {new Date(e.createdAt).toISOString().slice(11, 16)} UTC ·{" "}
            {e.actor ? `${e.actor.name} (${t(`staff:role.${e.actor.role}`)})` : t("audit.system")} ·{" "}
            {t(`audit.actions.${e.action}`)}
            {Object.keys(e.detail).length > 0 ? <span className="detail"> ({detailText(e.detail)})</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
