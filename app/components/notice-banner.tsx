// A commune's current notices (water cut, storm, road closed; decision 039) at the top of its public
// pages, and the same markup on the printed poster.
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";

type Shown = { id: number; text: string; endsAt: Date | string };

/** The last day a notice is shown: the day before its end (which is the next midnight). */
export const lastDay = (endsAt: Date | string) => new Date(new Date(endsAt).getTime() - 1);

/**
 * The current notices at the top of a public page: React escapes the text. Rendered on the
 * server, so the service worker's offline copy of the page keeps them (decision 019).
 */
export function NoticeBanner({ notices }: { notices: Shown[] }) {
  const { t, i18n } = useTranslation("common");
  return (
    <NoticeAside
      heading={t("notice.heading")}
      lines={notices.map((n) => ({
        id: n.id,
        text: n.text,
        until: t("notice.until", { date: formatDate(lastDay(n.endsAt), i18n.language) }),
      }))}
    />
  );
}

/** The banner's markup, also used by the printed poster with its Vietnamese lines made on the server. */
export function NoticeAside({ heading, lines }: { heading: string; lines: { id: number; text: string; until: string }[] }) {
  if (lines.length === 0) return null;
  return (
    <aside className="notice-banner" aria-label={heading} data-testid="notice-banner">
      <h2>{heading}</h2>
      {lines.map((n) => (
        <p key={n.id}>
          {n.text} <span className="notice-banner__until">{n.until}</span>
        </p>
      ))}
    </aside>
  );
}
