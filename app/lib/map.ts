// What a map needs to draw: the tile server and its credit, and the pins. Shared by the server,
// which reads the tile settings, and the map components.
export type MapConfig = { tileUrl: string; attribution: string };
export type MapPin = { lat: number; lng: number; label?: string; href?: string };
