import { inputPricePerMillion } from './prices.js';
import type { LedgerPart, LedgerRecord } from './ledger-record.js';

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
type Tokens = Pick<LedgerRow, 'tokensBefore' | 'tokensAfter'>;
type Table = 'byKind' | 'byCompressor' | 'byModel' | 'bySource';

const compressorOf = (part: LedgerPart) => part.strategy.split(':')[0] || part.strategy;

/** For each table: the groups a record counts in, with the tokens it brings to each (its own, or its parts'). */
const tables: Record<Table, (record: LedgerRecord) => Array<[string, Tokens]>> = {
  byKind: (r) => r.parts.map((p) => [p.kind, p]),
  byCompressor: (r) => r.parts.map((p) => [compressorOf(p), p]),
  byModel: (r) => [[r.model ?? '(unknown)', r]],
  bySource: (r) => [[r.source, r]],
};
const TABLES = Object.keys(tables) as Table[];

/** Adds a record's tokens to its groups in one table; a compression counts once per group however many of its parts fall in it. */
function addRecord(groups: Map<string, Totals>, entries: Array<[string, Tokens]>): void {
  const counted = new Set<string>();
  for (const [name, { tokensBefore, tokensAfter }] of entries) {
    const g = groups.get(name) ?? {
      compressions: 0,
      tokensBefore: 0,
      tokensAfter: 0,
      tokensSaved: 0,
    };
    g.compressions += counted.has(name) ? 0 : 1;
    g.tokensBefore += tokensBefore;
    g.tokensAfter += tokensAfter;
    g.tokensSaved += tokensBefore - tokensAfter;
    groups.set(name, g);
    counted.add(name);
  }
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
  const groups = Object.fromEntries(TABLES.map((table) => [table, new Map()])) as Record<
    Table,
    Map<string, Totals>
  >;
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
    for (const table of TABLES) addRecord(groups[table], tables[table](r));
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
    byKind: rows(groups.byKind),
    byCompressor: rows(groups.byCompressor),
    byModel: rows(groups.byModel),
    bySource: rows(groups.bySource),
  };
}
