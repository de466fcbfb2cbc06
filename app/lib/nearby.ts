// "Nearby" for duplicate reports: within 200 m (great-circle distance) or in the same village.
import { fold } from "./text";

export const NEARBY_METRES = 200;
const EARTH_RADIUS_M = 6_371_000;

export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type Place = { latitude: number | null; longitude: number | null; village: string | null };

/** Same village (ignoring case, diacritics and extra spaces) or within 200 m. */
export function isNearby(a: Place, b: Place): boolean {
  if (a.latitude !== null && a.longitude !== null && b.latitude !== null && b.longitude !== null) {
    if (distanceMetres({ lat: a.latitude, lng: a.longitude }, { lat: b.latitude, lng: b.longitude }) <= NEARBY_METRES)
      return true;
  }
  const va = a.village ? fold(a.village) : "";
  return va !== "" && va === (b.village ? fold(b.village) : "");
}
