// Vietnamese public holidays from the date-holidays library (lunar Tết and Giỗ Tổ Hùng Vương
// included). Server-only: the library carries every country's rules and must stay out of the
// browser bundle.
import Holidays from "date-holidays";
import type { DateKey } from "./vn-time";

const holidayYears = new Map<number, DateKey[]>();

/** Public holidays of one year (type "public" only; observances such as 8/3 are working days). */
export function vietnamPublicHolidays(year: number): DateKey[] {
  let days = holidayYears.get(year);
  if (!days) {
    const hd = new Holidays("VN");
    days = [];
    for (const h of hd.getHolidays(year)) {
      if (h.type !== "public") continue;
      // A multi-day holiday (Tết: 5 days) has one entry with its start and end.
      const first = h.date.slice(0, 10);
      const count = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
      for (let i = 0; i < count; i++)
        days.push(new Date(Date.parse(`${first}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));
    }
    holidayYears.set(year, days);
  }
  return days;
}
