// On the resident's tracking page: where the report is now ("đã chuyển Công ty nước sạch"), how
// many people have the same problem, and, for a merged duplicate, the shared report's status.
import { useTranslation } from "react-i18next";
import { SupportCount } from "./triage-badges";

type Props = {
  status: string;
  whereabouts: { unit: string; accepted: boolean } | null;
  supporters: number;
  mergedInto: { status: string; supporters: number } | null;
};

export function PublicTriage({ status, whereabouts, supporters, mergedInto }: Props) {
  const { t } = useTranslation("triage");
  const open = status === "new" || status === "acknowledged" || status === "in_progress" || status === "reopened";
  return (
    <div className="public-triage">
      {mergedInto ? (
        <p className="card notice" data-testid="merged-into">
          {t("public.mergedInto", { status: t(`complaint:status.${mergedInto.status}`) })}{" "}
          <SupportCount count={mergedInto.supporters} />
        </p>
      ) : null}
      {open ? (
        <p data-testid="whereabouts">
          {whereabouts
            ? whereabouts.accepted
              ? t("public.acceptedBy", { unit: whereabouts.unit })
              : t("public.forwardedTo", { unit: whereabouts.unit })
            : t("public.atCommune")}
        </p>
      ) : null}
      <SupportCount count={supporters} />
    </div>
  );
}
