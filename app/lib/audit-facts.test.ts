import { describe, expect, it } from "vitest";
import { auditFacts } from "./audit-facts";

describe("auditFacts", () => {
  it("turns a new round's figures into phrases, its days shown as dd/mm/yyyy", () => {
    expect(
      auditFacts("round_created", {
        name: "Quý 1",
        purpose: "routine",
        startsOn: "2026-12-08",
        endsOn: "2026-12-15",
        codesRequired: true,
        communes: 2,
        households: 300,
      }),
    ).toEqual([
      { key: "name", values: { name: "Quý 1" } },
      { key: "purpose_routine" },
      { key: "dates", values: { from: "08/12/2026", to: "15/12/2026" } },
      { key: "codesRequired" },
      { key: "communes", values: { count: 2 } },
      { key: "households", values: { count: 300 } },
    ]);
  });

  it("keeps a re-check's seed and margin out of the sentence (they are for the auditors' fold)", () => {
    const facts = auditFacts("recheck_drawn", { seed: "9941fa".padEnd(64, "0"), population: 44, margin: 0.1, size: 31 });
    expect(facts).toEqual([{ key: "sample", values: { size: 31, population: 44 } }]);
    expect(JSON.stringify(facts)).not.toContain("9941fa");
  });

  it("says how many paper ballots, with and without a code, and ignores figures of the wrong type", () => {
    expect(auditFacts("paper_entered", { count: 10, verified: 10, open: 0 })).toEqual([
      { key: "ballots", values: { count: 10 } },
      { key: "ballotsSplit", values: { verified: 10, open: 0 } },
    ]);
    expect(auditFacts("codes_generated", { village: "  ", count: "12", startsOn: "tomorrow", endsOn: "2026-12-15" })).toEqual([]);
  });
});
