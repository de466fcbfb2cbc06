import { describe, expect, it } from "vitest";
import { parseBallotCell, pickRound, resultsVisible, roundsOverlap } from "./round";

const d = (s: string) => new Date(s);

describe("pickRound", () => {
  const rounds = [
    { id: 1, startsAt: d("2026-10-01T00:00:00Z"), endsAt: d("2026-11-01T00:00:00Z") },
    { id: 2, startsAt: d("2026-10-15T00:00:00Z"), endsAt: d("2026-10-20T00:00:00Z") },
  ];
  it("puts an answer in the round open at that moment, end exclusive", () => {
    expect(pickRound(rounds, d("2026-10-05T00:00:00Z"))?.id).toBe(1);
    expect(pickRound(rounds, d("2026-11-01T00:00:00Z"))).toBeNull();
    expect(pickRound(rounds, d("2026-09-30T23:59:59Z"))).toBeNull();
  });
  it("prefers the round that started last when two overlap", () => {
    expect(pickRound(rounds, d("2026-10-16T00:00:00Z"))?.id).toBe(2);
  });
});

describe("resultsVisible", () => {
  const end = d("2026-11-01T00:00:00Z");
  it("hides a round's results until paper entry has closed (the close plus the grace period)", () => {
    expect(resultsVisible({ purpose: "pre_recognition", endsAt: end }, d("2026-10-31T23:59:59Z"), 48)).toBe(false);
    expect(resultsVisible({ purpose: "pre_recognition", endsAt: end }, end, 48)).toBe(false);
    expect(resultsVisible({ purpose: "pre_recognition", endsAt: end }, d("2026-11-02T23:59:59Z"), 48)).toBe(false);
    expect(resultsVisible({ purpose: "pre_recognition", endsAt: end }, d("2026-11-03T00:00:00Z"), 48)).toBe(true);
    expect(resultsVisible({ purpose: "pre_recognition", endsAt: end }, end, 0)).toBe(true);
  });
  it("hides a routine round's results while it runs too (issue 26)", () => {
    expect(resultsVisible({ purpose: "routine", endsAt: end }, d("2026-10-01T00:00:00Z"), 48)).toBe(false);
    expect(resultsVisible({ purpose: "routine", endsAt: end }, d("2026-11-03T00:00:00Z"), 48)).toBe(true);
  });
});

describe("roundsOverlap", () => {
  const r = (a: string, b: string) => ({ startsAt: d(a), endsAt: d(b) });
  it("is true when two windows share a moment, false when one ends as the other starts", () => {
    expect(
      roundsOverlap(r("2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z"), r("2026-10-31T00:00:00Z", "2026-12-01T00:00:00Z")),
    ).toBe(true);
    expect(
      roundsOverlap(r("2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z"), r("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z")),
    ).toBe(false);
    expect(
      roundsOverlap(r("2026-10-05T00:00:00Z", "2026-10-06T00:00:00Z"), r("2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z")),
    ).toBe(true);
  });
});

describe("parseBallotCell", () => {
  it("reads 1-5, d/k for the yes/no ballot, and blank as no opinion", () => {
    expect(["4", " 1 ", "d", "Đ", "K", "", "-"].map(parseBallotCell)).toEqual([4, 1, 5, 5, 1, null, null]);
    expect(parseBallotCell("6")).toBe("invalid");
    expect(parseBallotCell("x")).toBe("invalid");
  });
});
