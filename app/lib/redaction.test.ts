import { describe, expect, it } from "vitest";
import { readRedactRects, toPixels } from "./redaction";

describe("readRedactRects", () => {
  it("reads filled rows, skips empty ones, accepts a decimal comma", () => {
    const r = readRedactRects({
      left_1: "10",
      top_1: "20,5",
      width_1: "30",
      height_1: "40",
      left_3: "0",
      top_3: "0",
      width_3: "100",
      height_3: "100",
    });
    expect(r).toEqual({
      ok: true,
      rects: [
        { left: 10, top: 20.5, width: 30, height: 40 },
        { left: 0, top: 0, width: 100, height: 100 },
      ],
    });
  });

  it("names the wrong field: not a number, zero size, past the edge, nothing given", () => {
    expect(readRedactRects({ left_1: "abc", top_1: "-1", width_1: "10", height_1: "1e2" })).toEqual({
      ok: false,
      fieldErrors: { left_1: "redact.errors.number", top_1: "redact.errors.number", height_1: "redact.errors.number" },
    });
    expect(readRedactRects({ left_2: "10", top_2: "10", width_2: "0", height_2: "95" })).toEqual({
      ok: false,
      fieldErrors: { width_2: "redact.errors.empty", height_2: "redact.errors.outside" },
    });
    expect(readRedactRects({ left_1: "", top_1: " ", width_1: "", height_1: "" })).toEqual({
      ok: false,
      fieldErrors: { left_1: "redact.errors.none" },
    });
    expect(readRedactRects({ left_1: "10", top_1: "10", width_1: "101", height_1: "5" }).ok).toBe(false);
  });
});

describe("toPixels", () => {
  it("rounds outward and stays inside the image, at least one pixel", () => {
    expect(toPixels({ left: 10, top: 20, width: 30, height: 40 }, 1000, 500)).toEqual({
      left: 100,
      top: 100,
      width: 300,
      height: 200,
    });
    expect(toPixels({ left: 99.99, top: 99.99, width: 0.01, height: 0.01 }, 640, 480)).toEqual({
      left: 639,
      top: 479,
      width: 1,
      height: 1,
    });
    expect(toPixels({ left: 0.05, top: 0, width: 0.1, height: 100 }, 1600, 1200)).toEqual({
      left: 0,
      top: 0,
      width: 3,
      height: 1200,
    });
  });
});
