// The dossier's integrity section (issue 10, decision 026): for the commune's latest closed
// pre-recognition round (or its latest round), the flags with their thresholds, answers per hour,
// the verdict with and without exclusions, and the re-check result with its interval. Prints.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Flag } from "~/lib/integrity";
import { IntegrityFlags, IntegrityVerdict, PerHour, RecheckResult, VillageUse, type RecheckView } from "./integrity-report";

type VerdictLine = { verdict: string; coverageMet: boolean; answers: number };

export type DossierIntegrityData = {
  round: { id: number; name: string };
  commune: { id: number };
  flags: Flag[];
  perHour: { hour: string; count: number }[];
  villages: { village: string; count: number; sealed: boolean; used: number }[];
  verdict: { all: VerdictLine; withoutExcluded: VerdictLine } | null;
  gap: { open: number | null; verified: number | null } | null;
  medianSeconds: number | null;
  timed: number;
  recheck: RecheckView | null;
} | null;

export function DossierIntegrity({ data }: { data: DossierIntegrityData }) {
  const { t } = useTranslation("integrity");
  return (
    <section className="card" id="integrity" data-testid="dossier-integrity">
      <h2>{t("dossier.heading")}</h2>
      {data ? (
        <>
          <p className="muted">
            {data.round.name} ·{" "}
            <Link className="no-print" to={`/staff/rounds/${data.round.id}/integrity/${data.commune.id}`}>
              {t("dossier.open")}
            </Link>
          </p>
          <IntegrityFlags flags={data.flags} />
          <IntegrityVerdict verdict={data.verdict} gap={data.gap} medianSeconds={data.medianSeconds} timed={data.timed} />
          <PerHour rows={data.perHour} />
          <VillageUse villages={data.villages} />
          <h3>{t("recheck.heading")}</h3>
          {data.recheck ? <RecheckResult recheck={data.recheck} /> : <p>{t("recheck.none")}</p>}
        </>
      ) : (
        <p>{t("dossier.none")}</p>
      )}
    </section>
  );
}
