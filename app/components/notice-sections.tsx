// Notices on a commune's pages (decision 039): the sections of the staff page
// (routes/staff.notices.tsx) that posts and ends them. The residents' banner: notice-banner.tsx.
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";
import { NOTICE_TEXT_MAX } from "~/lib/notice";
import { Field, SelectField, TextareaField } from "./forms";
import { IntentForm } from "./intent-form";
import { lastDay } from "./notice-banner";

type Shown = { id: number; text: string; startsAt: Date | string; endsAt: Date | string };

export function NoticeForm({
  communes,
  today,
  errors,
  values,
}: {
  communes: { id: number; name: string }[];
  today: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}) {
  const { t } = useTranslation("staff");
  const error = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  return (
    <section className="card">
      <h2>{t("notices.add")}</h2>
      <IntentForm intent="post" submitLabel={t("notices.submit")} buttonClassName="button button--primary">
        {communes.length === 1 ? (
          <>
            <input type="hidden" name="communeId" value={communes[0].id} />
            <p>
              {t("notices.commune")}: <strong>{communes[0].name}</strong>
            </p>
          </>
        ) : (
          <SelectField
            label={t("notices.commune")}
            selectProps={{ name: "communeId", required: true, defaultValue: values.communeId ?? "" }}
            errors={error("communeId")}
          >
            <option value="">{t("notices.chooseCommune")}</option>
            {communes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        )}
        <TextareaField
          label={t("notices.text")}
          hint={t("notices.textHint", { max: NOTICE_TEXT_MAX })}
          textareaProps={{ name: "text", rows: 3, maxLength: NOTICE_TEXT_MAX, required: true, defaultValue: values.text ?? "" }}
          errors={error("text")}
        />
        <Field
          label={t("notices.startDay")}
          hint={t("notices.startHint")}
          inputProps={{ name: "startDay", type: "date", min: today, required: true, defaultValue: values.startDay ?? today }}
          errors={error("startDay")}
        />
        <Field
          label={t("notices.endDay")}
          hint={t("notices.endHint")}
          inputProps={{ name: "endDay", type: "date", min: today, required: true, defaultValue: values.endDay ?? "" }}
          errors={error("endDay")}
        />
      </IntentForm>
    </section>
  );
}

export function NoticeList({
  heading,
  notices,
  canEnd = false,
}: {
  heading: string;
  notices: (Shown & { communeName: string; removedAt: Date | string | null })[];
  canEnd?: boolean;
}) {
  const { t, i18n } = useTranslation("staff");
  return (
    <section className="card">
      <h2>{heading}</h2>
      {notices.length === 0 ? (
        <p className="muted">{t("notices.none")}</p>
      ) : (
        <ul className="notice-list" data-testid={canEnd ? "notices-open" : "notices-past"}>
          {notices.map((n) => (
            <li key={n.id}>
              <strong>{n.communeName}</strong>: {n.text}
              <br />
              <span className="muted">
                {t("notices.period", {
                  from: formatDate(n.startsAt, i18n.language),
                  to: formatDate(lastDay(n.endsAt), i18n.language),
                })}
                {n.removedAt ? ` · ${t("notices.endedOn", { date: formatDate(n.removedAt, i18n.language) })}` : null}
              </span>
              {canEnd ? (
                <IntentForm intent="end" submitLabel={t("notices.end")} buttonClassName="link-button">
                  <input type="hidden" name="noticeId" value={n.id} />
                </IntentForm>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
