import type { CompressorContext, CompressorOutput } from '../../types.js';
import { DEFAULT_CRUSH_OPTIONS } from './crush-options.js';
import type { CrushState } from './crush-state.js';
import { fromValue, type JsonNode } from './json-node.js';
import { itemView } from './item-view.js';
import { planKeep, viewAnalysis, type ItemAnalysis } from './plan-keep.js';
import { crushDocument } from './walk.js';

/** Which rows SmartCrusher would keep, for compressors that render rows in their own format. */
export interface RowSelection {
  /** Indices of the rows to show, ascending; every row when the rows should stay whole. */
  keep: number[];
  /** True when some rows were left out (the caller must stash the original and emit a marker). */
  dropped: boolean;
  /** Why: `repetitive`, `signals`, `unique_entities_no_signal`, `at_limit`… */
  reason: string;
}

/**
 * Picks the rows worth showing (head/tail, distinct errors, outliers, anomalies, change points,
 * query matches) without stashing anything. Rows are plain JSON values, e.g. parsed CSV records.
 */
export function selectRows(
  rows: readonly unknown[],
  ctx: Pick<CompressorContext, 'query'>,
): RowSelection {
  return selectRowNodes(
    rows.map((row) => fromValue(row)),
    ctx,
  );
}

/** {@link selectRows} on rows already converted to nodes. */
export function selectRowNodes(
  rows: readonly JsonNode[],
  ctx: Pick<CompressorContext, 'query'>,
): RowSelection {
  return selectAnalyzed(viewAnalysis(rows.map(itemView)), ctx);
}

/** {@link selectRows} on an analysis of the rows (a table reads its columns: see {@link planKeep}). */
export function selectAnalyzed(
  analysis: ItemAnalysis,
  ctx: Pick<CompressorContext, 'query'>,
): RowSelection {
  const plan = planKeep(analysis, ctx.query, DEFAULT_CRUSH_OPTIONS);
  if (!plan.keep) {
    const keep = Array.from({ length: analysis.items.length }, (_, index) => index);
    return { keep, dropped: false, reason: plan.reason };
  }
  return { keep: plan.keep, dropped: true, reason: plan.reason };
}

/**
 * Crushes an array of row objects the way the JSON compressor would: a lossless table when that
 * saves enough, else the kept rows as compact JSON plus one marker for the rest (stashed via `ctx`).
 * `text` is the compact JSON of the rows when nothing could be saved.
 */
export function crushRows(rows: readonly unknown[], ctx: CompressorContext): CompressorOutput {
  const state: CrushState = { ctx, options: DEFAULT_CRUSH_OPTIONS, actions: new Set() };
  const text = crushDocument(fromValue(rows), 0, state);
  const actions = [...state.actions].sort();
  return actions.length ? { text, strategy: `smart_crush:${actions.join('+')}` } : { text };
}
