import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** A household with a slip types its code here (no JavaScript needed). */
export function HouseholdCodeLink({ slug }: { slug: string }) {
  const { t } = useTranslation("ballot");
  return (
    <Form method="post" action={`/c/${slug}/code`} className="card code-entry">
      <p>{t("haveCode")}</p>
      <label htmlFor="code-quick">{t("codeLabel")}</label>{" "}
      <input id="code-quick" name="code" type="text" className="code-input" autoComplete="off" maxLength={24} required />{" "}
      <button type="submit" className="button">
        {t("check")}
      </button>
    </Form>
  );
}
