// The survey form itself: every criterion with five faces and "no opinion", comment and village
// optional. A plain form post (works without JavaScript). Used by the open survey and by the
// household-code survey (/b/<code>).
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { COMMENT_MAX, VILLAGE_MAX } from "~/lib/survey-form";
import { Field, TextareaField } from "./forms";
import { RatingFieldset } from "./rating-fieldset";

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
  const navigation = useNavigation();
  const sending = navigation.state === "submitting";
  return (
    <Form method="post" className="survey" action={action} data-offline="survey">
      <input type="hidden" name="submissionId" value={values.submissionId ?? submissionId} />
      {started ? <input type="hidden" name="started" value={values.started ?? started} /> : null}
      {criteria.map((c) => (
        <RatingFieldset
          key={c.key}
          name={`r_${c.key}`}
          criterion={c}
          value={values[`r_${c.key}`]}
          error={errors[`r_${c.key}`] ? t(errors[`r_${c.key}`]) : undefined}
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
      <button type="submit" className="button button--primary button--block" disabled={sending} aria-disabled={sending}>
        {sending ? t("sending") : t("send")}
      </button>
    </Form>
  );
}
