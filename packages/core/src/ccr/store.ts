import { InvalidOptionError } from '../errors/invalid-option-error.js';
import type { CcrMeta } from '../types.js';

/** One stored original. */
export interface CcrEntry {
  original: string;
  meta: CcrMeta;
  /** Epoch milliseconds when it was stored. */
  createdAt: number;
}

/** Options for one write. */
export interface CcrPutOptions {
  /** Overrides the store's default time to live. */
  ttlSeconds?: number;
  /**
   * Keys the current call has stored or is storing. A store that evicts to make room must not evict
   * these: it refuses the write (`HeadroomError` code `store_full`) so the call sends that original instead.
   */
  pinned?: ReadonlySet<string>;
  /** Aborted on timeout or by the caller; a store that honours it stops waiting on its backend. */
  signal?: AbortSignal;
}

/** Options for one read. */
export interface CcrGetOptions {
  signal?: AbortSignal;
}

/** Why a key has no entry, as far as the store can tell. */
export type CcrMissReason = 'expired' | 'evicted' | 'never_stored' | 'unknown';

/**
 * Where originals live so compression stays reversible. Keys given to a store are bare CCR keys;
 * each implementation namespaces them (`headroom:{namespace}:{key}`) so tenants can't read each other's.
 */
export interface CcrStore {
  /** Stores an entry, or rejects (the pipeline then sends the original uncompressed). */
  put(key: string, entry: CcrEntry, options?: CcrPutOptions): Promise<void>;
  /** The entry, or `undefined` when it is missing or expired. */
  get(key: string, options?: CcrGetOptions): Promise<CcrEntry | undefined>;
  has(key: string): Promise<boolean>;
  delete?(key: string): Promise<void>;
  /** After a miss: whether the key expired, was evicted or was never stored, when the store knows. */
  explainMiss?(key: string): Promise<CcrMissReason>;
}

/** Default time to live of stored originals: 30 minutes. */
export const DEFAULT_CCR_TTL_SECONDS = 30 * 60;

/** Builds the namespaced key every store uses on its backend. */
export function namespacedKey(namespace: string, key: string): string {
  return `headroom:${namespace}:${key}`;
}

/** A time to live must be a positive, finite number of seconds: 0 would make every marker dead on arrival. */
export function checkTtlSeconds(value: unknown, option = 'ttlSeconds'): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidOptionError({
      option,
      value,
      expected: 'a positive, finite number of seconds',
    });
  }
  return value;
}
