// The one way to validate a submitted form: read the body (size-capped), run the route's zod
// schema, and on failure return 400 with message keys per field and the user's input to show again.
import { json } from "@remix-run/node";
import type { z } from "zod";
import { readUrlEncodedForm } from "~/utils/request.server";

export type FormErrors = {
  formError?: string;
  fieldErrors?: Record<string, string>;
  values: Record<string, string>;
};

/** The form as an object; a name sent twice becomes an array, which a string schema refuses. */
export function formToObject(form: URLSearchParams | FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    if (all.length > 0) out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

const MAX_KEPT_VALUE = 4000;

/** The submitted text values to show again (files and unknown fields are not echoed). */
export function keptValues(raw: Record<string, string | string[]>, allowed?: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if ((!allowed || allowed.has(k)) && typeof v === "string") out[k] = v.slice(0, MAX_KEPT_VALUE);
  }
  return out;
}

/** zod issues -> { field: messageKey }; unknown fields in a strict schema -> formError. */
export function errorsFromIssues(issues: readonly z.core.$ZodIssue[]): Pick<FormErrors, "formError" | "fieldErrors"> {
  const fieldErrors: Record<string, string> = {};
  let formError: string | undefined;
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") formError = "unknownField";
    else fieldErrors[String(issue.path[0] ?? "_form")] ??= issue.message;
  }
  return { formError, fieldErrors };
}

export type Validated<T> =
  { ok: true; data: T; values: Record<string, string> } | { ok: false; response: ReturnType<typeof json<FormErrors>> };

export function validateObject<S extends z.ZodType>(
  schema: S,
  raw: Record<string, string | string[]>,
  allowed?: ReadonlySet<string>,
): Validated<z.infer<S>> {
  const values = keptValues(raw, allowed);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return { ok: false, response: json<FormErrors>({ ...errorsFromIssues(parsed.error.issues), values }, { status: 400 }) };
}

/** Reads an url-encoded body (capped at maxBytes) and validates it. */
export async function validateForm<S extends z.ZodType>(
  request: Request,
  schema: S,
  { maxBytes = 64 * 1024, allowed }: { maxBytes?: number; allowed?: ReadonlySet<string> } = {},
): Promise<Validated<z.infer<S>>> {
  const body = await readUrlEncodedForm(request, maxBytes);
  if (!body.ok)
    return {
      ok: false,
      response: json<FormErrors>({ formError: body.error, values: {} }, { status: body.error === "tooLarge" ? 413 : 400 }),
    };
  return validateObject(schema, formToObject(body.form), allowed);
}

/** A form error as a 4xx response, keeping the input. */
export function formError(formError: string, values: Record<string, string>, init: number | ResponseInit = 400) {
  return json<FormErrors>({ formError, values }, typeof init === "number" ? { status: init } : init);
}

/** Errors next to fields, found after the schema passed (a rule of the model), as a 400 keeping the input. */
export function fieldErrors(errors: Record<string, string>, values: Record<string, string>) {
  return json<FormErrors>({ fieldErrors: errors, values }, { status: 400 });
}
