import { HeadroomError } from '../errors/headroom-error.js';
import { DEFAULT_CCR_TTL_SECONDS, namespacedKey, type CcrEntry, type CcrPutOptions, type CcrStore } from './store.js';

/** Options for {@link MemoryCcrStore}. */
export interface MemoryCcrStoreOptions {
  namespace?: string;
  ttlSeconds?: number;
  /** Upper bound on stored bytes (UTF-16 length × 2); least recently used entries go first. Default 64 MB. */
  maxBytes?: number;
  maxEntries?: number;
  /** Clock, for tests. */
  now?: () => number;
}

interface Slot {
  entry: CcrEntry;
  expiresAt: number;
  bytes: number;
}

/** In-process LRU store with TTL and a byte cap: the default, and right for one long-lived process. */
export class MemoryCcrStore implements CcrStore {
  private readonly slots = new Map<string, Slot>();
  private readonly namespace: string;
  private readonly ttlSeconds: number;
  private readonly maxBytes: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private bytes = 0;

  constructor(options: MemoryCcrStoreOptions = {}) {
    this.namespace = options.namespace ?? 'default';
    this.ttlSeconds = options.ttlSeconds ?? DEFAULT_CCR_TTL_SECONDS;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  async put(key: string, entry: CcrEntry, options: CcrPutOptions = {}): Promise<void> {
    const bytes = entry.original.length * 2;
    if (bytes > this.maxBytes) {
      throw new HeadroomError({ code: 'store_error', message: `Original of ${bytes} bytes exceeds the store's cap of ${this.maxBytes}` });
    }
    const id = namespacedKey(this.namespace, key);
    this.remove(id);
    const ttl = options.ttlSeconds ?? this.ttlSeconds;
    this.slots.set(id, { entry, bytes, expiresAt: this.now() + ttl * 1000 });
    this.bytes += bytes;
    // Map iteration order is insertion order, so the first key is the least recently used.
    for (const oldest of this.slots.keys()) {
      if (this.bytes <= this.maxBytes && this.slots.size <= this.maxEntries) break;
      this.remove(oldest);
    }
  }

  async get(key: string): Promise<CcrEntry | undefined> {
    const id = namespacedKey(this.namespace, key);
    const slot = this.slots.get(id);
    if (!slot) return undefined;
    if (slot.expiresAt <= this.now()) {
      this.remove(id);
      return undefined;
    }
    this.slots.delete(id);
    this.slots.set(id, slot);
    return slot.entry;
  }

  async has(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined;
  }

  async delete(key: string): Promise<void> {
    this.remove(namespacedKey(this.namespace, key));
  }

  /** Number of live entries (expired ones may still count until touched). */
  get size(): number {
    return this.slots.size;
  }

  private remove(id: string): void {
    const slot = this.slots.get(id);
    if (!slot) return;
    this.slots.delete(id);
    this.bytes -= slot.bytes;
  }
}
