import { describe, expect, it } from "vitest";
import {
  answersPerHour,
  drawSample,
  fastAnswers,
  identicalShare,
  INTEGRITY_DEFAULTS,
  integrityFlags,
  isStraightLine,
  makeFlag,
  MIN_ANSWERS_FOR_FLAG,
  recheckTally,
  sampleSize,
  seededRandom,
  topAddressShare,
  type IntegrityAnswer,
} from "./integrity";

const answer = (over: Partial<IntegrityAnswer> & { scores: (number | null)[] }): IntegrityAnswer => ({
  id: 1,
  createdAt: new Date("2026-11-27T01:10:00Z"),
  ipHash: "a",
  verified: true,
  durationSeconds: 120,
  overall: over.scores[0] ?? null,
  excluded: false,
  ...over,
});

describe("re-check sample size n = N / (1 + N e^2)", () => {
  it("follows the formula, rounded up, never above N", () => {
    expect(sampleSize(0, 0.1)).toBe(0);
    expect(sampleSize(1, 0.1)).toBe(1);
    expect(sampleSize(100, 0.1)).toBe(50);
    expect(sampleSize(1000, 0.1)).toBe(91); // 1000 / 11 = 90.9
    expect(sampleSize(1000, 0.05)).toBe(286); // 1000 / 3.5 = 285.7
    expect(sampleSize(10, 0.5)).toBe(3); // 10 / 3.5 = 2.86
  });
});

describe("seeded draw", () => {
  const seed = "0123456789abcdef0123456789abcdef";
  const population = Array.from({ length: 200 }, (_, i) => ({
    serial: `1-2-01-${String(i + 1).padStart(4, "0")}`,
    village: "Thôn 1",
  }));

  it("gives the same numbers for the same seed and different ones for another seed", () => {
    const a = seededRandom(seed);
    const b = seededRandom(seed);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    const c = seededRandom("f".repeat(32));
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
    for (const v of first) expect(v >= 0 && v < 1).toBe(true);
  });

  it("refuses a short or non-hex seed", () => {
    expect(() => seededRandom("abc")).toThrow();
    expect(() => seededRandom("z".repeat(32))).toThrow();
  });

  it("draws n distinct items, the same whatever order the population comes in", () => {
    const s1 = drawSample(population, 67, seed);
    const s2 = drawSample([...population].reverse(), 67, seed);
    expect(s1).toHaveLength(67);
    expect(new Set(s1.map((s) => s.serial)).size).toBe(67);
    expect(s2).toEqual(s1);
    expect(drawSample(population, 67, "1".repeat(32))).not.toEqual(s1);
    expect(drawSample(population.slice(0, 3), 10, seed)).toHaveLength(3);
  });

  it("is not biased towards the start of the list", () => {
    // 200 draws of 1 from 200 items by different seeds reach both halves.
    const picks = Array.from({ length: 200 }, (_, i) => drawSample(population, 1, i.toString(16).padStart(32, "0"))[0].serial);
    const late = picks.filter((p) => Number(p.slice(-4)) > 100).length;
    expect(late).toBeGreaterThan(60);
    expect(late).toBeLessThan(140);
  });
});

