// A Leaflet map, loaded only in the browser and only when shown: the library (about 40 kB
// gzipped) and its stylesheet are fetched on demand, so pages without a map, and the report
// form until the resident opens its map, do not pay for them. Pins are vector circles (no
// marker images to resolve). Tiles come from the configured tile server (MAP_TILE_URL).
import { useEffect, useRef } from "react";
import leafletCss from "leaflet/dist/leaflet.css";
import type { MapConfig, MapPin } from "~/lib/map";

export type { MapConfig, MapPin };

/** Centre of the city (the merged Hải Phòng), used when there is nothing to centre on. */
export const CITY_CENTRE = { lat: 20.86, lng: 106.55, zoom: 10 };

function ensureStylesheet() {
  if (document.querySelector(`link[data-leaflet]`)) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = leafletCss;
  link.dataset.leaflet = "1";
  document.head.appendChild(link);
}

type Props = {
  config: MapConfig;
  pins: MapPin[];
  /** When given, a tap on the map moves the single pin there and reports its position. */
  onPick?: (pin: { lat: number; lng: number }) => void;
  label: string;
  height?: number;
  testId?: string;
  /** Lines drawn under the pins (a road as built, issue 22). */
  lines?: { lat: number; lng: number }[][];
};

export function LeafletMap({ config, pins, onPick, label, height = 260, testId, lines = [] }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<import("leaflet").Map | null>(null);
  const layer = useRef<import("leaflet").LayerGroup | null>(null);
  const leaflet = useRef<typeof import("leaflet") | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    let cancelled = false;
    ensureStylesheet();
    void import("leaflet").then((mod) => {
      const L = (mod as unknown as { default?: typeof import("leaflet") }).default ?? mod;
      if (cancelled || !box.current) return;
      leaflet.current = L;
      const m = L.map(box.current, { attributionControl: true }).setView([CITY_CENTRE.lat, CITY_CENTRE.lng], CITY_CENTRE.zoom);
      L.tileLayer(config.tileUrl, { attribution: config.attribution, maxZoom: 19 }).addTo(m);
      layer.current = L.layerGroup().addTo(m);
      m.on("click", (e: import("leaflet").LeafletMouseEvent) => pick.current?.({ lat: e.latlng.lat, lng: e.latlng.lng }));
      map.current = m;
      drawPins(pins);
    });
    return () => {
      cancelled = true;
      map.current?.remove();
      map.current = null;
    };
    // The map is made once; pins are redrawn below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [config.tileUrl, config.attribution]);

  const drawPins = (list: MapPin[]) => {
    const L = leaflet.current;
    const m = map.current;
    if (!L || !m || !layer.current) return;
    layer.current.clearLayers();
    for (const line of lines)
      L.polyline(
        line.map((p) => [p.lat, p.lng] as [number, number]),
        { color: "#b45309", weight: 5 },
      ).addTo(layer.current);
    for (const p of list) {
      const marker = L.circleMarker([p.lat, p.lng], {
        radius: 9,
        color: "#7f1d1d",
        weight: 3,
        fillColor: "#dc2626",
        fillOpacity: 0.9,
      });
      if (p.label) {
        const el = document.createElement("span");
        if (p.href) {
          const a = document.createElement("a");
          a.href = p.href;
          a.textContent = p.label; // text, never HTML: labels come from residents
          el.appendChild(a);
        } else el.textContent = p.label;
        marker.bindPopup(el);
      }
      marker.addTo(layer.current);
    }
    if (list.length === 1) m.setView([list[0].lat, list[0].lng], Math.max(m.getZoom(), 16));
    else if (list.length > 1)
      m.fitBounds(L.latLngBounds(list.map((p) => [p.lat, p.lng] as [number, number])), { padding: [24, 24], maxZoom: 16 });
  };

  const key = JSON.stringify(pins);
  useEffect(() => {
    drawPins(pins);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return <div ref={box} className="leaflet-box" style={{ height }} role="region" aria-label={label} data-testid={testId} />;
}
