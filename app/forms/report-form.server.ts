// The report form's schemas (issue 7, 12, 21, 22): the report itself, and "check for similar
// reports" (the form's second button), which needs only the category and the place.
import { CATEGORIES, COMPLAINT_TEXT_MAX as TEXT_MAX, COMPLAINT_TEXT_MIN as TEXT_MIN } from "~/lib/complaint-workflow";
import { lazy } from "~/utils/lazy";
import { notifyContactFields, optionalNumber, optionalText, requiredText, z } from "~/forms/validation.server";
import { consentField } from "~/forms/consent.server";

const PHONE_OR_EMAIL = /^(\+?[0-9][0-9 .()-]{7,19}|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

/** What a report says, whoever enters it: the resident's form and an official's intake (issue 24). */
export function reportFields() {
  return {
    category: z.enum(CATEGORIES, { error: "errors.categoryRequired" }),
    text: requiredText({
      min: TEXT_MIN,
      max: TEXT_MAX,
      required: "errors.textRequired",
      tooShort: "errors.textTooShort",
      tooLong: "errors.textTooLong",
    }),
    village: optionalText(100, "errors.villageTooLong"),
  };
}

export const ReportSchema = lazy(() =>
  z
    .object({
      ...reportFields(),
      contact: optionalText(100, "errors.contactInvalid").refine((c) => c === null || PHONE_OR_EMAIL.test(c), {
        error: "errors.contactInvalid",
      }),
      ...notifyContactFields(),
      ...consentField(),
      latitude: optionalNumber(-90, 90),
      longitude: optionalNumber(-180, 180),
      submissionId: z.uuid({ error: "errors.invalid" }).optional(),
      work: optionalText(40, "works:pick.unknown"),
    })
    .strict()
    .refine((d) => (d.latitude === null) === (d.longitude === null), { error: "errors.invalid", path: ["latitude"] }),
);

// The form's fields; "work" is the work the report is about (issue 22, checked by the works model).
export const ALLOWED = new Set(
  "category text village contact email phone consent latitude longitude submissionId work".split(" "),
);

// "Check for similar reports" (the form's second button, posting to ?check): only the category and
// the place are needed; the rest of the form comes back as typed. Nothing is stored.
export const CheckSchema = lazy(() =>
  z
    .object({
      category: z.enum(CATEGORIES, { error: "errors.categoryRequired" }),
      village: optionalText(100, "errors.villageTooLong"),
      latitude: optionalNumber(-90, 90),
      longitude: optionalNumber(-180, 180),
    })
    .refine((d) => d.village !== null || (d.latitude !== null && d.longitude !== null), {
      error: "triage:errors.placeRequired",
      path: ["village"],
    }),
);
