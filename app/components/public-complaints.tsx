import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate, formatDays, formatNumber } from "~/lib/format";
import { useLanguage } from "~/hooks/use-language";
import type { Category, Status } from "~/lib/complaint-workflow";
import { StatusTag } from "./triage-badges";

type Props = {
  slug: string;
  counts: { open: number; resolved: number; overdue: number; medianDaysToResolve: number | null };
  complaints: {
    id: number;
    category: Category;
    text: string;
    status: Status;
    createdAt: string;
    photos: { id: number; width: number; height: number }[];
    replies: { id: number; body: string | null; createdAt: string; by: string | null }[];
  }[];
};

/** The commune page's public list of complaints: counts, then recent ones with their replies. */
export function PublicComplaints({ slug, counts, complaints }: Props) {
  const { t } = useTranslation("complaint");
  const lng = useLanguage();
  return (
    <section className="card" aria-labelledby="complaints-heading">
      <h2 id="complaints-heading">{t("public.heading")}</h2>
      <dl className="stats">
        <div>
          <dt>{t("public.open")}</dt>
          <dd data-testid="count-open">{formatNumber(counts.open, lng)}</dd>
        </div>
        <div>
          <dt>{t("public.resolved")}</dt>
          <dd data-testid="count-resolved">{formatNumber(counts.resolved, lng)}</dd>
        </div>
        <div>
          <dt>{t("public.overdue")}</dt>
          <dd data-testid="count-overdue">{formatNumber(counts.overdue, lng)}</dd>
        </div>
        <div>
          <dt>{t("public.medianDays")}</dt>
          <dd>
            {counts.medianDaysToResolve === null
              ? t("public.noMedian")
              : t("public.days", {
                  count: Math.round(counts.medianDaysToResolve * 10) / 10,
                  days: formatDays(counts.medianDaysToResolve, lng),
                })}
          </dd>
        </div>
      </dl>
      <Link to={`/c/${slug}/report`} className="button button--block">
        {t("public.report")}
      </Link>
      {/* A full-size target, not a 20 px text link: residents come back to follow their report. */}
      <Link to="/t" className="button button--block">
        {t("public.track")}
      </Link>
      {complaints.length === 0 ? <p className="muted">{t("public.none")}</p> : <h3>{t("public.recent")}</h3>}
      <ul className="complaint-list">
        {complaints.map((c) => (
          <li key={c.id}>
            <p className="complaint-list__meta">
              <StatusTag status={c.status} /> · {t(`category.${c.category}`)} · {formatDate(c.createdAt, lng)}
              {c.photos.length ? ` · ${t("public.photos", { count: c.photos.length })}` : null}
            </p>
            <p className="complaint-list__text">{c.text}</p>
            {c.photos.length ? (
              <p className="photos photos--thumbs">
                {c.photos.map((p) => (
                  <img
                    key={p.id}
                    src={`/photos/${p.id}?size=thumb`}
                    width={96}
                    height={Math.round((96 * p.height) / p.width)}
                    alt={t("track.photoAlt")}
                    loading="lazy"
                  />
                ))}
              </p>
            ) : null}
            {c.replies.map((r) => (
              <p key={r.id} className="complaint-list__reply">
                <strong>{r.by ?? t("timeline.office")}:</strong> {r.body}
              </p>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
