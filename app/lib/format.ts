// Number and date formatting in the reader's language, done by hand rather than with Intl:
// Node's and the phone browser's ICU data differ (spaces in "84 %", "01/01" vs "1/1"), and the
// server-rendered text must match what React renders in the browser. Vietnamese uses a decimal
// comma and a dot for thousands; dates are shown in Vietnam time (app/lib/vn-time.ts).
import { vnDateParts } from "./vn-time";

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
  const { year, month, day } = vnDateParts(date);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}
