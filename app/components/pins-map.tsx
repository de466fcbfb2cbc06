// A read-only map of one or more pins for staff pages, drawn only in the browser (Leaflet is
// loaded on demand); without JavaScript the page keeps the coordinates as text.
import { lazy, Suspense } from "react";
import { useHydrated } from "~/hooks/use-hydrated";
import type { MapConfig, MapPin } from "./leaflet-map";

const LeafletMap = lazy(() => import("./leaflet-map").then((m) => ({ default: m.LeafletMap })));

export function PinsMap({
  config,
  pins,
  label,
  height = 260,
  testId,
  lines,
}: {
  lines?: { lat: number; lng: number }[][];
  config: MapConfig;
  pins: MapPin[];
  label: string;
  height?: number;
  testId?: string;
}) {
  const hydrated = useHydrated();
  if (!hydrated || pins.length === 0) return null;
  return (
    <Suspense fallback={<div className="leaflet-box" style={{ height }} />}>
      <LeafletMap config={config} pins={pins} label={label} height={height} testId={testId} lines={lines} />
    </Suspense>
  );
}
