// Typed object helpers: Object.keys and Object.fromEntries cannot say that an
// object's keys are exactly a known set, so these two say it once, here.

/** A record with one entry per key, each made by `make`. */
export function keyed<K extends string, V>(keys: readonly K[], make: (key: K) => V): Record<K, V> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- every key of K is filled in by the loop below before it is returned
  const result = {} as Record<K, V>;
  for (const key of keys) result[key] = make(key);
  return result;
}

/** The keys of an object literal, typed as its keys (safe for objects built from literals, not for values from outside). */
export function keysOf<T extends object>(object: T): (keyof T & string)[] {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- for an object whose type is its literal, Object.keys returns exactly its keys
  return Object.keys(object) as (keyof T & string)[];
}
