// Who did what in a survey round (separation of duties, docs/decisions/012): every round, code
// batch, printing, sealing and paper-ballot entry, with its figures. Never a code, never an answer.
// Each event reads as a sentence in Vietnam time (issue 23); the raw records stay available to
// auditors in a fold at the end of the log.
import { useTranslation } from "react-i18next";
import { auditFacts } from "~/lib/audit-facts";
import { formatDateTime } from "~/lib/format";
import { useLanguage } from "~/hooks/use-language";

type Event = {
  id: number;
  createdAt: string;
  action: string;
  detail: Record<string, unknown>;
  actor: { name: string; role: string } | null;
};

/** An event's figures as one line: "count: 3, before: {…}" (React escapes it). For auditors' pages. */
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
      <p className="muted">{t("audit.timeNote")}</p>
      <ul className="plain-list" data-testid="round-audit-sentences">
        {events.map((e) => {
          const facts = auditFacts(e.action, e.detail).map((f) => t(`audit.facts.${f.key}`, { ...f.values }));
          return (
            <li key={e.id}>
              <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, lng)}</time> ·{" "}
              {e.actor ? `${e.actor.name} (${t(`staff:role.${e.actor.role}`)})` : t("audit.system")}:{" "}
              {t(`audit.actions.${e.action}`)}
              {facts.length > 0 ? ` — ${facts.join(", ")}` : ""}.
            </li>
          );
        })}
      </ul>
      <details className="audit-raw">
        <summary>{t("audit.raw")}</summary>
        <p className="muted">{t("audit.rawNote")}</p>
        <pre data-testid="round-audit-raw">
          {events.map((e) => `${e.createdAt} ${e.action} ${JSON.stringify(e.detail)}`).join("\n")}
        </pre>
      </details>
    </section>
  );
}
