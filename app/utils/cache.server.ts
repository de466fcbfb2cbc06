// In-memory copies of data that is read on every request but changes rarely (reference data) or
// is costly to assemble (the council dashboard). Each copy is tagged with the database versions
// of what it was made from (readCacheVersions: one prepared statement) and made again as soon as any
// process changes that data. Never stale after a write, in any process; see docs/decisions/016.
import { readCacheVersions, type CacheScope } from "./db.server";

type Slot = { key: string; value: Promise<unknown> };
const slots = new Map<string, Slot>();

/**
 * The value computed by `compute`, reused while the versions of `scopes` (and `extraKey`) stay
 * the same. Concurrent misses share one computation; a failed computation is not kept.
 */
export async function cached<T>(
  name: string,
  scopes: readonly CacheScope[],
  compute: () => Promise<T>,
  extraKey = "",
): Promise<T> {
  const versions = readCacheVersions();
  const key = `${scopes.map((s) => versions[s]).join(".")}|${extraKey}`;
  const slot = slots.get(name);
  if (slot && slot.key === key) return slot.value as Promise<T>;
  const value = compute();
  const entry = { key, value };
  slots.set(name, entry);
  value.catch(() => {
    if (slots.get(name) === entry) slots.delete(name);
  });
  return value;
}
