// "Get this area's news by e-mail" (issue 24, decision 043): on the commune page and on its own
// page (which shows a refused form again with the errors). A plain form post: works without
// JavaScript. The consent notice and box as next to the report form's contact fields.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EMAIL_MAX } from "~/lib/contact";
import { ContactConsent } from "./contact-consent";
import { Field } from "./forms";

export const VILLAGE_MAX = 100;

export function FollowForm({
  slug,
  values = {},
  errors = {},
}: {
  slug: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
}) {
  const { t } = useTranslation("news");
  const { t: tp } = useTranslation("privacy");
  const err = (name: string) => errors[name] && t(errors[name].replace(/^news:/, ""));
  return (
    <section aria-labelledby="follow-heading" className="card" data-testid="follow">
      <h2 id="follow-heading">{t("follow.heading")}</h2>
      <p className="hint">{t("follow.hint")}</p>
      <Form method="post" action={`/c/${slug}/follow`}>
        <Field
          label={t("follow.email")}
          inputProps={{
            name: "email",
            id: "follow-email",
            type: "email",
            inputMode: "email",
            autoComplete: "email",
            required: true,
            maxLength: EMAIL_MAX,
            defaultValue: values.email ?? "",
          }}
          errors={err("email")}
        />
        <Field
          label={t("follow.village")}
          hint={t("follow.villageHint")}
          inputProps={{ name: "village", id: "follow-village", maxLength: VILLAGE_MAX, defaultValue: values.village ?? "" }}
          errors={err("village")}
        />
        <ContactConsent
          checked={values.consent === "on"}
          notice={t("follow.notice")}
          error={errors.consent && tp(errors.consent.replace(/^privacy:/, ""))}
        />
        <button type="submit" className="button button--primary button--block">
          {t("follow.submit")}
        </button>
      </Form>
    </section>
  );
}
