import { inputPricePerMillion } from './prices.js';
import type { LedgerRecord } from './ledger-record.js';

/** Totals of one group (a content kind, a compressor, a model, a source). */
export interface LedgerRow {
  name: string;
  compressions: number;
  tokensBefore: number;
  tokensAfter: number;
  tokensSaved: number;
  /** tokensAfter / tokensBefore (1 when nothing was counted). */
  ratio: number;
}

/** What `headroom stats` shows. */
export interface LedgerSummary {
  since?: string;
  compressions: number;
  tokensBefore: number;
  tokensAfter: number;
  tokensSaved: number;
  ratio: number;
  /** Saved tokens priced by {@link inputPricePerMillion}; records of unlisted models add nothing. */
  estimatedCostSavedUsd: number;
  /** Saved tokens of records whose model has no listed price. */
  unpricedTokensSaved: number;
  byKind: LedgerRow[];
  byCompressor: LedgerRow[];
  byModel: LedgerRow[];
  bySource: LedgerRow[];
}

type Totals = Omit<LedgerRow, 'name' | 'ratio'>;

function add(
  groups: Map<string, Totals>,
  name: string,
  before: number,
  after: number,
  compressions = 1,
): void {
  const g = groups.get(name) ?? {
    compressions: 0,
    tokensBefore: 0,
    tokensAfter: 0,
    tokensSaved: 0,
  };
  g.compressions += compressions;
  g.tokensBefore += before;
  g.tokensAfter += after;
  g.tokensSaved += before - after;
  groups.set(name, g);
}

function rows(groups: Map<string, Totals>): LedgerRow[] {
  return [...groups]
    .map(([name, g]) => ({ name, ...g, ratio: ratio(g.tokensBefore, g.tokensAfter) }))
    .sort((a, b) => b.tokensSaved - a.tokensSaved || a.name.localeCompare(b.name));
}

const ratio = (before: number, after: number) => (before === 0 ? 1 : after / before);

/** Aggregates ledger records: totals, ratio, estimated cost saved, and per kind / compressor / model / source. */
export function summarizeLedger(
  records: readonly LedgerRecord[],
  { since }: { since?: Date } = {},
): LedgerSummary {
  const byKind = new Map<string, Totals>();
  const byCompressor = new Map<string, Totals>();
  const byModel = new Map<string, Totals>();
  const bySource = new Map<string, Totals>();
  let tokensBefore = 0;
  let tokensAfter = 0;
  let cost = 0;
  let unpriced = 0;
  for (const r of records) {
    tokensBefore += r.tokensBefore;
    tokensAfter += r.tokensAfter;
    const saved = r.tokensBefore - r.tokensAfter;
    const price = inputPricePerMillion(r.model);
    if (price === undefined) unpriced += saved;
    else cost += (saved * price) / 1_000_000;
    add(byModel, r.model ?? '(unknown)', r.tokensBefore, r.tokensAfter);
    add(bySource, r.source, r.tokensBefore, r.tokensAfter);
    const kinds = new Set<string>();
    const compressors = new Set<string>();
    for (const p of r.parts) {
      const compressor = p.strategy.split(':')[0] || p.strategy;
      // A compression counts once per group however many of its segments fall in it.
      add(byKind, p.kind, p.tokensBefore, p.tokensAfter, kinds.has(p.kind) ? 0 : 1);
      add(
        byCompressor,
        compressor,
        p.tokensBefore,
        p.tokensAfter,
        compressors.has(compressor) ? 0 : 1,
      );
      kinds.add(p.kind);
      compressors.add(compressor);
    }
  }
  return {
    ...(since ? { since: since.toISOString() } : {}),
    compressions: records.length,
    tokensBefore,
    tokensAfter,
    tokensSaved: tokensBefore - tokensAfter,
    ratio: ratio(tokensBefore, tokensAfter),
    estimatedCostSavedUsd: Math.round(cost * 1e6) / 1e6,
    unpricedTokensSaved: unpriced,
    byKind: rows(byKind),
    byCompressor: rows(byCompressor),
    byModel: rows(byModel),
    bySource: rows(bySource),
  };
}
