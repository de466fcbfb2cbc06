// Reading untrusted request bodies and guarding against cross-site posts.
import { json } from "@remix-run/node";
import { DRAIN_MAX_BYTES } from "./body-limit.server";

export type FormReadResult = { ok: true; form: URLSearchParams } | { ok: false; error: "notForm" | "tooLarge" };

/**
 * Reads the rest of a refused body without keeping it, so that the answer (413) arrives and the
 * client's next request on the same keep-alive connection is read cleanly. server.js refuses large
 * declared bodies before we get here; this covers a form's smaller cap and chunked bodies.
 */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>) {
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    size += value.byteLength;
    if (size > DRAIN_MAX_BYTES) return reader.cancel();
  }
}

/**
 * Reads an application/x-www-form-urlencoded body, refusing anything else and stopping at
 * maxBytes without buffering the rest, so a huge body costs us maxBytes at most.
 */
export async function readUrlEncodedForm(request: Request, maxBytes: number): Promise<FormReadResult> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return { ok: false, error: "notForm" };
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (!request.body) return declared > maxBytes ? { ok: false, error: "tooLarge" } : { ok: true, form: new URLSearchParams() };
  const reader = request.body.getReader();
  if (declared > maxBytes) {
    await drain(reader);
    return { ok: false, error: "tooLarge" };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await drain(reader);
      return { ok: false, error: "tooLarge" };
    }
    chunks.push(value);
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
  return { ok: true, form: new URLSearchParams(text) };
}

/**
 * Refuses a state-changing request that a browser says came from another site: the Origin
 * header (sent by every current browser on POST) must match our own origin, and
 * Sec-Fetch-Site, when present, must not be "cross-site". Requests with neither header do not
 * come from a browser and so carry no victim's cookies. See docs/decisions/004-csrf.md.
 */
export function assertSameOrigin(request: Request): void {
  const forged = isCrossSite({
    own: new URL(request.url).origin,
    origin: request.headers.get("Origin"),
    fetchSite: request.headers.get("Sec-Fetch-Site"),
  });
  if (forged) throw json({ error: "crossSite" }, { status: 403 });
}

/**
 * The one cross-site test, for assertSameOrigin and for server.js (which refuses such a POST on
 * every route before any runs): an Origin other than ours ("null" included), or Sec-Fetch-Site
 * "cross-site". A missing header (null or undefined) says nothing.
 */
export function isCrossSite({ own, origin, fetchSite }: { own: string; origin?: string | null; fetchSite?: string | null }) {
  return (origin != null && origin !== own) || fetchSite === "cross-site";
}

/**
 * A same-site path to go back to after a redirecting action; anything else becomes `fallback`.
 * The one redirect check of the app: a path must start with one "/" and contain no backslash, no
 * control character (browsers drop tabs and newlines, so "/\t/evil" would become "//evil") and no
 * "//" that makes it another host.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length > 2000) return fallback;
  // eslint-disable-next-line no-control-regex
  if (!to.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(to) || to.startsWith("//")) return fallback;
  // What a browser would resolve it to must still be on our origin.
  const base = "http://same.invalid";
  let resolved: URL;
  try {
    resolved = new URL(to, base);
  } catch {
    return fallback;
  }
  if (resolved.origin !== base) return fallback;
  return resolved.pathname + resolved.search + resolved.hash;
}
