import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { isSatisfied, satisfiedSql, tally } from "./score";

describe("satisfied = 4 or 5, one rule in TypeScript and in SQL", () => {
  it("counts 4 and 5 as satisfied, 1 to 3 not", () => {
    expect([1, 2, 3, 4, 5].map(isSatisfied)).toEqual([false, false, false, true, true]);
  });

  it("gives the database the same count as tally()", () => {
    const db = new Database(":memory:");
    db.exec("CREATE TABLE Rating (score INTEGER)");
    const scores = [1, 2, 3, 4, 5, 5, null, 4, 3];
    const insert = db.prepare("INSERT INTO Rating (score) VALUES (?)");
    for (const s of scores) insert.run(s);
    const row = db.prepare(`SELECT SUM(${satisfiedSql("score")}) AS s FROM Rating`).get() as { s: number };
    db.close();
    expect(row.s).toBe(tally(scores).satisfied);
    expect(row.s).toBe(4);
  });
});
