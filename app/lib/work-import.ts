// The works list as officials keep it in a spreadsheet (issue 22): the template's columns, and the
// rule for one row (cells as text → a work, or row/column errors). Pure; the model resolves the
// communes and writes. Dates are Vietnam calendar days typed as dd/mm/yyyy (or yyyy-mm-dd);
// amounts are whole VND, with or without dot grouping ("38.500.000.000").
import { fold } from "./text";
import { vnStartOfDay } from "./vn-time";
import { defaultWarrantyMonths, geometryPoint, type WorkCategory, type WorkGrade, type WorkStatus } from "./works";

export const WORK_COLUMNS = [
  "commune",
  "code",
  "name",
  "category",
  "village",
  "programme",
  "grade",
  "totalInvestment",
  "fundCity",
  "fundCommune",
  "fundResidents",
  "fundBusinesses",
  "landDonatedM2",
  "contractor",
  "supervisor",
  "approvedOn",
  "startedOn",
  "completedOn",
  "handedOverOn",
  "warrantyMonths",
  "disbursed",
  "disbursedOn",
  "progress",
  "status",
  "location",
] as const;
export type WorkColumn = (typeof WORK_COLUMNS)[number];

/** The template's header row (Vietnamese, as the department's lists are written). */
export const WORK_HEADERS: Record<WorkColumn, string> = {
  commune: "Mã xã",
  code: "Mã công trình",
  name: "Tên công trình",
  category: "Tiêu chí",
  village: "Thôn",
  programme: "Chương trình",
  grade: "Cấp công trình",
  totalInvestment: "Tổng mức đầu tư (đ)",
  fundCity: "Ngân sách thành phố (đ)",
  fundCommune: "Ngân sách xã (đ)",
  fundResidents: "Nhân dân đóng góp (đ)",
  fundBusinesses: "Doanh nghiệp đóng góp (đ)",
  landDonatedM2: "Đất hiến (m²)",
  contractor: "Nhà thầu",
  supervisor: "Đơn vị giám sát",
  approvedOn: "Ngày phê duyệt",
  startedOn: "Ngày khởi công",
  completedOn: "Ngày hoàn thành",
  handedOverOn: "Ngày nghiệm thu, bàn giao",
  warrantyMonths: "Bảo hành (tháng)",
  disbursed: "Đã giải ngân (đ)",
  disbursedOn: "Ngày giải ngân",
  progress: "Tiến độ (%)",
  status: "Trạng thái",
  location: "Vị trí (vĩ độ, kinh độ hoặc GeoJSON)",
};

const CATEGORY_WORDS: Record<string, WorkCategory> = {
  "giao thong": "roads",
  roads: "roads",
  "moi truong": "environment",
  environment: "environment",
  "nuoc sinh hoat": "water",
  "nuoc sach": "water",
  water: "water",
  "an ninh": "security",
  "an ninh trat tu": "security",
  security: "security",
  khac: "other",
  other: "other",
};

const STATUS_WORDS: Record<string, WorkStatus> = {
  "chuan bi dau tu": "planned",
  "chuan bi": "planned",
  planned: "planned",
  "dang thi cong": "in_progress",
  in_progress: "in_progress",
  "hoan thanh": "completed",
  completed: "completed",
  "da ban giao": "handed_over",
  "da nghiem thu": "handed_over",
  handed_over: "handed_over",
  "tam dung": "suspended",
  suspended: "suspended",
};

const GRADE_WORDS: Record<string, WorkGrade> = {
  "dac biet": "special",
  special: "special",
  i: "I",
  ii: "II",
  iii: "III",
  iv: "IV",
};

export type CellError = { row: number; column: WorkColumn; error: string; value?: string };

