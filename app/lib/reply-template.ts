// Reply templates: an administrator's text with placeholders filled per report. A template that
// names the unit a report went to ({unit}) says "forwarded": it applies only to a report that is
// forwarded now, and never in bulk acknowledge, so no reply claims a forwarding that did not happen.

export const TEMPLATE_PLACEHOLDERS = ["code", "commune", "category", "date", "deadline", "unit"] as const;
export type TemplateValues = Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string>;

/** Replaces {code}, {commune}, {category}, {date}, {deadline} and {unit}; any other braces stay as written. */
export function renderTemplate(body: string, values: TemplateValues): string {
  return body.replace(/\{(\w+)\}/g, (whole, name: string) =>
    (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name) ? values[name as keyof TemplateValues] : whole,
  );
}

/** The template names the unit the report was forwarded to: it may be used only on a forwarded report. */
export function needsForwarding(body: string): boolean {
  return body.includes("{unit}");
}
