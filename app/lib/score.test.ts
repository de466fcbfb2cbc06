import { describe, expect, it } from "vitest";
import { score, tally, verdict, wilson } from "./score";

describe("wilson", () => {
  it("14 satisfied of 20 gives about 48% to 86%", () => {
    const { low, high } = wilson(14, 20);
    expect(low).toBeCloseTo(0.481, 3);
    expect(high).toBeCloseTo(0.8545, 3);
  });
  it("matches a textbook value: 81 of 263", () => {
    // Wilson (1927) / Newcombe (1998) example: 0.2553 to 0.3662
    const { low, high } = wilson(81, 263);
    expect(low).toBeCloseTo(0.2553, 3);
    expect(high).toBeCloseTo(0.3662, 3);
  });
  it("stays within [0, 1] at the extremes", () => {
    expect(wilson(0, 10).low).toBe(0);
    expect(wilson(10, 10).high).toBeCloseTo(1, 9);
    expect(wilson(10, 10).low).toBeCloseTo(0.7225, 3);
  });
  it("is [0, 1] with no data and refuses impossible counts", () => {
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
    expect(() => wilson(5, 4)).toThrow(RangeError);
  });
});

describe("verdict", () => {
  const threshold = { share: 0.9, minSample: 30 };
  it("is not enough data below the minimum sample, however good the share", () => {
    expect(verdict(29, 29, threshold)).toBe("insufficient");
  });
  it("is 'straddles' (too close to call), not 'not enough data', when n is large but the interval contains the threshold", () => {
    expect(verdict(90, 100, threshold)).toBe("straddles");
    expect(verdict(28, 30, threshold)).toBe("straddles");
  });
  it("meets when the whole interval is at or above the threshold", () => {
    expect(verdict(195, 200, threshold)).toBe("meets");
  });
  it("is below when the whole interval is under the threshold", () => {
    expect(verdict(60, 100, threshold)).toBe("below");
  });
  it("treats a lower bound exactly at the threshold as meeting it", () => {
    const k = 48;
    const n = 50;
    const low = wilson(k, n).low;
    expect(verdict(k, n, { share: low, minSample: 30 })).toBe("meets");
    expect(verdict(k, n, { share: low + 1e-9, minSample: 30 })).toBe("straddles");
  });
});

describe("score", () => {
  const threshold = { share: 0.9, minSample: 30 };
  it("hides a criterion with fewer than 5 answers", () => {
    expect(score({ satisfied: 4, answered: 4, noOpinion: 9 }, threshold)).toEqual({
      hidden: true,
      answered: 4,
      noOpinion: 9,
    });
  });
  it("marks fewer than 30 answers as indicative", () => {
    const s = score({ satisfied: 14, answered: 20, noOpinion: 2 }, threshold);
    expect(s.hidden).toBe(false);
    if (!s.hidden) {
      expect(s.share).toBe(0.7);
      expect(s.indicative).toBe(true);
      expect(s.verdict).toBe("insufficient");
    }
  });
});

describe("tally", () => {
  it("counts 4 and 5 as satisfied and leaves no-opinion out of the denominator", () => {
    expect(tally([5, 4, 3, 2, 1, null, null])).toEqual({ satisfied: 2, answered: 5, noOpinion: 2 });
  });
});
