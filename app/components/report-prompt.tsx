// After a survey answer (the open survey's thanks page and the household code's): one tap to
// report a problem, first and prominent when the resident's comment describes one.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function ReportPrompt({ slug, problem }: { slug: string; problem: boolean }) {
  const { t } = useTranslation("shortcuts");
  return (
    <div className={problem ? "card report-prompt report-prompt--problem" : "report-prompt"} data-testid="thanks-report">
      <p>{problem ? t("shortcuts:thanksReportProblem") : t("shortcuts:thanksReport")}</p>
      <Link to={`/c/${slug}/report`} className={problem ? "button button--primary button--block" : "button button--block"}>
        {t("shortcuts:report")}
      </Link>
    </div>
  );
}
