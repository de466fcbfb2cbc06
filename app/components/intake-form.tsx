// The form of a report received by phone, letter, in person or at a meeting (staff.complaints.new).
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FormErrors } from "~/forms/form.server";
import { CATEGORIES, COMPLAINT_TEXT_MAX as TEXT_MAX, COMPLAINT_TEXT_MIN as TEXT_MIN } from "~/lib/complaint-workflow";
import { FormErrorSummary } from "./form-error-summary";
import { ChoiceFieldset, Field, SelectField, TextareaField } from "./forms";
import { NotifyFields } from "./notify-fields";

export function IntakeForm({
  communes,
  channels,
  today,
  actionData,
}: {
  communes: { id: number; name: string }[];
  channels: string[];
  today: string;
  actionData?: FormErrors;
}) {
  const { t } = useTranslation("complaint");
  const navigation = useNavigation();
  const values = actionData?.values ?? {};
  const errors = actionData?.fieldErrors ?? {};
  const err = (name: string) => errors[name] && t(errors[name], { min: TEXT_MIN, max: TEXT_MAX });
  return (
    <Form method="post" encType="multipart/form-data" className="report intake-form">
      <FormErrorSummary actionData={actionData} ns="complaint" prefix="report.formErrors" />
      {communes.length === 1 ? (
        <input type="hidden" name="communeId" value={communes[0].id} />
      ) : (
        <SelectField
          label={t("reach:intake.commune")}
          selectProps={{ name: "communeId", required: true, defaultValue: values.communeId ?? "" }}
          errors={err("communeId")}
        >
          {communes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      )}
      <ChoiceFieldset name="channel" legend={t("reach:intake.channel")} errors={err("channel")}>
        {channels.map((c) => (
          <label key={c} className="choice">
            <input type="radio" name="channel" value={c} defaultChecked={values.channel === c} required />
            <span>{t(`reach:channel.${c}`)}</span>
          </label>
        ))}
      </ChoiceFieldset>
      <Field
        label={t("reach:intake.receivedOn")}
        hint={t("reach:intake.receivedOnHint")}
        inputProps={{ name: "receivedOn", type: "date", max: today, required: true, defaultValue: values.receivedOn ?? today }}
        errors={err("receivedOn")}
      />
      <SelectField
        label={t("report.category")}
        selectProps={{ name: "category", required: true, defaultValue: values.category ?? "" }}
        errors={err("category")}
      >
        <option value="" disabled>
          {t("reach:intake.choose")}
        </option>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`category.${c}`)}
          </option>
        ))}
      </SelectField>
      <TextareaField
        label={t("report.text")}
        hint={t("report.textHint", { min: TEXT_MIN, max: TEXT_MAX })}
        textareaProps={{
          name: "text",
          rows: 6,
          minLength: TEXT_MIN,
          maxLength: TEXT_MAX,
          required: true,
          defaultValue: values.text ?? "",
        }}
        errors={err("text")}
      />
      <Field
        label={t("report.village")}
        inputProps={{ name: "village", type: "text", maxLength: 100, defaultValue: values.village ?? "" }}
        errors={err("village")}
      />
      <NotifyFields values={values} errors={errors} residentConsent={false} />
      <ChoiceFieldset name="consent" legend={t("reach:intake.consentLegend")} errors={err("consent")}>
        <label className="choice">
          <input type="checkbox" name="consent" defaultChecked={values.consent === "on"} />
          <span>{t("reach:intake.consent")}</span>
        </label>
      </ChoiceFieldset>
      <Field
        label={t("reach:intake.scan")}
        hint={t("reach:intake.scanHint")}
        inputProps={{ name: "scan", type: "file", accept: "image/jpeg,image/png,image/webp" }}
        errors={err("scan")}
      />
      <button type="submit" className="button button--primary" disabled={navigation.state === "submitting"}>
        {t("reach:intake.submit")}
      </button>
    </Form>
  );
}
