import type { TransformRecord } from '@headroom/core/internal';

/** Which Headroom door did the compression. */
export type LedgerSource = 'cli' | 'proxy' | 'mcp' | (string & {});

/** Tokens of one content kind through one compressor strategy, within one compression. */
export interface LedgerPart {
  kind: string;
  /** The compressor's strategy note, e.g. `smart_crush:lossless`; its compressor is the part before `:`. */
  strategy: string;
  tokensBefore: number;
  tokensAfter: number;
}

/** One line of the stats ledger: one compression. Version 1 of the format. */
export interface LedgerRecord {
  v: 1;
  /** ISO 8601 time of the compression. */
  ts: string;
  source: LedgerSource;
  /** The model the request was for, when known; it prices the saving. */
  model?: string;
  tokensBefore: number;
  tokensAfter: number;
  /** Wall time of the compression in milliseconds. */
  ms?: number;
  /** How many originals went to the CCR store. */
  ccrKeys: number;
  parts: LedgerPart[];
  /** `headroom_retrieve` rounds answered for this request, and the lookups that found (hits) or missed their original. */
  retrieval?: { rounds: number; hits: number; misses: number };
}

/** What {@link ledgerRecord} needs from a compression: a `CompressResult` fits. */
export interface CompressionOutcome {
  tokensBefore: number;
  tokensAfter: number;
  transforms: readonly TransformRecord[];
  ccrKeys: readonly string[];
}

/** Builds the ledger line for one compression, folding its transforms by kind and strategy. */
export function ledgerRecord(
  outcome: CompressionOutcome,
  {
    source,
    model,
    ms,
    now = new Date(),
  }: { source: LedgerSource; model?: string; ms?: number; now?: Date },
): LedgerRecord {
  const parts = new Map<string, LedgerPart>();
  for (const t of outcome.transforms) {
    const id = `${t.kind}\u0000${t.strategy}`;
    const part = parts.get(id) ?? {
      kind: t.kind,
      strategy: t.strategy,
      tokensBefore: 0,
      tokensAfter: 0,
    };
    part.tokensBefore += t.tokensBefore;
    part.tokensAfter += t.tokensAfter;
    parts.set(id, part);
  }
  return {
    v: 1,
    ts: now.toISOString(),
    source,
    ...(model ? { model } : {}),
    tokensBefore: outcome.tokensBefore,
    tokensAfter: outcome.tokensAfter,
    ...(ms === undefined ? {} : { ms: Math.round(ms * 10) / 10 }),
    ccrKeys: outcome.ccrKeys.length,
    parts: [...parts.values()],
  };
}

/** The record in `value`, or `undefined` when it is not a well-formed version-1 line. */
export function parseLedgerRecord(value: unknown): LedgerRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Partial<LedgerRecord>;
  const counts = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;
  if (
    r.v !== 1 ||
    typeof r.ts !== 'string' ||
    Number.isNaN(Date.parse(r.ts)) ||
    typeof r.source !== 'string'
  )
    return undefined;
  if (!counts(r.tokensBefore) || !counts(r.tokensAfter) || !Array.isArray(r.parts))
    return undefined;
  if (r.model !== undefined && typeof r.model !== 'string') return undefined;
  if (
    r.retrieval !== undefined &&
    !(
      typeof r.retrieval === 'object' &&
      r.retrieval !== null &&
      counts(r.retrieval.rounds) &&
      counts(r.retrieval.hits) &&
      counts(r.retrieval.misses)
    )
  ) {
    return undefined;
  }
  const parts = r.parts.every(
    (p: Partial<LedgerPart>) =>
      typeof p === 'object' &&
      p !== null &&
      typeof p.kind === 'string' &&
      typeof p.strategy === 'string' &&
      counts(p.tokensBefore) &&
      counts(p.tokensAfter),
  );
  return parts ? (r as LedgerRecord) : undefined;
}
