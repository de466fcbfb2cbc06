// The share of reports handled before their deadline (council dashboard and commune dossier), and
// in the dossier how many residents said "I have this problem too".
import { useTranslation } from "react-i18next";
import { formatPercent } from "~/lib/format";
import { useLanguage } from "~/hooks/use-language";
import { SupportCount } from "./triage-badges";

export function OnTimeShare({ onTime, total, supporters }: { onTime: number; total: number; supporters?: number }) {
  const { t } = useTranslation("triage");
  const lng = useLanguage();
  return (
    <section className="card on-time" aria-labelledby="on-time-heading">
      <h2 id="on-time-heading">{t("onTime.heading")}</h2>
      <p data-testid="on-time">
        {total === 0 ? t("onTime.none") : t("onTime.share", { share: formatPercent(onTime / total, lng), onTime, total })}
      </p>
      {supporters !== undefined ? <SupportCount count={supporters} /> : null}
    </section>
  );
}
