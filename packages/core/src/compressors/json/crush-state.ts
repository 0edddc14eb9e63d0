import type { CompressorContext } from '../../types.js';
import type { CrushOptions } from './crush-options.js';

/** What one crushing run carries through the walk. */
export interface CrushState {
  ctx: CompressorContext;
  options: CrushOptions;
  /** What was done, for the strategy note: `table`, `crush`, `opaque`, `string_json`. */
  actions: Set<string>;
}

/** Characters above which token counts are estimated instead of counted (keeps huge inputs fast). */
const COUNT_LIMIT = 1 << 20;

/** Token cost of two renderings, measured the same way so they can be compared. */
export function costs(state: CrushState, a: string, b: string): [number, number] {
  if (Math.max(a.length, b.length) > COUNT_LIMIT) return [Math.ceil(a.length / 4), Math.ceil(b.length / 4)];
  return [state.ctx.countTokens(a), state.ctx.countTokens(b)];
}
