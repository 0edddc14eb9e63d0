/** Limits of a {@link BoundedLru}. */
export interface BoundedLruOptions<V> {
  /** Most entries kept. */
  maxEntries: number;
  /** Most total size kept, as measured by `sizeOf`. Default: unbounded. */
  maxSize?: number;
  /** Size of one value (characters, bytes…). Default 1 per entry. */
  sizeOf?: (value: V) => number;
}

/** A map that forgets its least recently used entries past a count or a total size. */
export interface BoundedLru<K, V> {
  /** The value, marked as most recently used. */
  get(key: K): V | undefined;
  /** Stores a value; a value larger than `maxSize` on its own is not kept. */
  set(key: K, value: V): void;
  has(key: K): boolean;
  delete(key: K): void;
  readonly size: number;
}

/** Creates a {@link BoundedLru}. Map iteration is insertion order, so the first key is always the least recently used. */
export function createBoundedLru<K, V>({
  maxEntries,
  maxSize = Number.POSITIVE_INFINITY,
  sizeOf = () => 1,
}: BoundedLruOptions<V>): BoundedLru<K, V> {
  const entries = new Map<K, { value: V; size: number }>();
  let total = 0;
  const remove = (key: K): void => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    total -= entry.size;
  };
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value) {
      remove(key);
      const size = sizeOf(value);
      if (size > maxSize) return;
      entries.set(key, { value, size });
      total += size;
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries && total <= maxSize) break;
        remove(oldest);
      }
    },
    has: (key) => entries.has(key),
    delete: remove,
    get size() {
      return entries.size;
    },
  };
}
