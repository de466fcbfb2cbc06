// While reporting: open reports of the same commune and category nearby, each with a plain
// "I have this problem too" form (works without JavaScript), and the button that asks for them.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";
import { useLanguage } from "~/hooks/use-language";
import { SupportCount } from "./triage-badges";

export type SimilarReport = {
  id: number;
  text: string;
  village: string | null;
  status: string;
  createdAt: string;
  photo: { id: number; width: number; height: number } | null;
  supporters: number;
};

/** Second submit button of the report form: posts the form to ?check, stores nothing. */
export function CheckSimilarButton({ slug }: { slug: string }) {
  const { t } = useTranslation("triage");
  return (
    <div className="field">
      <p className="hint" id="check-similar-hint">
        {t("similar.checkHint")}
      </p>
      <button
        type="submit"
        className="button button--block"
        formAction={`/c/${slug}/report?check`}
        formNoValidate
        aria-describedby="check-similar-hint"
        data-testid="check-similar"
      >
        {t("similar.check")}
      </button>
    </div>
  );
}

export function SimilarReports({ slug, reports }: { slug: string; reports: SimilarReport[] }) {
  const { t } = useTranslation("triage");
  const lng = useLanguage();
  return (
    <section className="card similar" aria-labelledby="similar-heading" data-testid="similar-reports">
      <h2 id="similar-heading">{t("similar.heading")}</h2>
      {reports.length === 0 ? <p>{t("similar.none")}</p> : null}
      <ul className="similar__list">
        {reports.map((r) => (
          <li key={r.id} className="similar__item">
            {r.photo ? (
              <img
                src={`/photos/${r.photo.id}?size=thumb`}
                width={96}
                height={Math.round((96 * r.photo.height) / r.photo.width)}
                alt={t("similar.photoAlt")}
                loading="lazy"
                className="similar__thumb"
              />
            ) : null}
            <div>
              <p className="muted">
                {t(`complaint:status.${r.status}`)} · {formatDate(r.createdAt, lng)}
                {r.village ? ` · ${r.village}` : ""} <SupportCount count={r.supporters} />
              </p>
              <p>{r.text.length > 200 ? `${r.text.slice(0, 200)}…` : r.text}</p>
              <Form method="post" action={`/c/${slug}/me-too`}>
                <input type="hidden" name="complaintId" value={r.id} />
                <button type="submit" className="button button--primary">
                  {t("similar.meToo")}
                </button>
              </Form>
            </div>
          </li>
        ))}
      </ul>
      {reports.length > 0 ? <p className="hint">{t("similar.orNew")}</p> : null}
    </section>
  );
}
