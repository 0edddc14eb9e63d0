import { decisionKey } from '../cache/decision-cache.js';
import type { HeadroomSession } from '../cache/session.js';
import { isSharedDecisionCache } from '../cache/session-store.js';
import { callStore } from '../ccr/store-call.js';
import type { Stats } from '../stats/stats.js';
import { hintsFor } from './hints.js';
import type { Segment } from './segment.js';
import { DEFAULT_STORE_TIMEOUT_MS } from './write-originals.js';

/** Deadline, signal and counters of one call's store operations. */
interface StoreCallLimits {
  timeoutMs?: number;
  signal?: AbortSignal;
  stats: Stats;
}

/**
 * The decision key of every tool result that may be compressed. When the session's decisions live in
 * a `SessionStore` (instances sharing a conversation), the earlier decisions for all of them are
 * fetched first, in one round trip. A session store that fails or is slow costs only the reuse: the
 * segments are decided afresh (and `stats().fallbacks.session_store_error` counts it).
 */
export async function loadDecisions(
  segments: readonly Segment[],
  session: HeadroomSession,
  limits: StoreCallLimits & { maxSegmentChars: number },
): Promise<Map<Segment, string>> {
  const keys = new Map<Segment, string>();
  for (const segment of segments) {
    if (segment.source === 'tool_result' && segment.text.length <= limits.maxSegmentChars)
      keys.set(segment, decisionKey(segment, hintsFor(segment)));
  }
  const cache = session.decisions;
  if (isSharedDecisionCache(cache) && keys.size > 0) {
    await guarded(limits, 'session load', (signal) =>
      cache.load([...new Set(keys.values())], { signal }),
    );
  }
  return keys;
}

/** Writes the decisions this call made to the session's `SessionStore`, if it has one. */
export async function saveDecisions(
  session: HeadroomSession,
  limits: StoreCallLimits,
): Promise<void> {
  const cache = session.decisions;
  if (isSharedDecisionCache(cache))
    await guarded(limits, 'session save', (signal) => cache.save({ signal }));
}

async function guarded(
  { timeoutMs = DEFAULT_STORE_TIMEOUT_MS, signal, stats }: StoreCallLimits,
  operation: string,
  run: (signal: AbortSignal) => Promise<void>,
): Promise<void> {
  try {
    await callStore(run, { timeoutMs, signal, operation });
  } catch (error) {
    if (signal?.aborted) throw error;
    stats.recordFallback('session_store_error');
  }
}
