// zod building blocks shared by forms, server only. Messages are translation keys, resolved by the page.
import { z } from "zod";
import { EMAIL_MAX, isEmail, normalisePhone, PHONE_MAX } from "~/lib/contact";

/** Trimmed, NFC-normalised text, required, within min..max characters. */
export function requiredText({
  min = 1,
  max,
  required,
  tooShort,
  tooLong,
}: {
  min?: number;
  max: number;
  required: string;
  tooShort?: string;
  tooLong: string;
}) {
  return z
    .string({ error: required })
    .transform((s) => s.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, { error: required })
        .min(min, { error: tooShort ?? required })
        .max(max, { error: tooLong }),
    );
}

/** Trimmed, NFC-normalised optional text; empty becomes null. */
export function optionalText(max: number, tooLong: string) {
  return z
    .string({ error: "errors.invalid" })
    .transform((s) => s.normalize("NFC").trim())
    .pipe(z.string().max(max, { error: tooLong }))
    .optional()
    .transform((s) => (s ? s : null));
}

/** Optional number in a range, from a form string; empty becomes null. */
export function optionalNumber(min: number, max: number, message = "errors.invalid") {
  return z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return null;
      const n = Number(s);
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return n;
    });
}

/** A new password: at least `min` characters (at most 200), one message for both bounds. */
export function newPassword(min: number, error: string) {
  return z.string({ error }).min(min, { error }).max(200, { error });
}

/** Ticked checkboxes with numeric values (none, one or many) as numbers. */
export function idList() {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map(Number));
}

/**
 * The resident's optional e-mail and phone for news about a report (report form, "me too"): spread
 * into a form's schema. Empty becomes null; the messages are keys of the `notify` namespace,
 * shown next to the fields by NotifyFields.
 */
export function notifyContactFields() {
  return {
    email: optionalText(EMAIL_MAX, "notify:form.emailInvalid").refine((e) => e === null || isEmail(e), {
      error: "notify:form.emailInvalid",
    }),
    phone: optionalText(PHONE_MAX, "notify:form.phoneInvalid").refine((p) => p === null || normalisePhone(p) !== null, {
      error: "notify:form.phoneInvalid",
    }),
  };
}

// Routes import zod from here (never from "zod" directly) so that it stays out of the browser.
export { z } from "zod";