export type ParsedWork = {
  commune: string;
  code: string;
  name: string;
  category: WorkCategory;
  village: string | null;
  programme: string;
  totalInvestment: number;
  fundCity: number;
  fundCommune: number;
  fundResidents: number;
  fundBusinesses: number;
  landDonatedM2: number;
  contractor: string | null;
  supervisor: string | null;
  approvedOn: Date | null;
  startedOn: Date | null;
  completedOn: Date | null;
  handedOverOn: Date | null;
  warrantyMonths: number;
  disbursed: number;
  disbursedOn: Date | null;
  progress: number;
  status: WorkStatus;
  geometry: string | null;
  latitude: number | null;
  longitude: number | null;
};

/** Whole, non-negative VND: "38.500.000.000", "38500000000", "38 500 000 000 đ". */
export function parseAmount(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const t = text.replace(/\s|đ|vnd/gi, "");
  if (/^-/.test(t)) return { ok: false, error: "negative" };
  let digits: string | null = null;
  if (/^\d+$/.test(t)) digits = t;
  else if (/^\d{1,3}(\.\d{3})+$/.test(t)) digits = t.replace(/\./g, "");
  else if (/^\d{1,3}(,\d{3})+$/.test(t)) digits = t.replace(/,/g, "");
  if (digits === null) return { ok: false, error: "notAmount" };
  const value = Number(digits);
  return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false, error: "notAmount" };
}

