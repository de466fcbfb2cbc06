// zod building blocks shared by forms, server only. Messages are translation keys, resolved by the page.
import { z } from "zod";

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

// Routes import zod from here (never from "zod" directly) so that it stays out of the browser.
export { z } from "zod";
