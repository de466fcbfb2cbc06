// The share of reports handled before their deadline (dashboard and dossier).
import { useTranslation } from "react-i18next";
import { formatPercent } from "~/lib/format";

export function OnTimeShare({ onTime, total }: { onTime: number; total: number }) {
  const { t, i18n } = useTranslation("triage");
  return (
    <p className="on-time" data-testid="on-time">
      {total === 0 ? t("onTime.none") : t("onTime.share", { share: formatPercent(onTime / total, i18n.language), onTime, total })}
    </p>
  );
}
