import type { CompressorContext } from '../../types.js';
import type { CrushOptions } from './crush-options.js';

/** What one crushing run carries through the walk. */
export interface CrushState {
  ctx: CompressorContext;
  options: CrushOptions;
  /** What was done, for the strategy note: `table`, `crush`, `opaque`, `string_json`, `string_text`. */
  actions: Set<string>;
  /** Long string values already compressed by the `strings` compressor, by their text. */
  strings?: ReadonlyMap<string, string>;
}

/** Texts up to this many characters are counted whole; longer ones from evenly spread slices. */
const COUNT_WHOLE = 32 * 1024;
const SLICES = 8;
const SLICE_CHARS = 4 * 1024;

/**
 * Token cost of a rendering. Long texts are counted on a few evenly spread slices and scaled by
 * length: close enough to compare two renderings, and a 5 MB array costs milliseconds, not seconds.
 */
export function tokenCost(state: CrushState, text: string): number {
  if (text.length <= COUNT_WHOLE) return state.ctx.countTokens(text);
  let tokens = 0;
  const step = (text.length - SLICE_CHARS) / (SLICES - 1);
  for (let i = 0; i < SLICES; i++) {
    const start = Math.floor(i * step);
    tokens += state.ctx.countTokens(text.slice(start, start + SLICE_CHARS));
  }
  return Math.ceil((tokens / (SLICES * SLICE_CHARS)) * text.length);
}
