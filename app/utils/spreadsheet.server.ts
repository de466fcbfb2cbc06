// Reading an uploaded spreadsheet (.xlsx through exceljs, .csv through csv-parse) into rows of
// text cells, and writing a template. Infrastructure only: what the cells mean is the caller's.
// A formula is never evaluated or kept: the reader reports where it is (the import refuses it).
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";

/** Largest spreadsheet accepted: a works list of thousands of rows is far below. */
export const MAX_SPREADSHEET_BYTES = 5 * 1024 * 1024;
export const MAX_SPREADSHEET_ROWS = 5001;

export type SheetRead =
  | { ok: true; rows: string[][]; formulas: { row: number; col: number }[] }
  | { ok: false; error: "notSpreadsheet" | "empty" | "tooManyRows" };

const pad = (n: number) => String(n).padStart(2, "0");

function cellText(value: unknown): { text: string; formula: boolean } {
  if (value === null || value === undefined) return { text: "", formula: false };
  if (value instanceof Date) {
    // exceljs gives a typed date as UTC midnight of that calendar day.
    return { text: `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`, formula: false };
  }
  if (typeof value === "object") {
    const v = value as {
      formula?: unknown;
      sharedFormula?: unknown;
      richText?: { text: string }[];
      text?: unknown;
      error?: unknown;
    };
    if (v.formula !== undefined || v.sharedFormula !== undefined) return { text: "", formula: true };
    if (Array.isArray(v.richText)) return { text: v.richText.map((r) => r.text).join(""), formula: false };
    if (typeof v.text === "string") return { text: v.text, formula: false };
    return { text: "", formula: false };
  }
  return { text: String(value), formula: false };
}

async function readXlsx(bytes: Uint8Array): Promise<SheetRead> {
  // exceljs (28 MiB) is loaded by the first import, not with the server.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, error: "notSpreadsheet" };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) return { ok: false, error: "empty" };
  if (sheet.rowCount > MAX_SPREADSHEET_ROWS) return { ok: false, error: "tooManyRows" };
  const rows: string[][] = [];
  const formulas: { row: number; col: number }[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 0); c++) {
      const { text, formula } = cellText(row.getCell(c).value);
      if (formula) formulas.push({ row: r, col: c - 1 });
      cells.push(text);
    }
    rows.push(cells);
  }
  return { ok: true, rows, formulas };
}

async function readCsv(bytes: Uint8Array): Promise<SheetRead> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: "notSpreadsheet" };
  }
  if (text.includes("\u0000")) return { ok: false, error: "notSpreadsheet" };
  const { parse } = await import("csv-parse/sync");
  let rows: string[][];
  try {
    const first = text.split("\n", 1)[0];
    const delimiter = first.split(";").length > first.split(",").length ? ";" : ",";
    rows = parse(text.replace(/^\uFEFF/, ""), { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch {
    return { ok: false, error: "notSpreadsheet" };
  }
  if (rows.length === 0) return { ok: false, error: "empty" };
  if (rows.length > MAX_SPREADSHEET_ROWS) return { ok: false, error: "tooManyRows" };
  const formulas: { row: number; col: number }[] = [];
  rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      // What a spreadsheet program would run when the file is opened again (CSV injection).
      if (/^\s*[=@]/.test(cell)) {
        formulas.push({ row: r + 1, col: c });
        cells[c] = "";
      }
    }),
  );
  return { ok: true, rows, formulas };
}

/** Rows of text of the first sheet of an .xlsx, or of a .csv (comma or semicolon, UTF-8). */
export async function readSpreadsheet(fileName: string, bytes: Uint8Array): Promise<SheetRead> {
  const name = fileName.toLowerCase();
  const zip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (name.endsWith(".xlsx")) return zip ? readXlsx(bytes) : { ok: false, error: "notSpreadsheet" };
  if (name.endsWith(".csv") && !zip) return readCsv(bytes);
  return { ok: false, error: "notSpreadsheet" };
}

export type SpreadsheetUpload =
  | { ok: true; fields: Record<string, string>; file: { name: string; bytes: Uint8Array } | null }
  | { ok: false; error: "tooLarge" | "notForm" };

class TooLarge extends Error {}

/**
 * A multipart form with one spreadsheet file (`fileField`) and short text fields. A body over the
 * limit is refused from its declared length, or as soon as the file passes the limit.
 */
export async function readSpreadsheetUpload(
  request: Request,
  fileField: string,
  /** a text field as large as a file (the previewed rows sent back on confirmation) */
  bigField = "",
): Promise<SpreadsheetUpload> {
  const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
  if (!type.startsWith("multipart/form-data") || !request.body) return { ok: false, error: "notForm" };
  if (Number(request.headers.get("Content-Length") ?? "0") > MAX_SPREADSHEET_BYTES + 64 * 1024) {
    await request.body.cancel().catch(() => undefined);
    return { ok: false, error: "tooLarge" };
  }
  let file: { name: string; bytes: Uint8Array } | null = null;
  const fields: Record<string, string> = {};
  let total = 0;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const limit = name === fileField || name === bigField ? MAX_SPREADSHEET_BYTES : 64 * 1024;
    for await (const chunk of data) {
      size += chunk.byteLength;
      total += chunk.byteLength;
      if (size > limit || total > MAX_SPREADSHEET_BYTES + 64 * 1024) throw new TooLarge();
      chunks.push(chunk);
    }
    const bytes = new Uint8Array(Buffer.concat(chunks));
    if (name === fileField && filename !== undefined) {
      if (bytes.length > 0) file = { name: filename, bytes };
    } else fields[name] = new TextDecoder().decode(bytes);
    return undefined;
  };
  try {
    await unstable_parseMultipartFormData(request, handler);
  } catch (e) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, error: e instanceof TooLarge ? "tooLarge" : "notForm" };
  }
  return { ok: true, fields, file };
}

/** An .xlsx with a bold header row and one example row: the template officials fill in. */
export async function writeTemplate(
  sheetName: string,
  header: string[],
  example: (string | number)[],
): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  sheet.addRow(example);
  sheet.columns.forEach((col) => {
    col.width = 20;
    col.numFmt = "@";
  });
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
