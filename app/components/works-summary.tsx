// The commune page's compact works summary (issue 22): one line per criterion and a link to the
// works page. Its own module, so that the commune page does not load the works pages' components
// (components/work-sections.tsx; about 1.5 KB compressed, issue 25).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/hooks/use-language";
import { formatVndShort } from "~/lib/format";
import type { WorkSummary } from "~/models/work/works.server";

/** The commune page: one line per criterion and a link to the works page; nothing else inline. */
export function WorksSummary({ slug, summary }: { slug: string; summary: WorkSummary[] }) {
  const { t } = useTranslation("works");
  const lng = useLanguage();
  return (
    <section className="card" aria-labelledby="works-heading" data-testid="works-summary">
      <h2 id="works-heading">{t("summary.heading")}</h2>
      {summary.length === 0 ? (
        <p className="muted">{t("summary.none")}</p>
      ) : (
        <ul>
          {summary.map((s) => (
            <li key={s.category}>
              <strong>{t(`category.${s.category}`)}</strong>:{" "}
              {t("summary.line", { count: s.works, money: formatVndShort(s.totalInvestment, lng) })}
              {s.underWarranty > 0 ? ` · ${t("summary.underWarranty", { count: s.underWarranty })}` : null}
              {s.degraded > 0 ? ` · ${t("summary.degraded", { count: s.degraded })}` : null}
            </li>
          ))}
        </ul>
      )}
      {summary.length > 0 ? (
        <Link to={`/c/${slug}/works`} className="button button--block" data-testid="works-link">
          {t("summary.all")}
        </Link>
      ) : null}
    </section>
  );
}
