// What the phone keeps for the resident: the send in progress, "saved on this phone", and the
// list of waiting, sent and refused items with their actions (the offline queue, issue 13).
import { Link } from "@remix-run/react";
import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import type { Notice } from "~/hooks/use-offline-submit";
import type { QueueItem } from "~/lib/offline-queue";
import { vnDayMonthTime } from "~/lib/vn-time";

type Props = {
  notice: Notice;
  items: QueueItem[];
  /** cancel a waiting item, dismiss a sent or refused one */
  onCancel: (id: string) => void;
  /** the resident opens a sent item's thanks or tracking page: it leaves the list */
  onOpen: (id: string) => void;
  panelRef?: Ref<HTMLDivElement>;
};

export function QueuePanel({ notice, items, onCancel, onOpen, panelRef }: Props) {
  const { t, i18n } = useTranslation("pwa");
  const reason = (item: QueueItem) => {
    const ns = item.kind === "survey" ? "survey" : "complaint";
    const prefix = item.kind === "survey" ? "formErrors" : "report.formErrors";
    const field = Object.values(item.error?.fieldErrors ?? {})[0];
    // A household ballot code refused on arrival (used meanwhile, round closed): the ballot page's message.
    if (item.error?.refused?.problem) return t(`ballot:${item.error.refused.problem}`, { code: item.error.refused.code });
    if (item.error?.formError) return t(`${ns}:${prefix}.${item.error.formError}`);
    if (field) return t(`${ns}:${field}`);
    return t("queue.refusedStatus", { status: item.status ?? 0 });
  };

  return (
    <div className="offline-panel" ref={panelRef} data-testid="offline-panel">
      {notice?.kind === "sending" ? (
        <div className="offline-panel__sending" role="status">
          <p>{t("queue.sending", { percent: notice.percent })}</p>
          <progress max={100} value={notice.percent} />
        </div>
      ) : null}
      {notice?.kind === "saved" ? (
        <p className="offline-panel__saved" role="status">
          <strong>{t("queue.savedTitle")}</strong> {t("queue.savedBody")}
        </p>
      ) : null}
      {items.length > 0 ? (
        <section aria-labelledby="queue-heading">
          <h2 id="queue-heading">{t("queue.heading")}</h2>
          <ul className="queue-list">
            {items.map((item) => (
              <li key={item.id} data-state={item.state}>
                <span className="queue-list__what">
                  {t(`queue.kind.${item.kind}`)}: {item.label}
                  {item.photos.length > 0 ? ` · ${t("queue.photos", { count: item.photos.length })}` : null}
                </span>
                <span className="hint">
                  {item.state === "waiting"
                    ? t("queue.waitingSince", { time: vnDayMonthTime(item.createdAt, i18n.language) })
                    : null}
                  {item.state === "sent" ? t("queue.sent") : null}
                  {item.state === "rejected" ? t("queue.refused", { reason: reason(item) }) : null}
                </span>
                {item.state === "sent" && item.location ? (
                  <Link to={item.location} className="button button--small" onClick={() => onOpen(item.id)}>
                    {item.kind === "report" ? t("queue.seeCode") : t("queue.seeThanks")}
                  </Link>
                ) : null}
                <button type="button" className="button button--small" onClick={() => onCancel(item.id)}>
                  {item.state === "waiting" ? t("queue.cancel") : t("queue.dismiss")}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
