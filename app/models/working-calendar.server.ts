// The working calendar as configured: office hours (a setting), Vietnamese public holidays from
// the date-holidays library (lunar Tết and Giỗ Tổ Hùng Vương included), and the administrator's
// extra days off and make-up working days (CalendarDay rows).
import type { CalendarDayKind } from "~/generated/prisma/enums";
import { CATEGORIES, type Category } from "~/lib/complaint-workflow";
import { defaultPolicy, type CategoryPolicy } from "~/lib/deadline-policy";
import {
  createWorkingCalendar,
  DEFAULT_OFFICE_HOURS,
  formatOfficeHours,
  parseOfficeHours,
  type DateKey,
  type OfficeHours,
  type WorkingCalendar,
} from "~/lib/vn-time";
import { vietnamPublicHolidays } from "~/lib/vn-holidays.server";
import { prisma } from "~/utils/db.server";

const OFFICE_HOURS_KEY = "calendar.officeHours";

async function getOfficeHours(): Promise<OfficeHours> {
  const row = await prisma.setting.findUnique({ where: { key: OFFICE_HOURS_KEY }, select: { value: true } });
  return (row && parseOfficeHours(row.value)) || DEFAULT_OFFICE_HOURS;
}

/** The calendar for deadlines from last year to five years ahead. */
export async function getWorkingCalendar(now = new Date()): Promise<WorkingCalendar> {
  const [officeHours, days] = await Promise.all([
    getOfficeHours(),
    prisma.calendarDay.findMany({ select: { date: true, kind: true } }),
  ]);
  const year = now.getUTCFullYear();
  const publicHolidays: DateKey[] = [];
  for (let y = year - 1; y <= year + 5; y++) publicHolidays.push(...vietnamPublicHolidays(y));
  return createWorkingCalendar({
    officeHours,
    publicHolidays,
    extraDaysOff: days.filter((d) => d.kind === "day_off").map((d) => d.date),
    makeUpDays: days.filter((d) => d.kind === "make_up").map((d) => d.date),
  });
}

export function listCalendarDays() {
  return prisma.calendarDay.findMany({ select: { date: true, kind: true, note: true }, orderBy: { date: "asc" } });
}

export async function saveCalendarDay({ date, kind, note }: { date: DateKey; kind: CalendarDayKind; note: string }) {
  await prisma.calendarDay.upsert({ where: { date }, create: { date, kind, note }, update: { kind, note } });
}

export async function deleteCalendarDay({ date }: { date: DateKey }) {
  await prisma.calendarDay.deleteMany({ where: { date } });
}

export async function saveOfficeHours(hours: OfficeHours) {
  const value = formatOfficeHours(hours);
  await prisma.setting.upsert({ where: { key: OFFICE_HOURS_KEY }, create: { key: OFFICE_HOURS_KEY, value }, update: { value } });
}

/** Every category's policy: the stored row, or the defaults. */
export async function listCategoryPolicies(): Promise<CategoryPolicy[]> {
  const rows = await prisma.categoryPolicy.findMany();
  return CATEGORIES.map((category) => {
    const row = rows.find((r) => r.category === category);
    return row ? { ...row, category } : defaultPolicy(category);
  });
}

export async function getCategoryPolicy(category: Category): Promise<CategoryPolicy> {
  const row = await prisma.categoryPolicy.findUnique({ where: { category } });
  return row ? { ...row, category } : defaultPolicy(category);
}

export async function saveCategoryPolicy(policy: CategoryPolicy) {
  const { category, ...data } = policy;
  await prisma.categoryPolicy.upsert({ where: { category }, create: policy, update: data });
}