describe("flags", () => {
  it("answers per hour are Vietnam hours in time order", () => {
    const rows = answersPerHour([
      { createdAt: new Date("2026-11-27T02:30:00Z") },
      { createdAt: new Date("2026-11-27T01:10:00Z") },
      { createdAt: new Date("2026-11-27T01:50:00Z") },
    ]);
    expect(rows).toEqual([
      { hour: "2026-11-27 08:00", count: 2 },
      { hour: "2026-11-27 09:00", count: 1 },
    ]);
  });

  it("share of the three busiest addresses", () => {
    const list = ["a", "a", "a", "b", "b", "c", "d", "e", "f", null].map((ipHash) => ({ ipHash }));
    expect(topAddressShare(list)).toBeCloseTo(0.6);
    expect(topAddressShare([])).toBe(0);
  });

  it("identical patterns and straight-lining", () => {
    expect(isStraightLine([5, 5, 5, 5])).toBe(true);
    expect(isStraightLine([5, 5, null, 5])).toBe(false);
    expect(isStraightLine([5, 4, 5, 5])).toBe(false);
    expect(isStraightLine([3])).toBe(false);
    const list = [
      [5, 4, 3],
      [5, 4, 3],
      [1, 2, 3],
      [2, 2, 2],
    ].map((scores) => ({ scores }));
    expect(identicalShare(list)).toBe(0.5);
  });

  it("fast answers are under a third of the median time; unknown times are left out", () => {
    const list = [300, 300, 240, 60, 90, 250, 260, 240, 230, 240, 280, null].map((durationSeconds, id) => ({
      id,
      durationSeconds,
    }));
    const f = fastAnswers(list);
    expect(f.median).toBe(240);
    expect(f.timed).toBe(11);
    expect(f.enough).toBe(true);
    expect(f.fast.map((a) => a.id)).toEqual([3]); // 60 < 80; 90 is not
    expect(f.share).toBeCloseTo(1 / 11);
  });

  it(`no answer is called fast, and no flag fires, below ${MIN_ANSWERS_FOR_FLAG} answers`, () => {
    expect(MIN_ANSWERS_FOR_FLAG).toBe(10);
    // Issue 23: "quá nhanh" on one of two timed answers (50 %) said nothing.
    const two = fastAnswers([{ durationSeconds: 300 }, { durationSeconds: 5 }]);
    expect(two).toMatchObject({ timed: 2, enough: false, fast: [], share: 0 });
    const nine = Array.from({ length: 9 }, (_, i) =>
      answer({ id: i, ipHash: "bot", scores: [5, 5, 5], durationSeconds: i ? 300 : 1 }),
    );
    const flags = integrityFlags(nine, [{ village: "Thôn 1", count: 9, sealed: true, used: 9 }], INTEGRITY_DEFAULTS);
    expect(flags.every((f) => !f.flagged && !f.enough)).toBe(true);
    expect(flags.find((f) => f.key === "straight")).toMatchObject({ value: 1, count: 9, enough: false, flagged: false });
    // The tenth answer makes the same figures count.
    const ten = [...nine, answer({ id: 9, ipHash: "bot", scores: [5, 5, 5], durationSeconds: 300 })];
    const by = Object.fromEntries(integrityFlags(ten, [], INTEGRITY_DEFAULTS).map((f) => [f.key, f]));
    expect(by.straight).toMatchObject({ count: 10, enough: true, flagged: true });
    expect(makeFlag("denied", 0.5, 0.1, 9).flagged).toBe(false);
    expect(makeFlag("denied", 0.5, 0.1, 10).flagged).toBe(true);
  });

  it("each flag carries its figure and threshold; excluded answers do not count", () => {
    const honest = Array.from({ length: 8 }, (_, i) =>
      answer({ id: i, ipHash: `ip${i}`, scores: [((i % 5) + 1) as number, ((i + 2) % 5) + 1, ((i + 3) % 5) + 1] }),
    );
    const stuffed = Array.from({ length: 8 }, (_, i) =>
      answer({ id: 100 + i, ipHash: "bot", scores: [5, 5, 5], durationSeconds: 5 }),
    );
    const villages = [{ village: "Thôn 1", count: 20, sealed: true, used: 20 }];
    const flags = integrityFlags([...honest, ...stuffed], villages, INTEGRITY_DEFAULTS);
    const by = Object.fromEntries(flags.map((f) => [f.key, f]));
    expect(by.straight).toMatchObject({ value: 0.5, threshold: 0.3, flagged: true });
    expect(by.identical.flagged).toBe(true);
    expect(by.topAddresses.value).toBeCloseTo(10 / 16);
    expect(by.fast.flagged).toBe(true);
    expect(by.villageUse).toMatchObject({ value: 1, flagged: true, detail: "Thôn 1" });
    const cleaned = integrityFlags([...honest, ...stuffed.map((a) => ({ ...a, excluded: true }))], [], INTEGRITY_DEFAULTS);
    const after = Object.fromEntries(cleaned.map((f) => [f.key, f]));
    expect(after.straight.flagged).toBe(false);
    expect(after.fast.flagged).toBe(false);
  });

  it("open and verified satisfaction gap, flagged once each side has enough answers", () => {
    const side = (verified: boolean, overall: number, n: number, from: number) =>
      Array.from({ length: n }, (_, i) => answer({ id: from + i, verified, scores: [overall], overall }));
    const few = integrityFlags(
      [...side(false, 5, 2, 0), ...side(true, 2, 1, 10), ...side(true, 4, 1, 20)],
      [],
      INTEGRITY_DEFAULTS,
    );
    const gap = few.find((f) => f.key === "openVerifiedGap")!;
    expect(gap.value).toBeCloseTo(0.5);
    expect(gap).toMatchObject({ count: 2, flagged: false });
    const many = integrityFlags(
      [...side(false, 5, 10, 0), ...side(true, 2, 5, 10), ...side(true, 4, 5, 20)],
      [],
      INTEGRITY_DEFAULTS,
    );
    expect(many.find((f) => f.key === "openVerifiedGap")).toMatchObject({ count: 10, flagged: true });
  });

  it("re-check tally counts denied among those reached", () => {
    expect(recheckTally(["confirmed", "denied", "not_reached", null, "confirmed"])).toEqual({
      total: 5,
      confirmed: 2,
      denied: 1,
      notReached: 1,
      pending: 1,
      reached: 3,
    });
  });
});
