// The one way to write a CSV export: UTF-8 with a byte order mark (Excel shows Vietnamese
// correctly), and every text cell that a spreadsheet would read as a formula (starting with
// = + - @, a tab or a carriage return, or their full-width forms) prefixed with ' by
// csv-stringify's escape_formulas. Residents' comments and villages reach exports as typed.
// Numbers stay numbers: pass numeric cells as numbers, not as text.
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null | undefined;

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return "\uFEFF" + stringify(rows as CsvCell[][], { escape_formulas: true });
}
