// Number and date formatting in the reader's language. Numbers go through Intl.NumberFormat
// ("14,9" and "1.234" in Vietnamese, "14.9" and "1,234" in English) with fixed fraction digits,
// which Node's full ICU and the browsers render identically, so server and client text match.
// Dates are shown in Vietnam time (UTC+7).
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

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
  const d = new Date(new Date(date).getTime() + VIETNAM_OFFSET_MS);
  const dd = String(d.getUTCDate()).padStart(2, "0");
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

/** "2026-Q4" -> { year: "2026", quarter: "4" } for the translated "Quý 4/2026" / "Q4 2026". */
export function splitPeriod(period: string): { year: string; quarter: string } {
  const [year, q] = period.split("-Q");
  return { year, quarter: q };
}
