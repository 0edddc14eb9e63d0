import type { ContentKind } from '../types.js';

/** Totals for one content kind. */
export interface KindStats {
  segments: number;
  compressed: number;
  tokensBefore: number;
  tokensAfter: number;
}

/** Why a segment that could have been compressed went out unchanged. */
export type FallbackReason =
  | 'compressor_error'
  | 'store_error'
  | 'store_timeout'
  | 'store_full'
  | 'session_store_error'
  | 'insufficient_savings'
  | 'too_large'
  | 'model_unavailable'
  | 'invalid_output'
  /** The whole call went out as it came: the pipeline threw (e.g. no tokenizer), and the integration sent the original messages. */
  | 'pipeline_error';

/** A point-in-time copy of the counters. */
export interface StatsSnapshot {
  calls: number;
  tokensBefore: number;
  tokensAfter: number;
  tokensSaved: number;
  byKind: Partial<Record<ContentKind, KindStats>>;
  /** How often each compressor strategy was used (e.g. `smart_crush:lossless`, `kompress:fallback`). */
  byStrategy: Record<string, number>;
  fallbacks: Partial<Record<FallbackReason, number>>;
  ccr: { puts: number; hits: number; misses: number };
  retrievalRounds: number;
  /** Calls whose model still asked for originals after the last allowed round (`retrieval.maxRounds`). */
  retrievalExhausted: number;
  latencyMs: { total: number; max: number };
}

/** Mutable counters shared by everything that compresses in one process (or one `createHeadroom`). */
export interface Stats {
  recordCall(tokensBefore: number, tokensAfter: number, ms: number): void;
  recordSegment(
    kind: ContentKind,
    tokensBefore: number,
    tokensAfter: number,
    strategy?: string,
  ): void;
  recordFallback(reason: FallbackReason): void;
  recordCcr(event: 'put' | 'hit' | 'miss'): void;
  recordRetrievalRound(): void;
  recordRetrievalExhausted(): void;
  snapshot(): StatsSnapshot;
  reset(): void;
}

function empty(): StatsSnapshot {
  return {
    calls: 0,
    tokensBefore: 0,
    tokensAfter: 0,
    tokensSaved: 0,
    byKind: {},
    byStrategy: {},
    fallbacks: {},
    ccr: { puts: 0, hits: 0, misses: 0 },
    retrievalRounds: 0,
    retrievalExhausted: 0,
    latencyMs: { total: 0, max: 0 },
  };
}

/** Creates a fresh set of counters. */
export function createStats(): Stats {
  let s = empty();
  return {
    recordCall(before, after, ms) {
      s.calls += 1;
      s.tokensBefore += before;
      s.tokensAfter += after;
      s.tokensSaved += before - after;
      s.latencyMs.total += ms;
      s.latencyMs.max = Math.max(s.latencyMs.max, ms);
    },
    recordSegment(kind, before, after, strategy) {
      if (strategy) s.byStrategy[strategy] = (s.byStrategy[strategy] ?? 0) + 1;
      const k = (s.byKind[kind] ??= {
        segments: 0,
        compressed: 0,
        tokensBefore: 0,
        tokensAfter: 0,
      });
      k.segments += 1;
      if (after < before) k.compressed += 1;
      k.tokensBefore += before;
      k.tokensAfter += after;
    },
    recordFallback(reason) {
      s.fallbacks[reason] = (s.fallbacks[reason] ?? 0) + 1;
    },
    recordCcr(event) {
      s.ccr[event === 'put' ? 'puts' : event === 'hit' ? 'hits' : 'misses'] += 1;
    },
    recordRetrievalRound() {
      s.retrievalRounds += 1;
    },
    recordRetrievalExhausted() {
      s.retrievalExhausted += 1;
    },
    snapshot() {
      return structuredClone(s);
    },
    reset() {
      s = empty();
    },
  };
}

/** Process-wide counters used when no `stats` option is given. */
export const globalStats: Stats = createStats();
