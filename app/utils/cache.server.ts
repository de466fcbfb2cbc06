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

type Keyed = { key: string; values: Map<string, Promise<unknown>> };
const keyedSlots = new Map<string, Keyed>();

/**
 * `cached` for values looked up by a key (a session id): each key's value is reused while the
 * versions of `scopes` stay the same; when one moves, every key is computed again. At most
 * `limit` keys are kept per version; past that, values are computed and not kept.
 */
export async function cachedByKey<T>(
  name: string,
  scopes: readonly CacheScope[],
  key: string,
  compute: () => Promise<T>,
  limit = 10_000,
): Promise<T> {
  const versions = readCacheVersions();
  const version = scopes.map((s) => versions[s]).join(".");
  let slot = keyedSlots.get(name);
  if (!slot || slot.key !== version) keyedSlots.set(name, (slot = { key: version, values: new Map() }));
  const hit = slot.values.get(key);
  if (hit) return hit as Promise<T>;
  const value = compute();
  if (slot.values.size >= limit) return value;
  const values = slot.values;
  values.set(key, value);
  value.catch(() => {
    if (values.get(key) === value) values.delete(key);
  });
  return value;
}
