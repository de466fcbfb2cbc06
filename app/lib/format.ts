// Number and date formatting in the reader's language, done by hand rather than with Intl:
// Node's and the phone browser's ICU data differ (spaces in "84 %", "01/01" vs "1/1"), and the
// server-rendered text must match what React renders in the browser. Vietnamese uses a decimal
// comma and a dot for thousands; dates are shown in Vietnam time (UTC+7).
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

function groupThousands(intPart: string, sep: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

export function formatNumber(n: number, lng: string, digits = 0): string {
  const [int, frac] = Math.abs(n).toFixed(digits).split(".");
  const vi = lng !== "en";
  const body = groupThousands(int, vi ? "." : ",") + (frac ? (vi ? "," : ".") + frac : "");
  return (n < 0 ? "-" : "") + body;
}

export function formatPercent(share: number, lng: string, digits = 0): string {
  return `${formatNumber(share * 100, lng, digits)}%`;
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
