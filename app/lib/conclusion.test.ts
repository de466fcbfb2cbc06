import { describe, expect, it } from "vitest";
import { conclude } from "./conclusion";
import { score, type Threshold } from "./score";

const threshold: Threshold = { share: 0.9, minSample: 30 };
const row = (key: string, satisfied: number, answered: number) => ({
  key,
  score: score({ satisfied, answered, noOpinion: 0 }, threshold),
});
const covered = { share: 0.8, target: 0.7 };

describe("the dossier's conclusion", () => {
  it("meets only when every criterion meets and the coverage is reached", () => {
    const rows = [row("roads", 390, 400), row("water", 395, 400)];
    expect(conclude({ rows, threshold, coverage: covered, recheck: null })).toMatchObject({
      outcome: "meets",
      below: [],
      unsure: [],
      coverage: { met: true },
      recheck: "none",
    });
    // The same answers with 55% coverage against 70%: cannot tell yet.
    expect(conclude({ rows, threshold, coverage: { share: 0.55, target: 0.7 }, recheck: null })).toMatchObject({
      outcome: "unknown",
      coverage: { share: 0.55, target: 0.7, met: false },
    });
    expect(conclude({ rows, threshold, coverage: null, recheck: null }).outcome).toBe("unknown");
  });

  it("does not meet as soon as one criterion is clearly below, and names it", () => {
    const rows = [row("roads", 200, 400), row("water", 395, 400), row("security", 12, 20)];
    const c = conclude({ rows, threshold, coverage: covered, recheck: null });
    expect(c.outcome).toBe("below");
    expect(c.below).toEqual(["roads"]);
    expect(c.unsure).toEqual(["security"]);
  });

  it("cannot tell with too few answers or an interval across the threshold", () => {
    const c = conclude({ rows: [row("roads", 3, 4), row("water", 360, 400)], threshold, coverage: covered, recheck: null });
    expect(c.outcome).toBe("unknown");
    expect(c.unsure).toEqual(["roads", "water"]);
  });

  it("says the re-check was not done when nobody was visited", () => {
    const base = { rows: [row("roads", 390, 400)], threshold, coverage: covered };
    expect(conclude({ ...base, recheck: { total: 31, reached: 0 } }).recheck).toBe("notVisited");
    expect(conclude({ ...base, recheck: { total: 31, reached: 10 } }).recheck).toBe("partly");
    expect(conclude({ ...base, recheck: { total: 31, reached: 31 } }).recheck).toBe("done");
  });
});
