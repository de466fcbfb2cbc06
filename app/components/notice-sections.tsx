// Notices on a commune's pages (decision 039): the banner residents see while one is current, and
// the sections of the staff page (routes/staff.notices.tsx) that posts and ends them.
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";
import { NOTICE_TEXT_MAX } from "~/lib/notice";
import { Field, SelectField, TextareaField } from "./forms";
import { IntentForm } from "./intent-form";

type Shown = { id: number; text: string; startsAt: Date | string; endsAt: Date | string };

/** The last day a notice is shown: the day before its end (which is the next midnight). */
export const lastDay = (endsAt: Date | string) => new Date(new Date(endsAt).getTime() - 1);

/**
 * The current notices at the top of a public page: React escapes the text. Rendered on the
 * server, so the service worker's offline copy of the page keeps them (decision 019).
 */
export function NoticeBanner({ notices }: { notices: Shown[] }) {
  const { t, i18n } = useTranslation("common");
  return (
    <NoticeAside
      heading={t("notice.heading")}
      lines={notices.map((n) => ({
        id: n.id,
        text: n.text,
        until: t("notice.until", { date: formatDate(lastDay(n.endsAt), i18n.language) }),
      }))}
    />
  );
}

/** The banner's markup, also used by the printed poster with its Vietnamese lines made on the server. */
export function NoticeAside({ heading, lines }: { heading: string; lines: { id: number; text: string; until: string }[] }) {
  if (lines.length === 0) return null;
  return (
    <aside className="notice-banner" aria-label={heading} data-testid="notice-banner">
      <h2>{heading}</h2>
      {lines.map((n) => (
        <p key={n.id}>
          {n.text} <span className="notice-banner__until">{n.until}</span>
        </p>
      ))}
    </aside>
  );
}

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
