// The staff report page's triage card: urgency, deadlines and time left, supporters, where the
// report is (forwardings), links to forward / change urgency / merge, and a reply-template picker
// (a GET form that fills the reply box: works without JavaScript).
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";
import { SupportCount, TimeLeft, UrgencyTag, type TimeLeftData } from "./triage-badges";

type Props = {
  complaintId: number;
  urgency: "urgent" | "normal";
  timeLeft: TimeLeftData | null;
  acknowledgeBy: string | null;
  handleBy: string | null;
  supporters: number;
  forwardings: {
    id: number;
    status: string;
    note: string;
    returnReason: string | null;
    createdAt: string;
    unit: { name: string };
  }[];
  templates: { id: number; title: string }[];
  canWrite: boolean;
};

export function TriagePanel(p: Props) {
  const { t, i18n } = useTranslation("triage");
  const lng = i18n.language;
  const active = p.forwardings.find((f) => f.status === "pending" || f.status === "accepted");
  return (
    <section className="card triage" aria-labelledby="triage-heading">
      <h2 id="triage-heading">{t("deadlines.heading")}</h2>
      <p>
        {t("deadlines.urgency")}: <strong>{t(`urgency.${p.urgency}`)}</strong> <UrgencyTag urgency={p.urgency} />{" "}
        <TimeLeft timeLeft={p.timeLeft} /> <SupportCount count={p.supporters} />
      </p>
      <dl className="facts">
        {p.acknowledgeBy ? (
          <>
            <dt>{t("deadlines.acknowledgeBy")}</dt>
            <dd data-testid="acknowledge-by">{formatDate(p.acknowledgeBy, lng)}</dd>
          </>
        ) : null}
        {p.handleBy ? (
          <>
            <dt>{t("deadlines.handleBy")}</dt>
            <dd data-testid="handle-by">{formatDate(p.handleBy, lng)}</dd>
          </>
        ) : null}
      </dl>
      {active ? (
        <p data-testid="forwarded-to">
          {t("forward.current", { unit: active.unit.name, status: t(`forward.status.${active.status}`) })}
        </p>
      ) : null}
      {p.forwardings.length > 0 ? (
        <details>
          <summary>{t("forward.history")}</summary>
          <ul>
            {p.forwardings.map((f) => (
              <li key={f.id}>
                {formatDate(f.createdAt, lng)} · {f.unit.name} · {t(`forward.status.${f.status}`)} — {f.note}
                {f.returnReason ? ` — ${t("forward.returnReason", { reason: f.returnReason })}` : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {p.canWrite ? (
        <>
          <p className="button-row">
            <Link className="button" to={`/staff/complaints/${p.complaintId}/forward`}>
              {t("actions.forward")}
            </Link>
            <Link className="button" to={`/staff/complaints/${p.complaintId}/urgency`}>
              {t("actions.urgency")}
            </Link>
            <Link className="button" to={`/staff/complaints/${p.complaintId}/merge`}>
              {t("actions.merge")}
            </Link>
          </p>
          {p.templates.length > 0 ? (
            <Form method="get" className="inline-form" preventScrollReset>
              <label>
                {t("actions.useTemplate")}{" "}
                <select name="template" defaultValue="">
                  <option value="">{t("actions.noTemplate")}</option>
                  {p.templates.map((tpl) => (
                    <option key={tpl.id} value={tpl.id}>
                      {tpl.title}
                    </option>
                  ))}
                </select>
              </label>{" "}
              <button type="submit" className="button">
                {t("actions.templateApply")}
              </button>
            </Form>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
