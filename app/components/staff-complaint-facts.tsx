// One complaint for staff: the resident's text (and the public version when redacted), where,
// whether there is a contact (opened with "show contact", logged, for the roles that handle the
// report: never shown publicly, never to council or Front accounts) and the resident's rating.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MapConfig } from "./leaflet-map";
import { PinsMap } from "./pins-map";

type Props = {
  complaint: {
    id: number;
    text: string;
    publicText: string | null;
    village: string | null;
    latitude: number | null;
    longitude: number | null;
    hasContact: boolean;
    handlingRating: number | null;
  };
  /** the tile server, for the small map of where the report is */
  map: MapConfig;
  /** this user handles the report and may open its contact ("contact.open" in lib/policy) */
  canOpenContact: boolean;
};

export function StaffComplaintFacts({ complaint, map, canOpenContact }: Props) {
  const { t } = useTranslation("staff");
  const { t: tp } = useTranslation("privacy");
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
        <dd>
          {!complaint.hasContact ? (
            t("detail.noContact")
          ) : canOpenContact ? (
            <Form method="post" action={`/staff/complaints/${complaint.id}/contact`} className="inline-form">
              <button type="submit" className="button" data-testid="show-contact">
                {tp("contact.show")}
              </button>{" "}
              <span className="hint">{tp("contact.logged")}</span>
            </Form>
          ) : (
            "—"
          )}
        </dd>
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
