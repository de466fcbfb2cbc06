/**
 * A value built on first use. Route modules define their form schemas with it, so that zod,
 * imported only through `validation.server.ts`, never reaches the browser bundle: residents on
 * weak connections do not download a validation library they never run (docs/decisions/008).
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
