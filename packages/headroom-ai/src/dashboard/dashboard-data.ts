import { inputPricePerMillion } from '../stats-ledger/prices.js';
import type { LedgerRecord } from '../stats-ledger/ledger-record.js';
import { summarizeLedger, type LedgerRow } from '../stats-ledger/summarize-ledger.js';

/** Savings over one period. */
export interface PeriodTotals {
  compressions: number;
  tokensBefore: number;
  tokensAfter: number;
  tokensSaved: number;
  /** Saved tokens at list input prices (see `INPUT_PRICES_PER_MILLION`). */
  costSavedUsd: number;
}

/** One point of the time series: tokens in one hour. */
export interface SeriesPoint {
  /** Start of the hour, epoch seconds. */
  t: number;
  before: number;
  after: number;
}

/** One recent compression, newest first. */
export interface RecentRequest {
  ts: string;
  source: string;
  model?: string;
  tokensBefore: number;
  tokensAfter: number;
  kinds: string[];
}

/** `headroom_retrieve` rounds, and lookups that found (hits) or missed their original. */
export interface RetrievalCounts {
  rounds: number;
  hits: number;
  misses: number;
}

/** Everything the dashboard page draws, computed on the server from the ledger. */
export interface DashboardData {
  generatedAt: string;
  /** Lines of the ledger that were skipped as damaged. */
  skippedLines: number;
  today: PeriodTotals;
  week: PeriodTotals;
  allTime: PeriodTotals;
  series: SeriesPoint[];
  byModel: LedgerRow[];
  byKind: LedgerRow[];
  byCompressor: LedgerRow[];
  retrieval: RetrievalCounts & { hitRate: number | undefined };
  recent: RecentRequest[];
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Hours of the time series: one week. */
const SERIES_HOURS = 7 * 24;
const RECENT = 25;

/** The dashboard's numbers from ledger records; `now` is passed in so the result is reproducible. */
export function dashboardData(
  records: readonly LedgerRecord[],
  {
    now,
    skippedLines = 0,
    retrieval: live,
  }: { now: Date; skippedLines?: number; retrieval?: RetrievalCounts },
): DashboardData {
  const end = now.getTime();
  const startOfToday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const summary = summarizeLedger(records);
  const retrieval = live ? { ...live } : { rounds: 0, hits: 0, misses: 0 };
  if (!live)
    for (const r of records) {
      retrieval.rounds += r.retrieval?.rounds ?? 0;
      retrieval.hits += r.retrieval?.hits ?? 0;
      retrieval.misses += r.retrieval?.misses ?? 0;
    }
  const lookups = retrieval.hits + retrieval.misses;
  return {
    generatedAt: now.toISOString(),
    skippedLines,
    today: totals(records, startOfToday, end),
    week: totals(records, end - 7 * DAY_MS, end),
    allTime: totals(records, -Infinity, end),
    series: hourlySeries(records, end),
    byModel: summary.byModel,
    byKind: summary.byKind,
    byCompressor: summary.byCompressor,
    retrieval: { ...retrieval, hitRate: lookups === 0 ? undefined : retrieval.hits / lookups },
    recent: [...records]
      .sort((a, b) => Date.parse(b.ts) - Date.parse(a.ts))
      .slice(0, RECENT)
      .map((r) => ({
        ts: r.ts,
        source: r.source,
        ...(r.model ? { model: r.model } : {}),
        tokensBefore: r.tokensBefore,
        tokensAfter: r.tokensAfter,
        kinds: [...new Set(r.parts.map((p) => p.kind))],
      })),
  };
}

function totals(records: readonly LedgerRecord[], from: number, to: number): PeriodTotals {
  const out: PeriodTotals = {
    compressions: 0,
    tokensBefore: 0,
    tokensAfter: 0,
    tokensSaved: 0,
    costSavedUsd: 0,
  };
  for (const r of records) {
    const at = Date.parse(r.ts);
    if (at < from || at > to) continue;
    const saved = r.tokensBefore - r.tokensAfter;
    out.compressions += 1;
    out.tokensBefore += r.tokensBefore;
    out.tokensAfter += r.tokensAfter;
    out.tokensSaved += saved;
    out.costSavedUsd += (saved * (inputPricePerMillion(r.model) ?? 0)) / 1_000_000;
  }
  out.costSavedUsd = Math.round(out.costSavedUsd * 1e6) / 1e6;
  return out;
}

/** Tokens per hour over the last week, only the hours that had compressions, in time order. */
function hourlySeries(records: readonly LedgerRecord[], end: number): SeriesPoint[] {
  const from = end - SERIES_HOURS * HOUR_MS;
  const hours = new Map<number, SeriesPoint>();
  for (const r of records) {
    const at = Date.parse(r.ts);
    if (at < from || at > end) continue;
    const hour = Math.floor(at / HOUR_MS) * HOUR_MS;
    const point = hours.get(hour) ?? { t: hour / 1000, before: 0, after: 0 };
    point.before += r.tokensBefore;
    point.after += r.tokensAfter;
    hours.set(hour, point);
  }
  return [...hours.values()].sort((a, b) => a.t - b.t);
}
