// Pure rules of works (công trình, issue 22): the warranty's end on the Vietnam calendar, the
// default warranty period from the building class (decision 038), and the council's figures
// (investment per household, disbursement share). No I/O; `now` is always a parameter.
import {
  WorkCategory as WorkCategoryEnum,
  WorkStatus as WorkStatusEnum,
  InspectionVerdict as VerdictEnum,
} from "~/generated/prisma/enums";
import type { InspectionVerdict, WorkCategory, WorkStatus } from "~/generated/prisma/enums";
import { vnIsoDay, vnStartOfDay } from "./vn-time";

export type { InspectionVerdict, WorkCategory, WorkStatus };
export const WORK_CATEGORIES: readonly WorkCategory[] = Object.values(WorkCategoryEnum);
export const WORK_STATUSES: readonly WorkStatus[] = Object.values(WorkStatusEnum);
export const INSPECTION_VERDICTS: readonly InspectionVerdict[] = Object.values(VerdictEnum);

/** Building classes of Nghị định 06/2021/NĐ-CP (art. 28): special, I, II, III, IV. */
export const WORK_GRADES = ["special", "I", "II", "III", "IV"] as const;
export type WorkGrade = (typeof WORK_GRADES)[number];

/**
 * Default warranty in months (decision 038): at least 24 months for special-grade and grade I
 * works, 12 months for the other grades, which is what most commune roads, water lines and
 * cultural houses are. A work without a known grade gets 12.
 */
export function defaultWarrantyMonths(grade: WorkGrade | null | undefined): number {
  return grade === "special" || grade === "I" ? 24 : 12;
}

/** Adds calendar months to "2025-01-31", keeping the day or the month's last day: "2025-02-28". */
export function addMonthsToDay(isoDay: string, months: number): string {
  const [y, m, d] = isoDay.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/**
 * The warranty runs from the handover (nghiệm thu) day in Vietnam for `months` months and covers
 * the last day in full: handed over 15/03/2025 for 24 months, "under warranty until 15/03/2027",
 * which ends at midnight starting 16/03/2027 in Vietnam. Null when not handed over.
 */
export function warrantyEnd(handedOverOn: Date | string | null, months: number): { lastDay: string; endsAt: Date } | null {
  if (!handedOverOn || months <= 0) return null;
  const lastDay = addMonthsToDay(vnIsoDay(handedOverOn), months);
  return { lastDay, endsAt: vnStartOfDay(addDays(lastDay, 1)) };
}

function addDays(isoDay: string, days: number): string {
  const t = Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export type WarrantyState = { state: "none" } | { state: "running" | "expired"; lastDay: string };

export function warrantyState(work: { handedOverOn: Date | string | null; warrantyMonths: number }, now: Date): WarrantyState {
  const end = warrantyEnd(work.handedOverOn, work.warrantyMonths);
  if (!end) return { state: "none" };
  return { state: now.getTime() < end.endsAt.getTime() ? "running" : "expired", lastDay: end.lastDay };
}

export function isUnderWarranty(work: { handedOverOn: Date | string | null; warrantyMonths: number }, now: Date): boolean {
  return warrantyState(work, now).state === "running";
}

/** Share of the investment disbursed, 0..1; null when nothing was invested. */
export function disbursementShare(total: number, disbursed: number): number | null {
  return total > 0 ? disbursed / total : null;
}

/** Investment per household in whole VND; null without a household count. */
export function perHousehold(amount: number, households: number | null | undefined): number | null {
  return households && households > 0 ? Math.round(amount / households) : null;
}

/** "38,5 tỷ" in a cell becomes a figure only through import; amounts are whole, non-negative VND. */
export function isValidAmount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/** The representative point of a GeoJSON Point or LineString (its middle vertex), or null. */
export function geometryPoint(geometry: unknown): { lat: number; lng: number } | null {
  if (!geometry || typeof geometry !== "object") return null;
  const g = geometry as { type?: unknown; coordinates?: unknown };
  const valid = (c: unknown): c is [number, number] =>
    Array.isArray(c) &&
    c.length >= 2 &&
    typeof c[0] === "number" &&
    typeof c[1] === "number" &&
    Math.abs(c[1]) <= 90 &&
    Math.abs(c[0]) <= 180;
  if (g.type === "Point" && valid(g.coordinates)) return { lng: g.coordinates[0], lat: g.coordinates[1] };
  if (g.type === "LineString" && Array.isArray(g.coordinates) && g.coordinates.length >= 2 && g.coordinates.every(valid)) {
    const mid = g.coordinates[Math.floor(g.coordinates.length / 2)] as [number, number];
    return { lng: mid[0], lat: mid[1] };
  }
  return null;
}
