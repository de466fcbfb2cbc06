import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, newTrackingCode, normaliseTrackingCode } from "./tracking-code";

describe("tracking codes", () => {
  it("look like XXXXX-XXXXX from the readable alphabet, and differ", () => {
    const codes = new Set(Array.from({ length: 1000 }, newTrackingCode));
    expect(codes.size).toBe(1000);
    for (const c of codes) {
      expect(c).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
      expect([...c.replace("-", "")].every((ch) => CODE_ALPHABET.includes(ch))).toBe(true);
    }
  });
  it("normalise what people type", () => {
    expect(normaliseTrackingCode("k7mq2 xr9ta")).toBe("K7MQ2-XR9TA");
    expect(normaliseTrackingCode("K7MQ2XR9TA")).toBe("K7MQ2-XR9TA");
  });
  it("refuse what cannot be a code", () => {
    expect(normaliseTrackingCode("K7MQ2-XR9T")).toBeNull();
    expect(normaliseTrackingCode("K7MQ2-XR9T0")).toBeNull();
    expect(normaliseTrackingCode("<script>")).toBeNull();
  });
});
