import { utf8Length } from '../util/utf8-length.js';
import {
  createDecisionCache,
  type DecisionCache,
  type DecisionCacheOptions,
} from './decision-cache.js';

/** How much of a request is identical to the previous request of the same session. */
export interface StablePrefix {
  /** Leading request parts (tool list, system, messages) identical to the previous call. */
  parts: number;
  bytes: number;
  tokens: number;
  totalParts: number;
  totalBytes: number;
  totalTokens: number;
}

/** What a session learned from one request. */
export interface PrefixObservation {
  /** Whether the system/tools prefix hash differs from the previous call; undefined on the first call. */
  prefixChanged?: boolean;
  /** Undefined on the first call. */
  stablePrefix?: StablePrefix;
}

/** Totals over a session's calls (the first call has nothing to compare with and is not counted). */
export interface SessionCacheStats {
  /** Calls compared with a previous one. */
  comparedCalls: number;
  prefixChanges: number;
  stableTokens: number;
  totalTokens: number;
  stableBytes: number;
  totalBytes: number;
  /** Segments whose earlier decision was reused instead of compressing them again. */
  reusedDecisions: number;
}

/**
 * State of one conversation across turns: earlier compression decisions (so old segments keep
 * their bytes), the previous request (for prefix stats) and whether the retrieval tool is in use.
 */
export interface HeadroomSession {
  readonly decisions: DecisionCache;
  /** True once an integration injected `headroom_retrieve`; it then keeps injecting it (byte-stable tool list). */
  readonly retrieveToolInjected: boolean;
  markRetrieveToolInjected(): void;
  /** Records a request as sent. `parts` are its serialized pieces in order (tools, system, messages). */
  observe(
    request: { prefixHash: string; parts: readonly string[] },
    countTokens: (text: string) => number,
  ): PrefixObservation;
  recordReusedDecision(): void;
  stats(): SessionCacheStats;
}

/** Creates the state for one conversation; `decisionCache` puts its decisions elsewhere (e.g. a `SessionStore`). */
export function createSession(
  options: { decisions?: DecisionCacheOptions; decisionCache?: DecisionCache } = {},
): HeadroomSession {
  const decisions = options.decisionCache ?? createDecisionCache(options.decisions);
  let injected = false;
  let previous: { prefixHash: string; parts: string[]; tokens: number[] } | undefined;
  const totals: SessionCacheStats = {
    comparedCalls: 0,
    prefixChanges: 0,
    stableTokens: 0,
    totalTokens: 0,
    stableBytes: 0,
    totalBytes: 0,
    reusedDecisions: 0,
  };

  return {
    decisions,
    get retrieveToolInjected() {
      return injected;
    },
    markRetrieveToolInjected() {
      injected = true;
    },
    observe({ prefixHash, parts }, countTokens) {
      const before = previous;
      let same = 0;
      if (before && before.prefixHash === prefixHash) {
        while (
          same < parts.length &&
          same < before.parts.length &&
          parts[same] === before.parts[same]
        )
          same += 1;
      }
      const tokens = parts.map((part, i) => (i < same ? before!.tokens[i]! : countTokens(part)));
      previous = { prefixHash, parts: [...parts], tokens };
      if (!before) return {};

      const stable: StablePrefix = {
        parts: same,
        bytes: 0,
        tokens: 0,
        totalParts: parts.length,
        totalBytes: 0,
        totalTokens: 0,
      };
      parts.forEach((part, i) => {
        const bytes = utf8Length(part);
        stable.totalBytes += bytes;
        stable.totalTokens += tokens[i]!;
        if (i < same) {
          stable.bytes += bytes;
          stable.tokens += tokens[i]!;
        }
      });
      const prefixChanged = before.prefixHash !== prefixHash;
      totals.comparedCalls += 1;
      if (prefixChanged) totals.prefixChanges += 1;
      totals.stableTokens += stable.tokens;
      totals.totalTokens += stable.totalTokens;
      totals.stableBytes += stable.bytes;
      totals.totalBytes += stable.totalBytes;
      return { prefixChanged, stablePrefix: stable };
    },
    recordReusedDecision() {
      totals.reusedDecisions += 1;
    },
    stats: () => ({ ...totals }),
  };
}
