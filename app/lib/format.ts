// Number and date formatting in the reader's language. Vietnamese uses a comma as the decimal
// separator ("58,4%"); dates are shown in Vietnam time.
export function formatPercent(share: number, lng: string, digits = 0): string {
  return new Intl.NumberFormat(lng === "en" ? "en-GB" : "vi-VN", {
    style: "percent",
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(share);
}

export function formatDate(date: Date | string, lng: string): string {
  return new Intl.DateTimeFormat(lng === "en" ? "en-GB" : "vi-VN", {
    day: "numeric",
    month: "numeric",
    year: "numeric",
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(new Date(date));
}

export function formatNumber(n: number, lng: string): string {
  return new Intl.NumberFormat(lng === "en" ? "en-GB" : "vi-VN").format(n);
}

/** "2026-Q4" -> "Q4/2026" (vi: "Quý 4/2026" comes from the locale files). */
export function splitPeriod(period: string): { year: string; quarter: string } {
  const [year, q] = period.split("-Q");
  return { year, quarter: q };
}
