// One complaint for staff: the resident's text (and the public version when redacted), where,
// the contact (never shown publicly) and the resident's rating.
import { useTranslation } from "react-i18next";
import type { MapConfig } from "./leaflet-map";
import { PinsMap } from "./pins-map";

type Props = {
  complaint: {
    text: string;
    publicText: string | null;
    village: string | null;
    latitude: number | null;
    longitude: number | null;
    contact: string | null;
    handlingRating: number | null;
  };
  /** the tile server, for the small map of where the report is */
  map: MapConfig;
};

export function StaffComplaintFacts({ complaint, map }: Props) {
  const { t } = useTranslation("staff");
  return (
    <section className="card">
      <h2>{t("detail.text")}</h2>
      <blockquote className="complaint-text" data-testid="original-text">
        {complaint.text}
      </blockquote>
      {complaint.publicText ? (
        <>
          <h3>{t("detail.publicText")}</h3>
          <blockquote className="complaint-text">{complaint.publicText}</blockquote>
        </>
      ) : null}
      <dl className="facts">
        {complaint.village ? (
          <>
            <dt>{t("detail.village")}</dt>
            <dd>{complaint.village}</dd>
          </>
        ) : null}
        {complaint.latitude !== null && complaint.longitude !== null ? (
          <>
            <dt>{t("detail.location")}</dt>
            <dd>
              {complaint.latitude}, {complaint.longitude}
            </dd>
          </>
        ) : null}
      </dl>
      {complaint.latitude !== null && complaint.longitude !== null ? (
        <PinsMap
          config={map}
          pins={[{ lat: complaint.latitude, lng: complaint.longitude }]}
          label={t("map:reportLocation")}
          height={220}
          testId="complaint-map"
        />
      ) : null}
      <dl className="facts">
        <dt>{t("detail.contact")}</dt>
        <dd data-testid="contact">{complaint.contact ?? t("detail.noContact")}</dd>
        {complaint.handlingRating ? (
          <>
            <dt>{t("detail.rating")}</dt>
            <dd>{complaint.handlingRating}/5</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
