import { HeadroomError } from '../errors/headroom-error.js';
import {
  checkTtlSeconds,
  DEFAULT_CCR_TTL_SECONDS,
  namespacedKey,
  type CcrEntry,
  type CcrMissReason,
  type CcrPutOptions,
  type CcrStore,
} from './store.js';

/** Options for {@link MemoryCcrStore}. */
export interface MemoryCcrStoreOptions {
  namespace?: string;
  /** Time to live of entries, in seconds: positive and finite. Default 30 minutes. */
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

/** Keys remembered after they left the store, so a miss can say why. */
const MAX_GONE = 10_000;

/**
 * In-process LRU store with TTL and a byte cap: the default, and right for one long-lived process.
 * It never evicts keys a write marks as pinned (the current call's own originals): when only pinned
 * entries are left to evict, the write is refused and the call sends that original instead.
 */
export class MemoryCcrStore implements CcrStore {
  private readonly slots = new Map<string, Slot>();
  /** Recently expired or evicted keys, oldest first. */
  private readonly gone = new Map<string, 'expired' | 'evicted'>();
  private readonly namespace: string;
  private readonly ttlSeconds: number;
  private readonly maxBytes: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private bytes = 0;

  constructor(options: MemoryCcrStoreOptions = {}) {
    this.namespace = options.namespace ?? 'default';
    this.ttlSeconds = checkTtlSeconds(options.ttlSeconds ?? DEFAULT_CCR_TTL_SECONDS);
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  async put(key: string, entry: CcrEntry, options: CcrPutOptions = {}): Promise<void> {
    const ttl =
      options.ttlSeconds === undefined ? this.ttlSeconds : checkTtlSeconds(options.ttlSeconds);
    const bytes = entry.original.length * 2;
    if (bytes > this.maxBytes) {
      throw new HeadroomError({
        code: 'store_full',
        message: `Original of ${bytes} bytes exceeds the store's cap of ${this.maxBytes}`,
      });
    }
    const id = namespacedKey(this.namespace, key);
    this.remove(id);
    this.slots.set(id, { entry, bytes, expiresAt: this.now() + ttl * 1000 });
    this.gone.delete(id);
    this.bytes += bytes;
    const prefix = id.length - key.length;
    // Map iteration order is insertion order, so the first keys are the least recently used.
    for (const oldest of this.slots.keys()) {
      if (this.bytes <= this.maxBytes && this.slots.size <= this.maxEntries) return;
      if (oldest === id || options.pinned?.has(oldest.slice(prefix))) continue;
      this.remove(oldest, 'evicted');
    }
    if (this.bytes <= this.maxBytes && this.slots.size <= this.maxEntries) return;
    this.remove(id);
    throw new HeadroomError({
      code: 'store_full',
      message: `The store is full of this call's own originals (cap ${this.maxEntries} entries, ${this.maxBytes} bytes)`,
    });
  }

  async get(key: string): Promise<CcrEntry | undefined> {
    const id = namespacedKey(this.namespace, key);
    const slot = this.slots.get(id);
    if (!slot) return undefined;
    if (slot.expiresAt <= this.now()) {
      this.remove(id, 'expired');
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

  async explainMiss(key: string): Promise<CcrMissReason> {
    const id = namespacedKey(this.namespace, key);
    if (this.slots.has(id)) await this.get(key);
    return this.gone.get(id) ?? (this.slots.has(id) ? 'unknown' : 'never_stored');
  }

  /** Number of live entries (expired ones may still count until touched). */
  get size(): number {
    return this.slots.size;
  }

  private remove(id: string, why?: 'expired' | 'evicted'): void {
    const slot = this.slots.get(id);
    if (!slot) return;
    this.slots.delete(id);
    this.bytes -= slot.bytes;
    if (!why) return;
    // An entry pushed out after its time ran out expired; it was not evicted.
    this.gone.set(id, slot.expiresAt <= this.now() ? 'expired' : why);
    if (this.gone.size > MAX_GONE) this.gone.delete(this.gone.keys().next().value as string);
  }
}
