// The commune's current survey round on its public page: answers with a household code (verified)
// and open answers, counted apart; the pre-recognition verdict uses verified answers only (issue 10).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";
import { useLanguage } from "~/hooks/use-language";

type Round = {
  name: string;
  endsAt: string;
  open: boolean;
  codesRequired: boolean;
  verified: number;
  openAnswers: number;
  usedCodes: number;
  households: number;
};

export function CommuneRoundCard({ slug, round }: { slug: string; round: Round | null }) {
  const { t } = useTranslation("ballot");
  const lng = useLanguage();
  if (!round) return null;
  return (
    <section className="card" data-testid="commune-round">
      <h2>{t("commune.heading", { name: round.name })}</h2>
      <p className="muted">{t(round.open ? "commune.until" : "commune.closed", { date: formatDate(round.endsAt, lng) })}</p>
      <p>
        {t("commune.verified", { count: round.verified, used: round.usedCodes, households: round.households })}
        <br />
        {t("commune.open", { count: round.openAnswers })}
      </p>
      {round.codesRequired ? <p className="hint">{t("commune.note")}</p> : null}
      {round.open && round.codesRequired ? (
        <Link to={`/c/${slug}/code`} className="button">
          {t("commune.enterCode")}
        </Link>
      ) : null}
    </section>
  );
}
