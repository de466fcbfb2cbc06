// A work's place on the map, loaded only when the resident asks for it (decision 025: resident
// pages never load Leaflet by themselves). A road is drawn as its line; without JavaScript the
// coordinates stay as text in the work's facts.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "~/hooks/use-hydrated";
import type { MapConfig, MapPin } from "~/lib/map";
import { PinsMap } from "./pins-map";

export function WorkMap({
  config,
  pins,
  lines = [],
}: {
  config: MapConfig;
  pins: MapPin[];
  lines?: { lat: number; lng: number }[][];
}) {
  const { t } = useTranslation("works");
  const hydrated = useHydrated();
  const [shown, setShown] = useState(false);
  if (!hydrated || pins.length === 0) return null;
  if (!shown)
    return (
      <button type="button" className="button button--block" onClick={() => setShown(true)} data-testid="work-map-show">
        {t("work.showMap")}
      </button>
    );
  return <PinsMap config={config} pins={pins} lines={lines} label={t("work.mapLabel")} testId="work-map" />;
}
