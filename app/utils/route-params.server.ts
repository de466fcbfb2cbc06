// The record a route's `:id` names, the one rule for all of them: an id that is not a positive
// integer, or that names nothing, is a 404 (never a 500, never a query with NaN).

/** A positive integer from a route parameter, or null. */
export function idParam(param: string | undefined): number | null {
  const id = Number(param);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** The record `find` returns for the parameter's id; a 404 response when there is none. */
export async function requireRecord<T>(param: string | undefined, find: (id: number) => Promise<T | null>): Promise<T> {
  const id = idParam(param);
  const record = id === null ? null : await find(id);
  if (!record) throw new Response(null, { status: 404 });
  return record;
}
