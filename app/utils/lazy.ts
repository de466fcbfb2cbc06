/**
 * A value built on first use. Route modules define their form schemas with it, so that zod,
 * imported only through `validation.server.ts`, never reaches the browser bundle: residents on
 * weak connections do not download a validation library they never run (docs/decisions/008).
 * Write each module-level call as `/* @__PURE__ *\/ lazy(...)`: the bundler may then drop the call
 * from the browser build, and with it the `.server` import it names. Without the mark the call
 * stays, and so does an empty chunk for each `.server` module, one more request per page on a
 * weak link (scripts/budget.ts fails a resident page that loads one; decision 040).
 */
export function lazy<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
