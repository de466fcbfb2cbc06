// The survey form itself: every criterion with five faces and "no opinion", comment and village
// optional. A plain form post (works without JavaScript). Used by the open survey and by the
// household-code survey (/b/<code>).
import { Form } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { COMMENT_MAX, VILLAGE_MAX } from "~/lib/survey-form";
import { Field, TextareaField } from "./forms";
import { RatingFieldset } from "./rating-fieldset";
import { SendButton } from "./send-button";

type Criterion = {
  key: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  isOverall: boolean;
};

export function SurveyForm({
  criteria,
  submissionId,
  started,
  values,
  errors,
  action,
}: {
  criteria: Criterion[];
  submissionId: string;
  /** the signed moment the form was shown (completion time, decision 026) */
  started?: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  action?: string;
}) {
  const { t } = useTranslation("survey");
  // Questions left unanswered at the last tap on "send" (with JavaScript): the message next to
  // each, and the focus on the first, instead of the browser's bubble. Without JavaScript the
  // form is sent as it is (noValidate) and the server answers 400 with the same messages.
  const [missing, setMissing] = useState<string[]>([]);
  const names = criteria.map((c) => `r_${c.key}`);
  return (
    <Form
      method="post"
      className="survey"
      action={action}
      data-offline="survey"
      noValidate
      onSubmit={(e) => {
        const form = e.currentTarget;
        const unanswered = names.filter((n) => !form.querySelector(`input[name="${n}"]:checked`));
        setMissing(unanswered);
        if (unanswered.length === 0) return;
        e.preventDefault();
        document.getElementById(`${unanswered[0]}-fieldset`)?.focus();
      }}
      onChange={(e) => {
        const name = (e.target as HTMLInputElement).name;
        if (missing.includes(name)) setMissing(missing.filter((n) => n !== name));
      }}
    >
      <input type="hidden" name="submissionId" value={values.submissionId ?? submissionId} />
      {started ? <input type="hidden" name="started" value={values.started ?? started} /> : null}
      {criteria.map((c) => (
        <RatingFieldset
          key={c.key}
          name={`r_${c.key}`}
          criterion={c}
          value={values[`r_${c.key}`]}
          error={
            errors[`r_${c.key}`]
              ? t(errors[`r_${c.key}`])
              : missing.includes(`r_${c.key}`)
                ? t("errors.ratingRequired")
                : undefined
          }
        />
      ))}
      <TextareaField
        label={t("comment.label")}
        hint={t("comment.hint", { max: COMMENT_MAX })}
        textareaProps={{ name: "comment", rows: 4, maxLength: COMMENT_MAX, defaultValue: values.comment ?? "" }}
        errors={errors.comment && t(errors.comment, { max: COMMENT_MAX })}
      />
      <Field
        label={t("village.label")}
        inputProps={{
          name: "village",
          type: "text",
          maxLength: VILLAGE_MAX,
          defaultValue: values.village ?? "",
          autoComplete: "off",
        }}
        errors={errors.village && t(errors.village, { max: VILLAGE_MAX })}
      />
      <p className="hint">{t("privacy")}</p>
      <SendButton label={t("send")} sendingLabel={t("sending")} />
    </Form>
  );
}
