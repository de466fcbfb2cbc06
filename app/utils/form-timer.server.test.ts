import { describe, expect, it } from "vitest";
import { formDuration, signFormStart } from "./form-timer.server";

const SECRET = "a-test-secret-of-at-least-32-characters!";

describe("signed form start (completion time)", () => {
  const shown = new Date("2026-11-27T01:00:00Z");
  it("gives the seconds since the form was shown", () => {
    const token = signFormStart(shown, SECRET);
    expect(formDuration(token, new Date(shown.getTime() + 95_400), SECRET)).toBe(95);
  });

  it("ignores a forged, altered, missing or implausible token", () => {
    const token = signFormStart(shown, SECRET);
    const later = new Date(shown.getTime() + 60_000);
    const [ms, sig] = token.split(".");
    expect(formDuration(`${Number(ms) - 3_600_000}.${sig}`, later, SECRET)).toBeNull(); // an earlier start
    expect(formDuration(token, later, "another-secret-of-at-least-32-characters")).toBeNull();
    expect(formDuration(undefined, later, SECRET)).toBeNull();
    expect(formDuration("garbage", later, SECRET)).toBeNull();
    expect(formDuration(token, new Date(shown.getTime() - 1000), SECRET)).toBeNull(); // from the future
    expect(formDuration(token, new Date(shown.getTime() + 2 * 86_400_000), SECRET)).toBeNull();
  });
});
