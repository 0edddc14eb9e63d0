import type { StoredOriginal } from '../cache/decision-cache.js';
import { callStore } from '../ccr/store-call.js';
import { scopedKey } from '../ccr/scope.js';
import type { CcrStore } from '../ccr/store.js';
import { HeadroomError } from '../errors/headroom-error.js';
import type { FallbackReason, Stats } from '../stats/stats.js';
import { limitConcurrency } from '../util/limit-concurrency.js';

/** Default deadline of one `put`: a store slower than this costs the segment its compression, not the request its latency. */
export const DEFAULT_STORE_TIMEOUT_MS = 500;
/** Default number of `put`s in flight at once for one call. */
export const DEFAULT_STORE_CONCURRENCY = 8;

/** Why a segment's originals could not all be stored. */
export type WriteFailure = Extract<FallbackReason, 'store_error' | 'store_timeout' | 'store_full'>;

/** Writes one call's originals. */
export interface OriginalWriter {
  /** Starts storing one segment's originals; resolves (never rejects) to why one failed, or undefined when all are stored. */
  write(originals: readonly StoredOriginal[]): Promise<WriteFailure | undefined>;
}

/**
 * Stores the originals of one call: in parallel up to `concurrency`, each `put` under a deadline and
 * the caller's signal, every key pinned for the call so a store that evicts can't drop an original
 * this call already points a marker at (it refuses the write instead, and that segment goes out whole).
 */
export function createOriginalWriter(options: {
  store: CcrStore;
  stats: Stats;
  ttlSeconds?: number;
  timeoutMs?: number;
  concurrency?: number;
  signal?: AbortSignal;
  /** Retrieval scope the originals are stored under; markers keep the bare key. */
  scope?: string;
}): OriginalWriter {
  const { store, stats, ttlSeconds, signal, scope } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
  const limit = limitConcurrency(options.concurrency ?? DEFAULT_STORE_CONCURRENCY);
  const pinned = new Set<string>();

  const put = ({ key: bare, original, meta }: StoredOriginal) => {
    const key = scopedKey(bare, scope);
    pinned.add(key);
    return limit(() =>
      callStore(
        (aborted) =>
          store.put(
            key,
            { original, meta, createdAt: Date.now() },
            { ttlSeconds, pinned, signal: aborted },
          ),
        {
          timeoutMs,
          signal,
          operation: 'put',
        },
      ),
    );
  };

  return {
    async write(originals) {
      const outcomes = await Promise.allSettled(originals.map(put));
      let failure: WriteFailure | undefined;
      for (const outcome of outcomes) {
        if (outcome.status === 'fulfilled') stats.recordCcr('put');
        else failure ??= failureOf(outcome.reason);
      }
      return failure;
    },
  };
}

function failureOf(error: unknown): WriteFailure {
  if (
    HeadroomError.isInstance(error) &&
    (error.code === 'store_timeout' || error.code === 'store_full')
  )
    return error.code;
  return 'store_error';
}
