// The pages a link in a message opens (confirm a contact, confirm or stop area news, stop a
// report's news): the token's shape, checked before any database lookup, and the headers that keep
// the page out of shared caches and the token out of Referer headers.
export const LINK_PAGE_HEADERS = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };

const LINK_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** The link's token, or null when the text cannot be one. */
export function linkToken(params: { token?: string }): string | null {
  const token = params.token ?? "";
  return LINK_TOKEN.test(token) ? token : null;
}
