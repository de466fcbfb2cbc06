import { useTranslation } from "react-i18next";

/** Links to a round's notices for residents: the A4 results notice and the loudspeaker scripts. */
export function RoundNoticeLinks({ roundId, slug }: { roundId: number; slug?: string }) {
  const { t } = useTranslation("reach");
  const q = slug ? `commune=${encodeURIComponent(slug)}&` : "";
  return (
    <p className="no-print round-notice-links">
      <span className="muted">{t("notice.links")}: </span>
      <a href={`/staff/rounds/${roundId}/notice?${q}`}>{t("notice.printLink")}</a> ·{" "}
      <a href={`/staff/rounds/${roundId}/loudspeaker?${q}kind=results`}>{t("notice.resultsScript")}</a> ·{" "}
      <a href={`/staff/rounds/${roundId}/loudspeaker?${q}kind=opening`}>{t("notice.openingScript")}</a>
    </p>
  );
}
