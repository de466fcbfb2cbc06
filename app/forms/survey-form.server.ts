// The survey form's schema, built from the criteria in the database (one rating field per
// criterion: r_<key>), shared by the open survey and the household-code survey. Server only.
import { optionalText, z } from "~/forms/validation.server";
import { parseCode } from "~/lib/ballot-code";
import { COMMENT_MAX, VILLAGE_MAX } from "~/lib/survey-form";
import type { AnswerInput } from "~/models/survey/answers.server";

/** Far above a full form (5 ratings, 1,000 characters of Vietnamese percent-encoded). */
export const SURVEY_BODY_MAX_BYTES = 32 * 1024;
const RATING_VALUES = ["1", "2", "3", "4", "5", "na"] as const;

type Criterion = { id: number; key: string };

/**
 * The schema for these criteria. Built once per set of criteria and reused: zod compiles a schema
 * on its first parse, and the survey action runs on every answer of a survey evening.
 */
export function surveySchema(criteria: Criterion[]) {
  const key = criteria.map((c) => c.key).join(",");
  if (lastSchema?.key !== key) lastSchema = { key, schema: buildSurveySchema(criteria) };
  return lastSchema.schema;
}
let lastSchema: { key: string; schema: ReturnType<typeof buildSurveySchema> } | undefined;

function buildSurveySchema(criteria: Criterion[]) {
  const ratings = Object.fromEntries(
    criteria.map((c) => [`r_${c.key}`, z.enum(RATING_VALUES, { error: "errors.ratingRequired" })]),
  );
  return z
    .object({
      ...ratings,
      comment: optionalText(COMMENT_MAX, "errors.commentTooLong"),
      village: optionalText(VILLAGE_MAX, "errors.villageTooLong"),
      submissionId: z.uuid({ error: "errors.invalid" }),
      /** signed moment the form was shown (utils/form-timer.server); a bad one is ignored, not refused */
      started: z.string().max(80).optional().catch(undefined),
    })
    .strict();
}

/** The parsed form's ratings, in criterion order: "na" is no opinion. */
export function ratingsFrom(data: Record<string, unknown>, criteria: Criterion[]): AnswerInput["ratings"] {
  return criteria.map((c) => {
    const v = data[`r_${c.key}`];
    return { criterionId: c.id, score: v === "na" ? null : Number(v) };
  });
}

/** A ballot code field: normalised code, or the message key of what is wrong (ballot namespace). */
export const BallotCodeField = () =>
  z.string({ error: "codeErrors.empty" }).transform((raw, ctx) => {
    const parsed = parseCode(raw);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: `codeErrors.${parsed.reason}` });
      return z.NEVER;
    }
    return parsed.code;
  });
