// A round's answers with a household code (verified) and without (open), side by side (issue 10).
import { useTranslation } from "react-i18next";

export function VerifiedOpen({ answers }: { answers: { verified: number; open: number; codesRequired: boolean } | null }) {
  const { t } = useTranslation("ballot");
  if (!answers) return null;
  return (
    <span className="detail verified-open" data-testid="verified-open">
      {" "}
      {t("rounds.verifiedOpenShort", { verified: answers.verified, open: answers.open })}
    </span>
  );
}
