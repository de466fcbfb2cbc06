// Bodies larger than any form of ours are refused by server.js before the app reads them: 413,
// a message in the reader's language, and the connection kept usable (Node reads and discards
// the unread body once the answer is sent). See docs/decisions/016-read-path.md.
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from "~/lib/complaint-workflow";
import { languageCookie } from "./cookies.server";
import { getFixedT } from "./i18n.server";
import { DEFAULT_LANGUAGE, isLanguage } from "./i18n";

/** Every url-encoded form of the app is far smaller (the survey's own cap is 32 KB). */
export const FORM_MAX_BYTES = 64 * 1024;
/** Photos plus the text fields of a report. */
export const MULTIPART_MAX_BYTES = MAX_PHOTOS * MAX_PHOTO_BYTES + 64 * 1024;
/**
 * Above this a refused body is not read to the end: server.js closes the connection after the
 * answer, and readUrlEncodedForm stops draining it (request.server.ts).
 */
export const DRAIN_MAX_BYTES = 16 * 1024 * 1024;

/** The largest body accepted for a content type. */
export function bodyLimit(contentType: string | undefined): number {
  return (contentType ?? "").toLowerCase().startsWith("multipart/form-data") ? MULTIPART_MAX_BYTES : FORM_MAX_BYTES;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The 413 answer: for a Remix data request, the form error every form already shows ("tooLarge")
 * as JSON; for a plain form post, a small page in the reader's language.
 */
export async function tooLargeAnswer(cookieHeader: string | undefined, dataRequest: boolean) {
  if (dataRequest) return { type: "application/json", body: JSON.stringify({ formError: "tooLarge", values: {} }) };
  const chosen = await languageCookie.parse(cookieHeader ?? null);
  const lng = isLanguage(chosen) ? chosen : DEFAULT_LANGUAGE;
  const t = getFixedT(lng, "common");
  const title = escape(t("errors.tooLarge.title"));
  return {
    type: "text/html; charset=utf-8",
    body:
      `<!DOCTYPE html><html lang="${lng}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>${title}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5">` +
      `<h1>${title}</h1><p>${escape(t("errors.tooLarge.body"))}</p><p><a href="/">${escape(t("errors.home"))}</a></p></body></html>`,
  };
}