/** A Vietnam calendar day: "15/03/2025" or "2025-03-15"; 31/02/2026 is refused. */
export function parseDay(text: string): { ok: true; value: Date } | { ok: false; error: string } {
  const t = text.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  let day: number, month: number, year: number;
  if (m) [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return { ok: false, error: "notDate" };
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day ||
    year < 1990 ||
    year > 2100
  )
    return { ok: false, error: "noSuchDate" };
  return { ok: true, value: vnStartOfDay(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`) };
}

function parseLocation(text: string) {
  const pair = /^\s*(-?\d+(?:\.\d+)?)\s*[,;]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (pair) {
    const [lat, lng] = [Number(pair[1]), Number(pair[2])];
    if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
    return { geometry: JSON.stringify({ type: "Point", coordinates: [lng, lat] }), latitude: lat, longitude: lng };
  }
  try {
    const g = JSON.parse(text) as unknown;
    const point = geometryPoint(g);
    if (!point) return null;
    const { type, coordinates } = g as { type: string; coordinates: unknown };
    return { geometry: JSON.stringify({ type, coordinates }), latitude: point.lat, longitude: point.lng };
  } catch {
    return null;
  }
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const MAX_TEXT = 300;

/** One data row (cells by column, already text) → a work, or every error of the row. */
export function parseWorkRow(
  cells: Partial<Record<WorkColumn, string>>,
  row: number,
): { ok: true; work: ParsedWork } | { ok: false; errors: CellError[] } {
  const errors: CellError[] = [];
  const fail = (column: WorkColumn, error: string) => errors.push({ row, column, error, value: cells[column]?.slice(0, 60) });
  const text = (column: WorkColumn, required: boolean, max = MAX_TEXT): string | null => {
    const v = (cells[column] ?? "").trim();
    if (!v) {
      if (required) fail(column, "required");
      return null;
    }
    if (v.length > max) {
      fail(column, "tooLong");
      return null;
    }
    return v;
  };
  const amount = (column: WorkColumn, required = false): number => {
    const v = text(column, required, 40);
    if (v === null) return 0;
    const parsed = parseAmount(v);
    if (!parsed.ok) fail(column, parsed.error);
    return parsed.ok ? parsed.value : 0;
  };
  const day = (column: WorkColumn): Date | null => {
    const v = text(column, false, 20);
    if (v === null) return null;
    const parsed = parseDay(v);
    if (!parsed.ok) fail(column, parsed.error);
    return parsed.ok ? parsed.value : null;
  };
  const word = <T>(column: WorkColumn, words: Record<string, T>, required: boolean): T | null => {
    const v = text(column, required, 60);
    if (v === null) return null;
    const found = words[fold(v)];
    if (found === undefined) fail(column, "unknownValue");
    return found ?? null;
  };

  const commune = text("commune", true, 100);
  const code = text("code", true, 40);
  if (code !== null && !CODE.test(code)) fail("code", "badCode");
  const name = text("name", true);
  const category = word("category", CATEGORY_WORDS, true);
  const village = text("village", false, 100);
  const programme = text("programme", true, 100);
  const grade = word("grade", GRADE_WORDS, false);
  const totalInvestment = amount("totalInvestment", true);
  const funds = {
    fundCity: amount("fundCity"),
    fundCommune: amount("fundCommune"),
    fundResidents: amount("fundResidents"),
    fundBusinesses: amount("fundBusinesses"),
  };
  const landDonatedM2 = amount("landDonatedM2");
  const contractor = text("contractor", false, 200);
  const supervisor = text("supervisor", false, 200);
  const approvedOn = day("approvedOn");
  const startedOn = day("startedOn");
  const completedOn = day("completedOn");
  const handedOverOn = day("handedOverOn");
  const months = text("warrantyMonths", false, 4);
  let warrantyMonths = defaultWarrantyMonths(grade);
  if (months !== null) {
    if (!/^\d{1,3}$/.test(months) || Number(months) > 120) fail("warrantyMonths", "badMonths");
    else warrantyMonths = Number(months);
  }
  const disbursed = amount("disbursed");
  const disbursedOn = day("disbursedOn");
  const progressText = text("progress", false, 6);
  let progress = 0;
  if (progressText !== null) {
    const p = progressText.replace("%", "").trim();
    if (!/^\d{1,3}$/.test(p) || Number(p) > 100) fail("progress", "badProgress");
    else progress = Number(p);
  }
  const status = word("status", STATUS_WORDS, true);
  const locationText = text("location", false, 20_000);
  const location = locationText === null ? null : parseLocation(locationText);
  if (locationText !== null && location === null) fail("location", "badLocation");

  // Rules across cells, only once each cell is valid.
  if (errors.length === 0) {
    const sources = funds.fundCity + funds.fundCommune + funds.fundResidents + funds.fundBusinesses;
    if (sources > totalInvestment) fail("fundCity", "sourcesOverTotal");
    if (disbursed > totalInvestment) fail("disbursed", "disbursedOverTotal");
    if (startedOn && handedOverOn && handedOverOn < startedOn) fail("handedOverOn", "beforeStart");
    if (approvedOn && startedOn && startedOn < approvedOn) fail("startedOn", "beforeApproval");
    if (status === "handed_over" && !handedOverOn) fail("handedOverOn", "requiredForHandover");
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    work: {
      commune: commune!,
      code: code!,
      name: name!,
      category: category!,
      village,
      programme: programme!,
      totalInvestment,
      ...funds,
      landDonatedM2,
      contractor,
      supervisor,
      approvedOn,
      startedOn,
      completedOn,
      handedOverOn,
      warrantyMonths,
      disbursed,
      disbursedOn,
      progress,
      status: status!,
      geometry: location?.geometry ?? null,
      latitude: location?.latitude ?? null,
      longitude: location?.longitude ?? null,
    },
  };
}

/** The header row → column of each cell index; unknown headers are ignored, missing ones reported. */
export function mapHeaders(
  header: string[],
): { ok: true; columns: (WorkColumn | null)[] } | { ok: false; missing: WorkColumn[] } {
  const byHeader = new Map(WORK_COLUMNS.map((c) => [fold(WORK_HEADERS[c]), c] as const));
  for (const c of WORK_COLUMNS) byHeader.set(fold(c), c);
  const columns = header.map((h) => byHeader.get(fold(h)) ?? null);
  const required: WorkColumn[] = ["commune", "code", "name", "category", "programme", "totalInvestment", "status"];
  const missing = required.filter((c) => !columns.includes(c));
  return missing.length ? { ok: false, missing } : { ok: true, columns };
}

export const IMPORT_MAX_ROWS = 5000;
