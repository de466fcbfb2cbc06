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
import { recordChange } from "./audit.server";

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

type Actor = { actorId: number | null };

/** Every change of the calendar, office hours or a category's deadlines is audited (decision 036). */
const calendarChange = (actorId: number | null, subject: string, before: object | null, after: object | null) =>
  recordChange(prisma, {
    actorId,
    action: "settings_changed",
    subject,
    before: before as Record<string, unknown> | null,
    after: after as Record<string, unknown> | null,
  });

export async function saveCalendarDay({
  date,
  kind,
  note,
  actorId,
}: { date: DateKey; kind: CalendarDayKind; note: string } & Actor) {
  const before = await prisma.calendarDay.findUnique({ where: { date }, select: { kind: true, note: true } });
  await prisma.$transaction([
    prisma.calendarDay.upsert({ where: { date }, create: { date, kind, note }, update: { kind, note } }),
    calendarChange(actorId, `calendar ${date}`, before, { kind, note }),
  ]);
}

export async function deleteCalendarDay({ date, actorId }: { date: DateKey } & Actor) {
  const before = await prisma.calendarDay.findUnique({ where: { date }, select: { kind: true, note: true } });
  if (!before) return;
  await prisma.$transaction([
    prisma.calendarDay.deleteMany({ where: { date } }),
    calendarChange(actorId, `calendar ${date}`, before, null),
  ]);
}

export async function saveOfficeHours(hours: OfficeHours, { actorId }: Actor) {
  const value = formatOfficeHours(hours);
  const before = await prisma.setting.findUnique({ where: { key: OFFICE_HOURS_KEY }, select: { value: true } });
  await prisma.$transaction([
    prisma.setting.upsert({ where: { key: OFFICE_HOURS_KEY }, create: { key: OFFICE_HOURS_KEY, value }, update: { value } }),
    calendarChange(actorId, "officeHours", before, { value }),
  ]);
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

export async function saveCategoryPolicy(policy: CategoryPolicy, { actorId }: Actor) {
  const { category, ...data } = policy;
  const { category: _c, ...before } = await getCategoryPolicy(category);
  await prisma.$transaction([
    prisma.categoryPolicy.upsert({ where: { category }, create: policy, update: data }),
    calendarChange(actorId, `deadlines ${category}`, before, data),
  ]);
}
