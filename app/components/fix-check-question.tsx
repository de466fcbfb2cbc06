import { useTranslation } from "react-i18next";

/** "Is it fixed?" on the tracking page: the same two links as the message (fix.$token). */
export function FixCheckQuestion({ token }: { token: string }) {
  const { t } = useTranslation("reach");
  return (
    <section className="card fix-check" data-testid="fix-check">
      <p>
        <strong>{t("fix.askOnPage")}</strong>
      </p>
      <p>
        <a className="button" href={`/fix/${token}?answer=yes`}>
          {t("fix.yesLink")}
        </a>{" "}
        <a className="button" href={`/fix/${token}?answer=no`}>
          {t("fix.noLink")}
        </a>
      </p>
    </section>
  );
}
