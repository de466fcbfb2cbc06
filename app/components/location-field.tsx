// Optional location from the phone's GPS. Without JavaScript, or when the resident refuses,
// the form works the same: the description says where.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "./forms";

export function LocationField({ latitude, longitude, error }: { latitude?: string; longitude?: string; error?: string }) {
  const { t } = useTranslation("complaint");
  const [enhanced, setEnhanced] = useState(false);
  const [coords, setCoords] = useState<{ lat: string; lng: string } | null>(
    latitude && longitude ? { lat: latitude, lng: longitude } : null,
  );
  const [state, setState] = useState<"idle" | "locating" | "unavailable">("idle");
  useEffect(() => setEnhanced(typeof navigator !== "undefined" && "geolocation" in navigator), []);

  const locate = () => {
    setState("locating");
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setCoords({ lat: pos.coords.latitude.toFixed(6), lng: pos.coords.longitude.toFixed(6) });
        setState("idle");
      },
      () => setState("unavailable"),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  };

  return (
    <div className="field">
      <input type="hidden" name="latitude" value={coords?.lat ?? ""} />
      <input type="hidden" name="longitude" value={coords?.lng ?? ""} />
      {enhanced ? (
        <>
          <span className="label">{t("report.location")}</span>
          {coords ? (
            <p>
              {t("report.locationSet", { lat: coords.lat, lng: coords.lng })}{" "}
              <button type="button" className="link-button" onClick={() => setCoords(null)}>
                {t("report.locationClear")}
              </button>
            </p>
          ) : (
            <button type="button" className="button" onClick={locate} disabled={state === "locating"}>
              {state === "locating" ? t("report.locating") : t("report.locationUse")}
            </button>
          )}
          {state === "unavailable" ? (
            <p className="hint" role="status">
              {t("report.locationUnavailable")}
            </p>
          ) : null}
        </>
      ) : null}
      <ErrorList id="latitude-error" errors={error} />
    </div>
  );
}
