// Reads a household register file from the statistics office (decision 036): CSV (UTF-8, comma or
// semicolon) or XLSX, first sheet, one row per village with the columns commune (slug or name),
// village and households, under Vietnamese or English headings. Values only: no formulas.
import { parse } from "csv-parse/sync";
import type { RegisterRow } from "~/models/register.server";

export type RegisterFileResult =
  | { ok: true; rows: RegisterRow[] }
  | { ok: false; error: "format" | "columns" | "households" | "village" | "tooMany"; line?: number };

const MAX_ROWS = 20_000;
const HEADINGS: Record<"commune" | "village" | "households", string[]> = {
  commune: ["commune", "xa", "xã", "ma_xa", "mã xã"],
  village: ["village", "thon", "thôn", "thon/xom", "thôn/xóm"],
  households: ["households", "so_ho", "số hộ", "so ho", "ho"],
};

function columnsOf(header: string[]) {
  const norm = header.map((h) => h.normalize("NFC").trim().toLowerCase());
  const find = (k: keyof typeof HEADINGS) => norm.findIndex((h) => HEADINGS[k].includes(h));
  const cols = { commune: find("commune"), village: find("village"), households: find("households") };
  return Object.values(cols).every((i) => i >= 0) ? cols : null;
}

function toRows(table: string[][]): RegisterFileResult {
  const cols = table.length > 0 ? columnsOf(table[0]) : null;
  if (!cols) return { ok: false, error: "columns" };
  if (table.length - 1 > MAX_ROWS) return { ok: false, error: "tooMany" };
  const rows: RegisterRow[] = [];
  for (let i = 1; i < table.length; i++) {
    const r = table[i];
    const line = i + 1;
    if (r.every((c) => String(c ?? "").trim() === "")) continue;
    const village = String(r[cols.village] ?? "").trim();
    if (!village || village.length > 100) return { ok: false, error: "village", line };
    const households = Number(String(r[cols.households] ?? "").trim());
    if (!Number.isInteger(households) || households < 1 || households > 100_000) return { ok: false, error: "households", line };
    rows.push({ commune: String(r[cols.commune] ?? "").trim(), village, households, line });
  }
  return { ok: true, rows };
}

export async function parseRegisterFile(file: File): Promise<RegisterFileResult> {
  const bytes = Buffer.from(await file.arrayBuffer());
  const isXlsx = bytes.subarray(0, 2).toString("latin1") === "PK";
  if (isXlsx) {
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      return { ok: false, error: "format" };
    }
    const sheet = book.worksheets[0];
    if (!sheet) return { ok: false, error: "format" };
    const table: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values = (row.values as unknown[]).slice(1);
      table.push(values.map((v) => (v === null || v === undefined || typeof v === "object" ? "" : String(v))));
    });
    return toRows(table);
  }
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  try {
    const delimiter = (text.split("\n")[0].match(/;/g)?.length ?? 0) > (text.split("\n")[0].match(/,/g)?.length ?? 0) ? ";" : ",";
    return toRows(parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][]);
  } catch {
    return { ok: false, error: "format" };
  }
}
