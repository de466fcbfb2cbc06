import { describe, expect, it } from "vitest";
import { canReopen, canStaffMove, isOverdue, requiresPublicReply, STATUSES } from "./complaint-workflow";
import { median } from "./score";

const d = (iso: string) => new Date(iso);

describe("staff transitions", () => {
  it("allows the documented path", () => {
    expect(canStaffMove("new", "acknowledged")).toBe(true);
    expect(canStaffMove("acknowledged", "in_progress")).toBe(true);
    expect(canStaffMove("in_progress", "resolved")).toBe(true);
    expect(canStaffMove("reopened", "in_progress")).toBe(true);
  });
  it("lets a new report be resolved at once (a public reply is still required)", () => {
    expect(canStaffMove("new", "resolved")).toBe(true);
    expect(requiresPublicReply("resolved")).toBe(true);
  });
  it("forbids jumping from new to in progress and leaving a closed state", () => {
    expect(canStaffMove("new", "in_progress")).toBe(false);
    expect(canStaffMove("resolved", "in_progress")).toBe(false);
    expect(canStaffMove("rejected", "acknowledged")).toBe(false);
    expect(canStaffMove("in_progress", "reopened")).toBe(false);
  });
  it("never allows staying in place or reopening by staff", () => {
    for (const s of STATUSES) {
      expect(canStaffMove(s, s)).toBe(false);
      expect(canStaffMove(s, "reopened")).toBe(false);
    }
  });
  it("requires a public reply to resolve or reject", () => {
    expect(requiresPublicReply("resolved")).toBe(true);
    expect(requiresPublicReply("rejected")).toBe(true);
    expect(requiresPublicReply("acknowledged")).toBe(false);
  });
});

describe("isOverdue", () => {
  const due = d("2026-11-03T00:00:00Z");
  it("is overdue only while open and past the deadline that applies now", () => {
    expect(isOverdue({ status: "new", dueAt: due }, d("2026-11-02T23:59:59Z"))).toBe(false);
    expect(isOverdue({ status: "new", dueAt: due }, d("2026-11-03T00:00:01Z"))).toBe(true);
    expect(isOverdue({ status: "in_progress", dueAt: due }, d("2026-11-16T00:00:01Z"))).toBe(true);
    expect(isOverdue({ status: "resolved", dueAt: due }, d("2027-01-01T00:00:00Z"))).toBe(false);
    expect(isOverdue({ status: "merged", dueAt: due }, d("2027-01-01T00:00:00Z"))).toBe(false);
    expect(isOverdue({ status: "acknowledged", dueAt: null }, d("2027-01-01T00:00:00Z"))).toBe(false);
  });
});

describe("canReopen", () => {
  it("within 14 days of resolution only", () => {
    const resolvedAt = d("2026-11-01T00:00:00Z");
    expect(canReopen({ status: "resolved", resolvedAt }, d("2026-11-15T00:00:00Z"))).toBe(true);
    expect(canReopen({ status: "resolved", resolvedAt }, d("2026-11-15T00:00:01Z"))).toBe(false);
    expect(canReopen({ status: "rejected", resolvedAt }, d("2026-11-02T00:00:00Z"))).toBe(false);
  });
});

describe("median", () => {
  it("of odd and even counts, and of nothing", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
