// The works' pages (issue 22): a work's card in the list and the sections of a work's own page
// (the commune page's summary is components/works-summary.tsx, so that the commune page does not
// load these). Money in VND with Vietnamese grouping, dates on the Vietnam calendar, all through
// lib/format.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/hooks/use-language";
import { formatDate, formatNumber, formatPercent, formatVnd, formatVndShort } from "~/lib/format";
import { disbursementShare, type WarrantyState } from "~/lib/works";
import type { PublicWork, WorkHistoryEntry } from "~/models/work/works.server";
import { StatusTag } from "./triage-badges";

type Jsonified<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
type WorkView = Jsonified<PublicWork>;

const dayText = (isoDay: string) => isoDay.split("-").reverse().join("/");

export function WarrantyText({ warranty }: { warranty: WarrantyState }) {
  const { t } = useTranslation("works");
  if (warranty.state === "none") return <span className="muted">{t("warranty.none")}</span>;
  return (
    <span className={warranty.state === "running" ? "tag" : "muted"} data-testid="warranty">
      {t(`warranty.${warranty.state}`, { date: dayText(warranty.lastDay) })}
    </span>
  );
}

/** A work in the commune's list: name, money, progress, warranty, the board's verdict. */
export function WorkCard({ slug, work }: { slug: string; work: WorkView }) {
  const { t } = useTranslation("works");
  const lng = useLanguage();
  const share = disbursementShare(work.totalInvestment, work.disbursed);
  return (
    <li className="card" data-testid={`work-${work.code}`}>
      <h3>
        <Link to={`/c/${slug}/works/${encodeURIComponent(work.code)}`}>{work.name}</Link>
      </h3>
      <p className="muted">
        {work.code}
        {work.village ? ` · ${work.village}` : null} · {t(`status.${work.status}`)}
        {work.lastVerdict ? ` · ${t(`verdict.${work.lastVerdict}`)}` : null}
      </p>
      <p>
        {formatVnd(work.totalInvestment, lng)} · {t("list.progress", { progress: formatPercent(work.progress / 100, lng) })}
        {share !== null
          ? ` · ${t("list.disbursed", { money: formatVndShort(work.disbursed, lng), share: formatPercent(share, lng, 1) })}`
          : null}
      </p>
      <p>
        <WarrantyText warranty={work.warranty} />
      </p>
    </li>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function WorkMoney({ work }: { work: WorkView }) {
  const { t } = useTranslation("works");
  const lng = useLanguage();
  const share = disbursementShare(work.totalInvestment, work.disbursed);
  const sources = [
    ["fundCity", work.fundCity],
    ["fundCommune", work.fundCommune],
    ["fundResidents", work.fundResidents],
    ["fundBusinesses", work.fundBusinesses],
  ] as const;
  return (
    <section className="card" aria-labelledby="money-heading">
      <h2 id="money-heading">{t("work.money")}</h2>
      <dl className="stats stats--money">
        <Row label={t("work.total")}>
          <span data-testid="work-total">{formatVnd(work.totalInvestment, lng)}</span>
        </Row>
        {sources.map(([key, amount]) =>
          amount > 0 ? (
            <Row key={key} label={t(`work.${key}`)}>
              {formatVnd(amount, lng)}
            </Row>
          ) : null,
        )}
        {work.landDonatedM2 > 0 ? (
          <Row label={t("work.land")}>{t("work.landM2", { m2: formatNumber(work.landDonatedM2, lng) })}</Row>
        ) : null}
        <Row label={t("work.disbursed")}>
          {work.disbursedOn
            ? t("work.disbursedOn", { money: formatVnd(work.disbursed, lng), date: formatDate(work.disbursedOn, lng) })
            : formatVnd(work.disbursed, lng)}
          {share !== null ? ` · ${formatPercent(share, lng, 1)}` : null}
        </Row>
      </dl>
    </section>
  );
}

export function WorkFacts({ work }: { work: WorkView }) {
  const { t } = useTranslation("works");
  const lng = useLanguage();
  const dates = ["approvedOn", "startedOn", "completedOn", "handedOverOn"] as const;
  return (
    <section className="card" aria-labelledby="facts-heading">
      <h2 id="facts-heading">{t("work.facts")}</h2>
      <p>
        <WarrantyText warranty={work.warranty} />
      </p>
      <dl className="stats">
        <Row label={t("work.status")}>{t(`status.${work.status}`)}</Row>
        <Row label={t("work.progress")}>{formatPercent(work.progress / 100, lng)}</Row>
        <Row label={t("work.programme")}>{work.programme}</Row>
        {work.village ? <Row label={t("work.village")}>{work.village}</Row> : null}
        {work.contractor ? <Row label={t("work.contractor")}>{work.contractor}</Row> : null}
        {work.supervisor ? <Row label={t("work.supervisor")}>{work.supervisor}</Row> : null}
        {dates.map((d) =>
          work[d] ? (
            <Row key={d} label={t(`work.${d}`)}>
              {formatDate(work[d]!, lng)}
            </Row>
          ) : null,
        )}
        <Row label={t("work.warrantyMonths")}>{t("work.months", { count: work.warrantyMonths })}</Row>
        {work.latitude !== null && work.longitude !== null ? (
          <Row label={t("work.where")}>
            {work.latitude.toFixed(5)}, {work.longitude.toFixed(5)}
          </Row>
        ) : null}
      </dl>
    </section>
  );
}

type Inspection = {
  id: number;
  inspectedOn: string;
  inspectors: string;
  findings: string;
  verdict: string;
  photos: { n: number; width: number; height: number }[];
};

export function WorkInspections({ inspections }: { inspections: Inspection[] }) {
  const { t } = useTranslation("works");
  const lng = useLanguage();
  return (
    <section className="card" aria-labelledby="inspections-heading" data-testid="work-inspections">
      <h2 id="inspections-heading">{t("work.inspections")}</h2>
      {inspections.length === 0 ? <p className="muted">{t("work.inspectionsNone")}</p> : null}
      <ul>
        {inspections.map((i) => (
          <li key={i.id}>
            <strong>{t(`verdict.${i.verdict}`)}</strong> ·{" "}
            {t("work.inspection", { date: formatDate(i.inspectedOn, lng), who: i.inspectors })}
            <br />
            {i.findings}
            {i.photos.length > 0 ? (
              <div className="photos photos--inspection" data-testid="inspection-photos">
                {i.photos.map((p) => (
                  <a key={p.n} href={`/inspection-photos/${i.id}/${p.n}`}>
                    <img
                      src={`/inspection-photos/${i.id}/${p.n}`}
                      width={p.width}
                      height={p.height}
                      alt={t("board.photoAlt", { n: p.n + 1 })}
                      loading="lazy"
                    />
                  </a>
                ))}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

type Report = { id: number; text: string; status: string; createdAt: string; handlingRating: number | null };

export function WorkReports({
  slug,
  code,
  reports,
  rating,
  history,
}: {
  slug: string;
  code: string;
  reports: Report[];
  rating: { average: number; count: number } | null;
  history: Jsonified<WorkHistoryEntry>[];
}) {
  const { t } = useTranslation("works");
  const lng = useLanguage();
  return (
    <section className="card" aria-labelledby="reports-heading" data-testid="work-reports">
      <h2 id="reports-heading">{t("work.reports")}</h2>
      <Link to={`/c/${slug}/report?work=${encodeURIComponent(code)}`} className="button button--block" data-testid="work-report">
        {t("work.report")}
      </Link>
      {rating ? <p>{t("work.rating", { average: formatNumber(rating.average, lng, 1), count: rating.count })}</p> : null}
      {reports.length === 0 ? <p className="muted">{t("work.reportsNone")}</p> : null}
      <ul>
        {reports.map((r) => (
          <li key={r.id}>
            <StatusTag status={r.status} /> {formatDate(r.createdAt, lng)}: {r.text}
          </li>
        ))}
      </ul>
      {history.length > 0 ? (
        <>
          <h3>{t("work.history")}</h3>
          <ul data-testid="work-history">
            {history.map((h, i) => (
              <li key={i}>
                {formatDate(h.at, lng)}: {t(`work.historyKind.${h.kind}`, { unit: h.unit })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
