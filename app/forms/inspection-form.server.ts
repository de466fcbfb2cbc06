// The supervision board's inspection form (issue 22 point 5): the day (a real Vietnam calendar day,
// not after today), who inspected, what they found and the verdict. Photos are read by the upload
// pipeline, not by this schema.
import { INSPECTION_VERDICTS } from "~/lib/works";
import { vnIsoDay } from "~/lib/vn-time";
import { requiredText, z } from "~/forms/validation.server";

export const INSPECTORS_MAX = 300;
export const FINDINGS_MIN = 10;
export const FINDINGS_MAX = 2000;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "2026-12-01" when it is a day of the calendar ("2026-02-30" is not), else null. */
function realDay(s: string): string | null {
  if (!ISO_DAY.test(s)) return null;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s ? s : null;
}

export function InspectionSchema(now: Date) {
  const today = vnIsoDay(now);
  return z
    .object({
      inspectedOn: z
        .string({ error: "inspect.errors.date" })
        .transform((s) => s.trim())
        .refine((s) => realDay(s) !== null && s <= today && s >= "2000-01-01", { error: "inspect.errors.date" }),
      inspectors: requiredText({ max: INSPECTORS_MAX, required: "inspect.errors.who", tooLong: "inspect.errors.who" }),
      findings: requiredText({
        min: FINDINGS_MIN,
        max: FINDINGS_MAX,
        required: "inspect.errors.findings",
        tooLong: "inspect.errors.findings",
      }),
      verdict: z.enum(INSPECTION_VERDICTS as [string, ...string[]], { error: "inspect.errors.verdict" }),
    })
    .strict();
}

export const INSPECTION_FIELDS = new Set(["inspectedOn", "inspectors", "findings", "verdict"]);
