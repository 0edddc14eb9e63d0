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
}

/**
 * Where originals live so compression stays reversible. Keys given to a store are bare CCR keys;
 * each implementation namespaces them (`headroom:{namespace}:{key}`) so tenants can't read each other's.
 */
export interface CcrStore {
  put(key: string, entry: CcrEntry, options?: CcrPutOptions): Promise<void>;
  /** The entry, or `undefined` when it is missing or expired. */
  get(key: string): Promise<CcrEntry | undefined>;
  has(key: string): Promise<boolean>;
  delete?(key: string): Promise<void>;
}

/** Default time to live of stored originals: 30 minutes. */
export const DEFAULT_CCR_TTL_SECONDS = 30 * 60;

/** Builds the namespaced key every store uses on its backend. */
export function namespacedKey(namespace: string, key: string): string {
  return `headroom:${namespace}:${key}`;
}
