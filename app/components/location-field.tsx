// Optional location of a report: GPS, a pin on a small map, or typed coordinates. Without
// JavaScript the two coordinate fields are plain inputs (folded); the village field and the
// description say where in any case. With it, "use my location" fills them from the phone's GPS
// and "choose on a map" opens a map (loaded only then) where a tap places the pin.
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MapConfig } from "./leaflet-map";
import { ErrorList } from "./forms";

const LeafletMap = lazy(() => import("./leaflet-map").then((m) => ({ default: m.LeafletMap })));

const fixed = (n: number) => n.toFixed(6);

export function LocationField({
  latitude,
  longitude,
  error,
  map,
}: {
  latitude?: string;
  longitude?: string;
  error?: string;
  map?: MapConfig;
}) {
  const { t } = useTranslation("complaint");
  const [enhanced, setEnhanced] = useState(false);
  const [lat, setLat] = useState(latitude ?? "");
  const [lng, setLng] = useState(longitude ?? "");
  const [state, setState] = useState<"idle" | "locating" | "unavailable">("idle");
  const [showMap, setShowMap] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const hasGps = enhanced && typeof navigator !== "undefined" && "geolocation" in navigator;
  const latN = Number(lat);
  const lngN = Number(lng);
  const valid = lat !== "" && lng !== "" && Number.isFinite(latN) && Number.isFinite(lngN);

  const place = (p: { lat: number; lng: number }) => {
    setLat(fixed(p.lat));
    setLng(fixed(p.lng));
  };
  const locate = () => {
    setState("locating");
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        place({ lat: pos.coords.latitude, lng: pos.coords.longitude });
        setState("idle");
        if (map) setShowMap(true); // centred on the phone's position, to adjust the pin
      },
      () => setState("unavailable"),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  };

  return (
    <div className="field location-field">
      <span className="label">{t("report.location")}</span>
      {enhanced ? (
        <div className="button-row">
          {hasGps ? (
            <button type="button" className="button" onClick={locate} disabled={state === "locating"}>
              {state === "locating" ? t("report.locating") : t("report.locationUse")}
            </button>
          ) : null}
          {map && !showMap ? (
            <button type="button" className="button" onClick={() => setShowMap(true)} data-testid="open-map">
              {t("map:choose")}
            </button>
          ) : null}
        </div>
      ) : null}
      {valid && enhanced ? (
        <p role="status" data-testid="location-set">
          {t("report.locationSet", { lat, lon: lng })}{" "}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setLat("");
              setLng("");
            }}
          >
            {t("report.locationClear")}
          </button>
        </p>
      ) : null}
      {state === "unavailable" ? (
        <p className="hint" role="status">
          {t("report.locationUnavailable")}
        </p>
      ) : null}
      {map && showMap ? (
        <>
          <p className="hint">{t("map:tapHint")}</p>
          <Suspense fallback={<div className="leaflet-box" style={{ height: 240 }} />}>
            <LeafletMap
              config={map}
              pins={valid ? [{ lat: latN, lng: lngN }] : []}
              onPick={place}
              label={t("map:pickLabel")}
              height={240}
              testId="report-map"
            />
          </Suspense>
        </>
      ) : null}
      <details className="coords" open={!!error || undefined}>
        <summary>{t("map:coordinates")}</summary>
        <div className="coords__row">
          <label>
            {t("map:latitude")}
            <input name="latitude" inputMode="decimal" autoComplete="off" value={lat} onChange={(e) => setLat(e.target.value)} />
          </label>
          <label>
            {t("map:longitude")}
            <input name="longitude" inputMode="decimal" autoComplete="off" value={lng} onChange={(e) => setLng(e.target.value)} />
          </label>
        </div>
      </details>
      <ErrorList id="latitude-error" errors={error} />
    </div>
  );
}
