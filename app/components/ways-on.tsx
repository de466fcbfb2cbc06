// Where a resident can go from a ballot code that cannot be used (used, closed, unknown): the
// commune's page, a report of a problem, and the tracking of a report already sent. Not a dead end.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function WaysOn({ slug, commune }: { slug?: string; commune?: string }) {
  const { t } = useTranslation("ballot");
  return (
    <nav className="card ways-on" aria-labelledby="ways-on-heading" data-testid="ways-on">
      <h2 id="ways-on-heading">{t("waysOn.heading")}</h2>
      <ul>
        {slug ? (
          <li>
            <Link to={`/c/${slug}`} className="button button--block">
              {t("waysOn.commune", { commune })}
            </Link>
          </li>
        ) : null}
        <li>
          <Link to={slug ? `/c/${slug}/report` : "/?to=report#q"} className="button button--block">
            {t("waysOn.report")}
          </Link>
        </li>
        <li>
          <Link to="/t" className="button button--block">
            {t("waysOn.track")}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
