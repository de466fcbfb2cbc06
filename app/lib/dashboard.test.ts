import { describe, expect, it } from "vitest";
import { communeVerdict, coverage, failing, roundAnswered, sortRows, tableRow, type CommuneScores } from "./dashboard";
import { score } from "./score";

const T = { share: 0.9, minSample: 30 };
const s = (satisfied: number, answered: number) => score({ satisfied, answered, noOpinion: 0 }, T);

describe("communeVerdict", () => {
  const meets = s(200, 200);
  it("is below when any criterion is below, even if the overall question meets", () => {
    const scores: CommuneScores = [
      { criterionKey: "roads", isOverall: false, score: s(60, 100) },
      { criterionKey: "overall", isOverall: true, score: meets },
    ];
    expect(communeVerdict(scores)).toBe("below");
  });
  it("meets only when every shown criterion and the overall question meet", () => {
    expect(
      communeVerdict([
        { criterionKey: "roads", isOverall: false, score: meets },
        { criterionKey: "overall", isOverall: true, score: meets },
      ]),
    ).toBe("meets");
  });
  it("straddles when every criterion has enough answers and one interval contains the threshold", () => {
    expect(
      communeVerdict([
        { criterionKey: "roads", isOverall: false, score: s(90, 100) },
        { criterionKey: "overall", isOverall: true, score: meets },
      ]),
    ).toBe("straddles");
  });
  it("is not enough data when a criterion is under the minimum sample, even if another straddles", () => {
    expect(
      communeVerdict([
        { criterionKey: "roads", isOverall: false, score: s(90, 100) },
        { criterionKey: "water", isOverall: false, score: s(20, 20) },
        { criterionKey: "overall", isOverall: true, score: meets },
      ]),
    ).toBe("insufficient");
  });
  it("is not enough data when the overall question is hidden", () => {
    expect(
      communeVerdict([
        { criterionKey: "roads", isOverall: false, score: meets },
        { criterionKey: "overall", isOverall: true, score: s(3, 3) },
      ]),
    ).toBe("insufficient");
  });
  it("does not let a commune meet the threshold with a criterion hidden for too few answers", () => {
    expect(
      communeVerdict([
        { criterionKey: "water", isOverall: false, score: s(0, 4) },
        { criterionKey: "overall", isOverall: true, score: meets },
      ]),
    ).toBe("insufficient");
    expect(communeVerdict([])).toBe("insufficient");
  });
});

describe("failing", () => {
  it("lists criteria below the threshold, worst first", () => {
    const list = failing([
      { criterionKey: "roads", isOverall: false, score: s(70, 100) },
      { criterionKey: "water", isOverall: false, score: s(40, 100) },
      { criterionKey: "security", isOverall: false, score: s(99, 100) },
    ]);
    expect(list.map((f) => f.criterionKey)).toEqual(["water", "roads"]);
  });
});

describe("coverage", () => {
  it("is answered households over households, unknown without a household count", () => {
    expect(coverage(700, 1000)).toEqual({ answered: 700, households: 1000, share: 0.7 });
    expect(coverage(5, 0)).toBeNull();
  });
});

describe("sortRows", () => {
  const rows = [
    { name: "Ân Thi", v: 0.5 },
    { name: "An Lão", v: null },
    { name: "Bạch Đằng", v: 0.9 },
  ];
  it("sorts both ways and keeps missing values last", () => {
    expect(sortRows(rows, (r) => r.v, "asc").map((r) => r.name)).toEqual(["Ân Thi", "Bạch Đằng", "An Lão"]);
    expect(sortRows(rows, (r) => r.v, "desc").map((r) => r.name)).toEqual(["Bạch Đằng", "Ân Thi", "An Lão"]);
  });
});

describe("tableRow", () => {
  const threshold = { share: 0.9, minSample: 30 };
  const row = {
    slug: "vinh-bao",
    threshold,
    scores: {
      roads: score({ satisfied: 57112, answered: 65644, noOpinion: 3 }, threshold),
      water: score({ satisfied: 1, answered: 2, noOpinion: 0 }, threshold),
    },
    tallies: { roads: { satisfied: 57112, answered: 65644, noOpinion: 3 } },
    failing: [{ criterionKey: "roads" }],
  };

  it("sends the table what it prints: no raw tallies, failing list or threshold, shares to 0.01 percentage point", () => {
    const r = tableRow(row);
    expect(r).not.toHaveProperty("tallies");
    expect(r).not.toHaveProperty("failing");
    expect(r).not.toHaveProperty("threshold");
    expect(r.slug).toBe("vinh-bao");
    const roads = r.scores.roads;
    if (roads.hidden) throw new Error("roads should be shown");
    expect(roads.share).toBe(0.87);
    expect(roads.interval).toEqual({ low: 0.8674, high: 0.8726 });
    expect(roads).toEqual({
      hidden: false,
      answered: 65644,
      indicative: false,
      verdict: "below",
      share: 0.87,
      interval: { low: 0.8674, high: 0.8726 },
    });
    expect(r.scores.water).toEqual({ hidden: true, answered: 2 });
  });
});

describe("roundAnswered", () => {
  it("counts used household codes when codes are required, every answer otherwise", () => {
    expect(roundAnswered({ codesRequired: true, usedCodes: 12, answers: 40 })).toBe(12);
    expect(roundAnswered({ codesRequired: false, usedCodes: 12, answers: 40 })).toBe(40);
  });
});
