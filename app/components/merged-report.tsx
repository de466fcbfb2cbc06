// On a merged duplicate's tracking page: the report it was merged into, as the public sees it
// (status, text, approved photos, replies with who acted). Its tracking code is never shown: the
// code lets its holder rate and reopen, so this page is the duplicate reporter's way to follow it.
import { useTranslation } from "react-i18next";
import { ComplaintTimeline } from "./complaint-timeline";
import { StatusTag } from "./triage-badges";
import type { ComplaintEventKind } from "~/generated/prisma/enums";

type Kept = {
  status: string;
  text: string;
  village: string | null;
  photos: { id: number; width: number; height: number }[];
  events: {
    id: number;
    kind: ComplaintEventKind;
    fromStatus: string | null;
    toStatus: string | null;
    body: string | null;
    createdAt: string;
    by: string | null;
  }[];
};

export function MergedReport({ kept }: { kept: Kept }) {
  const { t } = useTranslation("complaint");
  return (
    <section className="card merged-report" id="kept" aria-labelledby="kept-heading" data-testid="kept-report">
      <h2 id="kept-heading">{t("followUp.keptHeading")}</h2>
      <p>
        <StatusTag status={kept.status} testId="kept-status" />
        {kept.village ? ` · ${kept.village}` : null}
      </p>
      <blockquote className="complaint-text">{kept.text}</blockquote>
      {kept.photos.length > 0 ? (
        <div className="photos">
          {kept.photos.map((p) => (
            <img key={p.id} src={`/photos/${p.id}`} width={p.width} height={p.height} alt={t("track.photoAlt")} loading="lazy" />
          ))}
        </div>
      ) : null}
      <h3>{t("followUp.keptHistory")}</h3>
      <ComplaintTimeline events={kept.events} />
    </section>
  );
}
