// Number and date formatting in the reader's language. Numbers go through Intl.NumberFormat
// ("14,9" and "1.234" in Vietnamese, "14.9" and "1,234" in English) with fixed fraction digits,
// which Node's full ICU and the browsers render identically, so server and client text match.
// Dates are shown in Vietnam time (app/lib/vn-time.ts).
import { vnDateParts, vnHourLabel } from "./vn-time";

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(lng: string, digits: number, percent: boolean): Intl.NumberFormat {
  const key = `${lng}|${digits}|${percent}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lng === "en" ? "en-GB" : "vi-VN", {
      style: percent ? "percent" : "decimal",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, f);
  }
  return f;
}

export function formatNumber(n: number, lng: string, digits = 0): string {
  return numberFormat(lng, digits, false).format(n);
}

export function formatPercent(share: number, lng: string, digits = 0): string {
  return numberFormat(lng, digits, true).format(share);
}

/** A count of days to one decimal, dropping a trailing ",0": "14,9", "3". */
export function formatDays(days: number, lng: string): string {
  const rounded = Math.round(days * 10) / 10;
  return formatNumber(rounded, lng, Number.isInteger(rounded) ? 0 : 1);
}

/** dd/mm/yyyy in Vietnam time, for both languages (the format used on official documents). */
export function formatDate(date: Date | string, _lng: string): string {
  const { year, month, day } = vnDateParts(date);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

/** dd/mm/yyyy hh:mm in Vietnam time (24-hour clock), for both languages: the staff pages' one way to show an instant. */
export function formatDateTime(date: Date | string, lng: string): string {
  const clock = vnHourLabel(date).slice(11, 13) + ":" + String(new Date(date).getUTCMinutes()).padStart(2, "0");
  return `${formatDate(date, lng)} ${clock}`;
}

/** Whole VND with grouping: "38.500.000.000 đ" (vi), "38,500,000,000 VND" (en). */
export function formatVnd(amount: number, lng: string): string {
  return lng === "en" ? `${formatNumber(amount, lng)} VND` : `${formatNumber(amount, lng)} đ`;
}

/**
 * VND in the unit officials speak in: "38,5 tỷ" (billion), "450 triệu" (million), one decimal
 * dropped when zero; English "38.5 bn", "450 m". Under a million: the full amount.
 */
export function formatVndShort(amount: number, lng: string): string {
  const units: [number, string, string][] = [
    [1e9, "tỷ", "bn"],
    [1e6, "triệu", "m"],
  ];
  for (const [size, vi, en] of units) {
    if (Math.abs(amount) >= size) {
      const rounded = Math.round((amount / size) * 10) / 10;
      const digits = Number.isInteger(rounded) ? 0 : 1;
      return `${formatNumber(rounded, lng, digits)} ${lng === "en" ? en : vi}`;
    }
  }
  return formatVnd(amount, lng);
}
