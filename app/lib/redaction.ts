// Blurring parts of a report's photo (faces, number plates) before it is shown to the public
// (issue 21, decision 037). The form gives up to REDACT_ROWS rectangles in percent of the image
// (left, top, width, height), typed in number boxes or drawn with the mouse or a finger; these
// rules read them, say which field is wrong, and turn them into pixels of the stored photo.
// Pure: the same rules in the browser (drawing) and on the server (checking).

export const REDACT_ROWS = 3;
export const REDACT_FIELDS = ["left", "top", "width", "height"] as const;
export type RedactField = (typeof REDACT_FIELDS)[number];
/** A rectangle in percent of the image's width (left, width) and height (top, height). */
export type PercentRect = Record<RedactField, number>;
/** The same rectangle in pixels of one stored photo, at least 1 px each way and inside the image. */
export type PixelRect = PercentRect;

export const redactFieldName = (field: RedactField, row: number) => `${field}_${row}`;

export type RedactErrorKey = "redact.errors.number" | "redact.errors.empty" | "redact.errors.outside" | "redact.errors.none";

/** "12", "12.5" or "12,5" (a Vietnamese keyboard's decimal comma); anything else is not a number. */
function parsePercent(raw: string): number | null {
  const text = raw.trim().replace(",", ".");
  if (!/^\d{1,3}(\.\d{1,4})?$/.test(text)) return null;
  const n = Number(text);
  return n >= 0 && n <= 100 ? n : null;
}

/**
 * The rectangles of a submitted form. A row left wholly empty is skipped; at least one row is
 * needed. Errors are message keys per field name, as the forms show them next to the field.
 */
export function readRedactRects(
  values: Record<string, string | undefined>,
): { ok: true; rects: PercentRect[] } | { ok: false; fieldErrors: Record<string, RedactErrorKey> } {
  const fieldErrors: Record<string, RedactErrorKey> = {};
  const rects: PercentRect[] = [];
  for (let row = 1; row <= REDACT_ROWS; row++) {
    const raw = REDACT_FIELDS.map((f) => (values[redactFieldName(f, row)] ?? "").trim());
    if (raw.every((v) => v === "")) continue;
    const numbers = raw.map(parsePercent);
    let bad = false;
    REDACT_FIELDS.forEach((f, i) => {
      if (numbers[i] === null) {
        fieldErrors[redactFieldName(f, row)] = "redact.errors.number";
        bad = true;
      }
    });
    if (bad) continue;
    const [left, top, width, height] = numbers as number[];
    if (width <= 0) fieldErrors[redactFieldName("width", row)] = "redact.errors.empty";
    else if (left + width > 100.0001) fieldErrors[redactFieldName("width", row)] = "redact.errors.outside";
    if (height <= 0) fieldErrors[redactFieldName("height", row)] = "redact.errors.empty";
    else if (top + height > 100.0001) fieldErrors[redactFieldName("height", row)] = "redact.errors.outside";
    if (!fieldErrors[redactFieldName("width", row)] && !fieldErrors[redactFieldName("height", row)])
      rects.push({ left, top, width, height });
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  if (rects.length === 0) return { ok: false, fieldErrors: { [redactFieldName("left", 1)]: "redact.errors.none" } };
  return { ok: true, rects };
}

/** A rectangle in percent as pixels of an image of this size: rounded outward, kept inside. */
export function toPixels(rect: PercentRect, imageWidth: number, imageHeight: number): PixelRect {
  const x0 = Math.min(imageWidth - 1, Math.floor((rect.left / 100) * imageWidth));
  const y0 = Math.min(imageHeight - 1, Math.floor((rect.top / 100) * imageHeight));
  const x1 = Math.min(imageWidth, Math.max(x0 + 1, Math.ceil(((rect.left + rect.width) / 100) * imageWidth)));
  const y1 = Math.min(imageHeight, Math.max(y0 + 1, Math.ceil(((rect.top + rect.height) / 100) * imageHeight)));
  return { left: x0, top: y0, width: x1 - x0, height: y1 - y0 };
}

/** Percent rounded to 0.1 for the form boxes (what a drawn rectangle writes into them). */
export const roundPercent = (n: number) => Math.round(Math.min(100, Math.max(0, n)) * 10) / 10;
