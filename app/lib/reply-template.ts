// Reply templates: an administrator's text with placeholders filled per report.

export const TEMPLATE_PLACEHOLDERS = ["code", "commune", "category", "date", "deadline"] as const;
export type TemplateValues = Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string>;

/** Replaces {code}, {commune}, {category}, {date} and {deadline}; any other braces stay as written. */
export function renderTemplate(body: string, values: TemplateValues): string {
  return body.replace(/\{(\w+)\}/g, (whole, name: string) =>
    (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name) ? values[name as keyof TemplateValues] : whole,
  );
}
