// The paper-ballot grid's schema, built from the criteria: per row b<row>_<criterion key> cells
// (1-5, d/k, - or empty) and b<row>_code, the household slip's code. Rows left empty are skipped.
// Server only (zod stays out of the browser).
import { parseCode } from "~/lib/ballot-code";
import { parseBallotCell } from "~/lib/round";
import type { PaperBallot } from "~/models/survey/answers.server";
import { z } from "~/forms/validation.server";

export const BALLOT_ROWS = 20;

type Criterion = { id: number; key: string };

const cell = () =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const parsed = parseBallotCell(raw ?? "");
      if (parsed === "invalid") {
        ctx.addIssue({ code: "custom", message: "errors.ballotCell" });
        return z.NEVER;
      }
      return { filled: (raw ?? "").trim() !== "", score: parsed };
    });

const codeCell = () =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (!raw || raw.trim() === "") return null;
      const parsed = parseCode(raw);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: `ballot:codeErrors.${parsed.reason}` });
        return z.NEVER;
      }
      return parsed.code;
    });

export function paperGridSchema(criteria: Criterion[]) {
  const fields: Record<string, ReturnType<typeof cell> | ReturnType<typeof codeCell>> = {};
  for (let row = 0; row < BALLOT_ROWS; row++) {
    fields[`b${row}_code`] = codeCell();
    for (const c of criteria) fields[`b${row}_${c.key}`] = cell();
  }
  return z
    .object({ intent: z.literal("paper").optional(), communeId: z.coerce.number().int().positive(), ...fields })
    .strict()
    .transform((d) => {
      const v = d as Record<string, unknown>;
      const rows: (PaperBallot & { row: number })[] = [];
      for (let row = 0; row < BALLOT_ROWS; row++) {
        const cells = criteria.map((c) => v[`b${row}_${c.key}`] as { filled: boolean; score: number | null });
        const code = (v[`b${row}_code`] as string | null | undefined) ?? null;
        // An empty row is not a ballot ("-" is: no opinion).
        if (!code && cells.every((x) => !x.filled)) continue;
        rows.push({ row, code, ratings: criteria.map((c, i) => ({ criterionId: c.id, score: cells[i].score })) });
      }
      return { communeId: d.communeId, rows };
    });
}
