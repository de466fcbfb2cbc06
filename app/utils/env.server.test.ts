import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

const base = { NODE_ENV: "test", SESSION_SECRET: "x".repeat(32), DATA_DIR: "/tmp/ux-env-test" } as const;

describe("MAP_TILE_URL", () => {
  it("defaults to a public OpenStreetMap-style template whose host joins the image policy", () => {
    const env = parseEnv(base);
    expect(env.MAP_TILE_URL).toBe("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
    expect(env.MAP_TILE_ORIGIN).toBe("https://tile.openstreetmap.org");
  });
  it("accepts a path on this server (no extra origin) and an http(s) template on one host", () => {
    expect(parseEnv({ ...base, MAP_TILE_URL: "/tiles/{z}/{x}/{y}.png" }).MAP_TILE_ORIGIN).toBeNull();
    expect(parseEnv({ ...base, MAP_TILE_URL: "https://maps.example.vn:8443/t/{z}/{y}/{x}.webp" }).MAP_TILE_ORIGIN).toBe(
      "https://maps.example.vn:8443",
    );
  });
  it.each([
    ["https://tile.example.org/{z}/{x}.png", "must contain {z}, {x} and {y}"],
    ["ftp://tile.example.org/{z}/{x}/{y}.png", "http(s)"],
    ["https://{s}.tile.example.org/{z}/{x}/{y}.png", "http(s)"],
    ["javascript:alert(1)//{z}/{x}/{y}", "http(s)"],
  ])("refuses %s, naming the variable", (value, message) => {
    expect(() => parseEnv({ ...base, MAP_TILE_URL: value })).toThrow(/MAP_TILE_URL/);
    expect(() => parseEnv({ ...base, MAP_TILE_URL: value })).toThrow(message);
  });
});
