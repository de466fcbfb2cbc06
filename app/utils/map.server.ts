// What a page with a map needs to draw it: the configured tile server and its attribution.
import type { MapConfig } from "~/lib/map";
import { env } from "./env.server";

export function mapConfig(): MapConfig {
  return { tileUrl: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION };
}
