// The sections of a commune's dossier (staff.council.$slug): recognition history, trend per
// quarter, rounds, complaints by criterion and status, residents' comments.
import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CATEGORIES, STATUSES } from "~/lib/complaint-workflow";
import { formatDate, formatNumber, formatPercent } from "~/lib/format";
import { levelLabel } from "~/lib/text";
import { splitPeriod } from "~/lib/vn-time";
import type { Dossier } from "~/models/dossier.server";
import { localized } from "~/utils/i18n";
import { useLanguage } from "~/hooks/use-language";
import { ShareChart } from "./share-chart";
import { ScrollTable } from "~/components/scroll-table";

type D = SerializeFrom<Dossier>;

function usePct() {
  const lng = useLanguage();
  return (v: number | null) => (v === null ? "—" : formatPercent(v, lng));
}

export function DossierHistory({ history }: { history: D["history"] }) {
  const { t } = useTranslation("council");
  const lng = useLanguage();
  return (
    <section className="card">
      <h2>{t("dossier.history")}</h2>
      {history.length === 0 ? (
        <p className="muted">{t("dossier.noHistory")}</p>
      ) : (
        <ul className="plain-list">
          {history.map((h) => (
            <li key={h.id}>
              {levelLabel(localized(h.level, "name", lng), h.level.period)}: {h.decisionNumber}, {formatDate(h.decidedOn, lng)}
              {h.revokedOn ? (
                <strong> · {t("dossier.revoked", { date: formatDate(h.revokedOn, lng), reason: h.revokedReason ?? "" })}</strong>
              ) : null}
              {h.isDemo ? <span className="tag tag--demo">{t("common:demo.tag")}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const COLORS = ["#b91c1c", "#15803d", "#1d4ed8", "#a16207", "#111827"];

export function DossierTrend({ d }: { d: Pick<D, "periods" | "trend" | "scoreboard"> }) {
  const { t } = useTranslation("council");
  const lng = useLanguage();
  const pct = usePct();
  const critName = (key: string) => {
    const row = d.scoreboard.rows.find((r) => r.criterion.key === key);
    return row ? localized(row.criterion, "name", lng) : t(`complaint:category.${key}`);
  };
  const colors = COLORS;
  return (
    <section className="card">
      <h2>{t("dossier.trend")}</h2>
      <ShareChart
        kind="line"
        labels={d.periods.map((p) => t("common:period", splitPeriod(p)))}
        series={d.trend.map((c, i) => ({
          label: critName(c.key),
          values: c.values.map((v) => (v.share === null ? null : v.share * 100)),
          color: colors[i % colors.length],
        }))}
        threshold={d.scoreboard.threshold.share}
        ariaLabel={t("dossier.trend")}
      />
      <ScrollTable label={t("dossier.trend")}>
        <table className="data-table trend-table">
          <thead>
            <tr>
              <th>{t("table.criterion")}</th>
              {d.periods.map((p) => (
                <th key={p}>{t("common:period", splitPeriod(p))}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.trend.map((c) => (
              <tr key={c.key}>
                <th scope="row">{critName(c.key)}</th>
                {c.values.map((v) => (
                  <td key={v.period}>
                    {pct(v.share)}{" "}
                    <span className="detail">
                      n={formatNumber(v.n, lng)}
                      {v.interval ? ` · ${pct(v.interval.low)}–${pct(v.interval.high)}` : ""}
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <p className="hint">{t("dossier.trendHint")}</p>
      {d.periods.length > PRINTED_QUARTERS ? (
        <p className="print-only">{t("dossier.trendPrinted", { count: PRINTED_QUARTERS })}</p>
      ) : null}
    </section>
  );
}

export function DossierRounds({ rounds }: { rounds: D["rounds"] }) {
  const { t } = useTranslation("council");
  const lng = useLanguage();
  const pct = usePct();
  return (
    <section className="card">
      <h2>{t("dossier.rounds")}</h2>
      {rounds.length === 0 ? (
        <p className="muted">{t("dossier.noRounds")}</p>
      ) : (
        <ScrollTable label={t("dossier.rounds")}>
          <table className="data-table">
            <thead>
              <tr>
                <th>{t("rounds.name")}</th>
                <th>{t("rounds.dates")}</th>
                <th>{t("rounds.answers")}</th>
                <th>{t("rounds.coverage")}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/staff/rounds/${r.id}`}>{r.name}</Link>{" "}
                    <span className="detail">
                      {t(`rounds.purpose.${r.purpose}`)}
                      {r.level ? `: ${localized(r.level, "name", lng)}` : ""}
                    </span>
                  </td>
                  <td>
                    {formatDate(r.startsAt, lng)}–{formatDate(r.endsAt, lng)}
                  </td>
                  <td>
                    {t("rounds.byChannel", { online: r.online, paper: r.paper })}
                    <br />
                    <span className="detail">{t("ballot:rounds.verifiedOpen", { verified: r.verified, open: r.open })}</span>
                  </td>
                  <td>{r.coverage ? `${pct(r.coverage.share)} (${r.coverage.answered}/${r.coverage.households})` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}

export function DossierComplaints({ complaints }: { complaints: D["complaints"] }) {
  const { t } = useTranslation("council");
  return (
    <section className="card">
      <h2>{t("dossier.complaints")}</h2>
      <ScrollTable label={t("dossier.complaints")}>
        <table className="data-table">
          <thead>
            <tr>
              <th>{t("table.criterion")}</th>
              {STATUSES.map((s) => (
                <th key={s}>{t(`complaint:status.${s}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {CATEGORIES.map((c) => (
              <tr key={c}>
                <th scope="row">{t(`complaint:category.${c}`)}</th>
                {STATUSES.map((s) => (
                  <td key={s}>{complaints.find((x) => x.category === c && x.status === s)?.count ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

// The print stylesheet keeps the first 3 comments of the page; the printout says so.
/** Comments in the A4 print (app.css hides the rest: keep the two in step). */
const PRINTED_COMMENTS = 3;
/** Quarters in the A4 print's trend table: the latest ones (staff-pages.css hides the others). */
const PRINTED_QUARTERS = 4;

export function DossierComments({ d }: { d: Pick<D, "comments" | "page" | "pages"> }) {
  const { t } = useTranslation("council");
  const lng = useLanguage();
  return (
    <section className="card dossier__comments">
      <h2>{t("dossier.comments", { count: d.comments.total })}</h2>
      <ul className="plain-list">
        {d.comments.items.map((c) => (
          <li key={c.id}>
            <span className="detail">
              {formatDate(c.createdAt, lng)}
              {c.village ? ` · ${c.village}` : ""}
              {c.channel === "paper" ? ` · ${t("dossier.paper")}` : ""}
            </span>
            <p className="review-reason">{c.comment}</p>
          </li>
        ))}
      </ul>
      <p className="print-only" data-testid="comments-printed">
        {t("dossier.commentsPrinted", { shown: Math.min(PRINTED_COMMENTS, d.comments.items.length), total: d.comments.total })}
      </p>
      {d.pages > 1 ? (
        <nav className="pager no-print" aria-label={t("dossier.commentPages")}>
          {d.page > 1 ? <Link to={`?page=${d.page - 1}`}>{t("dossier.previous")}</Link> : <span />}
          <span>{t("dossier.page", { page: d.page, pages: d.pages })}</span>
          {d.page < d.pages ? <Link to={`?page=${d.page + 1}`}>{t("dossier.next")}</Link> : <span />}
        </nav>
      ) : null}
    </section>
  );
}
