// What an official of the commune can do with a complaint: move it along the workflow (with the
// public reply that resolving or rejecting needs), write a reply or an internal note, and redact
// personal data from the public text.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requiresPublicReply, type Status } from "~/lib/complaint-workflow";
import { ChoiceFieldset, TextareaField } from "./forms";
import { IntentForm } from "./intent-form";

type Props = {
  transitions: readonly Status[];
  values: Record<string, string>;
  errors: Record<string, string>;
  /** the current public text, the starting point of a redaction */
  publicText: string;
};

export function ComplaintActions({ transitions, values, errors, publicText }: Props) {
  const { t } = useTranslation("staff");
  return (
    <>
      {transitions.length > 0 ? (
        <section className="card">
          <h2>{t("detail.move")}</h2>
          <Form method="post" className="move-form">
            <input type="hidden" name="intent" value="move" />
            <ChoiceFieldset name="to" legend={t("detail.moveTo")} errors={errors.to && t(errors.to)}>
              {transitions.map((s) => (
                <label key={s} className="choice">
                  <input type="radio" name="to" value={s} required defaultChecked={values.to === s} />
                  <span>
                    {t(`complaint:status.${s}`)}
                    {requiresPublicReply(s) ? ` (${t("detail.needsReply")})` : ""}
                  </span>
                </label>
              ))}
            </ChoiceFieldset>
            <TextareaField
              label={t("detail.publicReply")}
              textareaProps={{ id: "move-reply", name: "reply", rows: 3, maxLength: 2000, defaultValue: values.reply ?? "" }}
              errors={errors.reply && t(errors.reply)}
            />
            <button type="submit" className="button button--primary">
              {t("detail.moveSubmit")}
            </button>
          </Form>
        </section>
      ) : null}
      <section className="card">
        <h2>{t("detail.write")}</h2>
        <Form method="post">
          <TextareaField
            label={t("detail.message")}
            textareaProps={{ name: "body", rows: 3, maxLength: 2000, required: true, defaultValue: values.body ?? "" }}
            errors={errors.body && t(errors.body)}
          />
          <div className="button-row">
            <button type="submit" name="intent" value="reply" className="button button--primary">
              {t("detail.sendReply")}
            </button>
            <button type="submit" name="intent" value="note" className="button">
              {t("detail.sendNote")}
            </button>
          </div>
        </Form>
        <IntentForm intent="redact" submitLabel={t("detail.redactSubmit")} className="redact-form">
          <TextareaField
            label={t("detail.redactLabel")}
            hint={t("detail.redactHint")}
            textareaProps={{ name: "publicText", rows: 4, maxLength: 2000, defaultValue: publicText }}
            errors={errors.publicText && t(errors.publicText)}
          />
        </IntentForm>
      </section>
    </>
  );
}
