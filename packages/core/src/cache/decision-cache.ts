import { sha256Hex } from '../hash/sha256.js';
import { createBoundedLru } from '../util/bounded-lru.js';
import type { DetectionHints, CcrMeta, ContentKind } from '../types.js';

/** An original a compressed segment points at, kept so a reused decision can re-store it. */
export interface StoredOriginal {
  key: string;
  original: string;
  meta: CcrMeta;
}

/** What the pipeline decided for one segment the first time it saw it. `text` absent = sent as is. */
export interface SegmentDecision {
  text?: string;
  kind?: ContentKind;
  strategy?: string;
  tokensAfter?: number;
  stored: StoredOriginal[];
}

/** Decisions by segment identity, bounded (least recently used entries go first). */
export interface DecisionCache {
  get(key: string): SegmentDecision | undefined;
  set(key: string, decision: SegmentDecision): void;
  readonly size: number;
}

/** Limits of a {@link DecisionCache}. */
export interface DecisionCacheOptions {
  /** Default 5,000 segments. */
  maxEntries?: number;
  /** Characters of compressed text and originals held, default 16 Mi (about 32 MB). */
  maxChars?: number;
}

/** Creates an in-memory decision cache. */
export function createDecisionCache({
  maxEntries = 5_000,
  maxChars = 16 * 1024 * 1024,
}: DecisionCacheOptions = {}): DecisionCache {
  return createBoundedLru<string, SegmentDecision>({
    maxEntries,
    maxSize: maxChars,
    sizeOf: (decision) =>
      (decision.text?.length ?? 0) + decision.stored.reduce((sum, s) => sum + s.original.length, 0),
  });
}

/**
 * Identity of a segment for decision reuse: its text and everything the router and compressor
 * see about it except the query and its position. Leaving those out means the first decision
 * wins even if the query changes, and it survives history truncated from the front.
 */
export function decisionKey(
  segment: { text: string; toolName?: string; toolCallId?: string },
  hints: DetectionHints,
): string {
  return sha256Hex(
    JSON.stringify([
      segment.toolCallId ?? null,
      segment.toolName ?? null,
      hints.fileName ?? null,
      segment.text,
    ]),
  );
}
