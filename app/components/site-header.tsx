import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/hooks/use-language";

/** Site name, language switch (a plain form: works without JavaScript) and the demo banner. */
export function SiteHeader({ demo }: { demo: boolean }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const location = useLocation();
  const other = lng === "en" ? "vi" : "en";
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <Link to="/" className="site-header__brand">
          {t("siteName")}
        </Link>
        <Form method="post" action="/language" className="site-header__lang">
          <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
          <button type="submit" name="lng" value={other} lang={other} aria-label={t(`language.switchTo.${other}`)}>
            {t(`language.short.${other}`)}
          </button>
        </Form>
      </div>
      {demo ? (
        <p className="demo-banner" role="note">
          <strong>{t("demo.title")}</strong> {t("demo.body")}
        </p>
      ) : null}
    </header>
  );
}
