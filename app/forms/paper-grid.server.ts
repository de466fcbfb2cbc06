// The paper-ballot grid's reading: per row b<row>_<criterion key> cells (1-5, d/k, or "-" for no
// opinion) and b<row>_code, the household slip's code. Rows left wholly empty are skipped. Every
// cell is read, so every typo comes back at once (issue 23); a blank cell in a row that has
// anything in it is an error (the clerk writes "-" for no opinion), never a silent "no opinion".
// Server only.
import { parseCode } from "~/lib/ballot-code";
import { parseBallotCell } from "~/lib/round";
import type { PaperBallot } from "~/models/survey/answers.server";

export const BALLOT_ROWS = 20;

type Criterion = { id: number; key: string };

export type PaperRow = PaperBallot & { row: number };

export type PaperGrid = {
  communeId: number;
  /** the rows to store, with their grid row; a row whose cells have errors is still here when its code could be read */
  rows: PaperRow[];
  /** rows whose code is well formed (or absent): the ones whose code the database can check */
  checkable: PaperRow[];
  /** field name -> message key */
  fieldErrors: Record<string, string>;
  /** the whole form is wrong (a field that is not in the grid, a value sent twice) */
  formError?: "unknownField" | "invalid";
};

export function readPaperGrid(criteria: Criterion[], raw: Record<string, string | string[]>): PaperGrid {
  const allowed = new Set(["intent", "communeId"]);
  for (let row = 0; row < BALLOT_ROWS; row++) {
    allowed.add(`b${row}_code`);
    for (const c of criteria) allowed.add(`b${row}_${c.key}`);
  }
  const communeId = Number(raw.communeId);
  const grid: PaperGrid = { communeId, rows: [], checkable: [], fieldErrors: {} };
  if (Object.keys(raw).some((k) => !allowed.has(k))) return { ...grid, formError: "unknownField" };
  if (Object.values(raw).some((v) => typeof v !== "string")) return { ...grid, formError: "invalid" };
  if (raw.intent !== undefined && raw.intent !== "paper") return { ...grid, formError: "invalid" };
  if (!Number.isSafeInteger(communeId) || communeId <= 0) return { ...grid, formError: "invalid" };
  const text = (name: string) => ((raw[name] as string | undefined) ?? "").trim();

  for (let row = 0; row < BALLOT_ROWS; row++) {
    const codeText = text(`b${row}_code`);
    const cells = criteria.map((c) => ({ name: `b${row}_${c.key}`, text: text(`b${row}_${c.key}`), criterionId: c.id }));
    // An empty row is not a ballot.
    if (!codeText && cells.every((x) => !x.text)) continue;
    let code: string | null = null;
    let codeReadable = true;
    if (codeText) {
      const parsed = parseCode(codeText);
      if (parsed.ok) code = parsed.code;
      else {
        codeReadable = false;
        grid.fieldErrors[`b${row}_code`] = `ballot:codeErrors.${parsed.reason}`;
      }
    }
    const ratings = cells.map((x) => {
      if (!x.text) {
        grid.fieldErrors[x.name] = "errors.ballotBlank";
        return { criterionId: x.criterionId, score: null };
      }
      const score = parseBallotCell(x.text);
      if (score === "invalid") {
        grid.fieldErrors[x.name] = "errors.ballotCell";
        return { criterionId: x.criterionId, score: null };
      }
      return { criterionId: x.criterionId, score };
    });
    const ballot = { row, code, ratings };
    grid.rows.push(ballot);
    if (codeReadable) grid.checkable.push(ballot);
  }
  return grid;
}
