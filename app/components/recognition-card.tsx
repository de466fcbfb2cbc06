import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";
import { localized } from "~/utils/i18n";
import { useLanguage } from "~/hooks/use-language";
import type { CommuneKind } from "~/generated/prisma/enums";
import { isRural } from "~/lib/rural";

type Recognition = {
  decisionNumber: string;
  decidedOn: string;
  isDemo: boolean;
  level: { period: string; nameVi: string; nameEn: string };
} | null;

/** The commune's official recognition status, or "not recognised". */
export function RecognitionCard({ recognition, kind }: { recognition: Recognition; kind: CommuneKind }) {
  const { t } = useTranslation("commune");
  const lng = useLanguage();
  if (!recognition) {
    return (
      <div className="card recognition recognition--none">
        <p className="recognition__label">{t("recognition.label")}</p>
        <p className="recognition__level">{t(isRural(kind) ? "recognition.none" : "recognition.notApplicable")}</p>
      </div>
    );
  }
  return (
    <div className="card recognition">
      <p className="recognition__label">
        {t("recognition.label")}
        {recognition.isDemo ? <span className="tag tag--demo">{t("common:demo.tag")}</span> : null}
      </p>
      <p className="recognition__level">{localized(recognition.level, "name", lng)}</p>
      <p className="recognition__meta">
        {t("recognition.period", { period: recognition.level.period })} ·{" "}
        {t("recognition.decision", { number: recognition.decisionNumber, date: formatDate(recognition.decidedOn, lng) })}
      </p>
    </div>
  );
}
