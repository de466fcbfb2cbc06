import { describe, expect, it } from "vitest";
import { ROLES } from "./roles";
import { ACTIONS, can, communesFor, POLICY } from "./policy";

const official = { role: "official" as const, communes: [{ id: 1 }] };
const front = { role: "front" as const, communes: [{ id: 1 }] };
const council = { role: "council" as const, communes: [] };
const admin = { role: "admin" as const, communes: [] };
const unit = { role: "unit" as const, communes: [] };

describe("can", () => {
  it("reaches only the account's communes for an 'own' action, every commune for an 'all' one", () => {
    expect(can(official, "complaint.reply", 1)).toBe(true);
    expect(can(official, "complaint.reply", 2)).toBe(false);
    expect(can(official, "complaint.reply")).toBe(true);
    expect(can(council, "commune.read", 2)).toBe(true);
    expect(can(council, "complaint.reply", 1)).toBe(false);
    expect(can(front, "round.run", 1)).toBe(true);
    expect(can(front, "round.run", 2)).toBe(false);
    expect(can(admin, "round.run", 2)).toBe(true);
    expect(can(official, "round.run", 1)).toBe(false);
    expect(can(unit, "commune.read", 1)).toBe(false);
  });

  it("lists the communes of an action: null for all, the account's own, none", () => {
    expect(communesFor(admin, "commune.read")).toBeNull();
    expect(communesFor(official, "commune.read")).toEqual([1]);
    expect(communesFor(unit, "commune.read")).toEqual([]);
  });

  it("names only real roles, and every action is open to someone", () => {
    for (const action of ACTIONS) {
      const roles = Object.keys(POLICY[action]);
      expect(roles.length, action).toBeGreaterThan(0);
      for (const r of roles) expect(ROLES, `${action}: ${r}`).toContain(r);
    }
  });
});
