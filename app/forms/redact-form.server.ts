// The form that blurs parts of a photo (a report's or an inspection's, components/photo-redact-form.tsx):
// up to REDACT_ROWS rectangles in percent of the photo, each field a short number or empty. The
// numbers are read and checked by lib/redaction (readRedactRects), which names the field at fault.
import { redactFieldName, REDACT_FIELDS, REDACT_ROWS } from "~/lib/redaction";
import { lazy } from "~/utils/lazy";
import { z } from "./validation.server";

export const RedactSchema = lazy(() =>
  z
    .object(
      Object.fromEntries(
        Array.from({ length: REDACT_ROWS }, (_, i) =>
          REDACT_FIELDS.map((f) => [redactFieldName(f, i + 1), z.string().max(20, { error: "redact.errors.number" }).optional()]),
        ).flat(),
      ),
    )
    .strict(),
);
