// Reports per commune by the channel they came in by, the share handled on time and the share of
// fixes that held ("is it fixed?", issue 24), for the council dashboard (one row per commune shown
// in the table above) and the dossier (one commune).
import { useTranslation } from "react-i18next";
import { formatNumber, formatPercent } from "~/lib/format";
import { FIX_HELD_MIN, REPORT_CHANNELS, fixHeldShare, type FixHeld } from "~/lib/report-figures";
import type { CommuneReportFigures } from "~/models/complaint/stats.server";
import { useLabel } from "~/hooks/use-label";
import { useLanguage } from "~/hooks/use-language";

const EMPTY: CommuneReportFigures = {
  channels: { web: 0, open311: 0, hotline: 0, letter: 0, in_person: 0, loudspeaker_meeting: 0 },
  fixHeld: { answered: 0, held: 0 },
  onTime: { onTime: 0, total: 0 },
};

/** "83,3% (5/6)" and the like: built without i18next's interpolation (two cells × 114 rows). */
function useRatios() {
  const label = useLabel("council");
  const lng = useLanguage();
  const ratio = (part: number, n: number) =>
    `${formatPercent(part / n, lng)} (${formatNumber(part, lng)}/${formatNumber(n, lng)})`;
  return {
    onTime: ({ onTime, total }: { onTime: number; total: number }) =>
      total === 0 ? label("figures.none") : ratio(onTime, total),
    fixHeld: (f: FixHeld) =>
      fixHeldShare(f) === null ? `${label("figures.notEnough")} (n=${formatNumber(f.answered, lng)})` : ratio(f.held, f.answered),
    number: (n: number) => formatNumber(n, lng),
  };
}

export function ReportFiguresTable({
  rows,
  reports,
}: {
  rows: { id: number; slug: string; name: string }[];
  reports: Record<number, CommuneReportFigures>;
}) {
  const { t } = useTranslation("council");
  const r = useRatios();
  return (
    <section className="card" aria-labelledby="report-figures-heading">
      <h2 id="report-figures-heading">{t("figures.reportsHeading")}</h2>
      <p className="hint">
        {t("figures.reportsIntro")} {t("figures.fixHeldHint", { min: FIX_HELD_MIN })}
      </p>
      <div className="table-scroll" role="region" aria-label={t("figures.reportsLabel")} tabIndex={0}>
        <table className="data-table" data-testid="report-figures">
          <thead>
            <tr>
              <th scope="col">{t("table.commune")}</th>
              {REPORT_CHANNELS.map((c) => (
                <th key={c} scope="col">
                  {t(`figures.channel.${c}`)}
                </th>
              ))}
              <th scope="col">{t("figures.onTime")}</th>
              <th scope="col">{t("figures.fixHeld")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const f = reports[row.id] ?? EMPTY;
              return (
                <tr key={row.id} data-commune={row.slug}>
                  <th scope="row">
                    <a href={`/staff/council/${row.slug}`}>{row.name}</a>
                  </th>
                  {REPORT_CHANNELS.map((c) => (
                    <td key={c}>{r.number(f.channels[c])}</td>
                  ))}
                  <td>{r.onTime(f.onTime)}</td>
                  <td data-testid="fix-held">{r.fixHeld(f.fixHeld)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The dossier's lines: reports by channel, on time and fixes that held, for one commune. */
export function DossierReportFigures({ figures }: { figures: CommuneReportFigures }) {
  const { t } = useTranslation("council");
  const r = useRatios();
  return (
    <section className="card dossier-reports" aria-labelledby="dossier-reports-heading">
      <h2 id="dossier-reports-heading">{t("figures.reportsHeading")}</h2>
      <p>{REPORT_CHANNELS.map((c) => `${t(`figures.channel.${c}`)}: ${r.number(figures.channels[c])}`).join(" · ")}</p>
      <p>
        {t("figures.onTime")}: {r.onTime(figures.onTime)} · {t("figures.fixHeld")}:{" "}
        <span data-testid="fix-held">{r.fixHeld(figures.fixHeld)}</span>
      </p>
      <p className="hint">{t("figures.fixHeldHint", { min: FIX_HELD_MIN })}</p>
    </section>
  );
}
