// The notice next to a resident's contact fields (purpose, who sees it, how long, rights, the
// privacy page) and the consent box: unticked, of its own; without it no contact is stored.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** `notice`: another purpose's notice (area news) in place of the report's. */
export function ContactConsent({ checked, error, notice }: { checked?: boolean; error?: string; notice?: string }) {
  const { t } = useTranslation("privacy");
  return (
    <div className="contact-consent">
      <p className="hint" id="contact-notice">
        {notice ?? t("notice.text")} <Link to="/privacy">{t("notice.link")}</Link>
      </p>
      <label className="choice">
        <input
          type="checkbox"
          name="consent"
          value="on"
          defaultChecked={checked ?? false}
          aria-describedby={error ? "contact-notice consent-error" : "contact-notice"}
          aria-invalid={error ? true : undefined}
          data-testid="consent"
        />
        <span>{t("notice.consent")}</span>
      </label>
      <p className="hint">{t("notice.consentHint")}</p>
      {error ? (
        <p className="field-error" id="consent-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
