import { resolveTuning } from '../../options/resolve-tuning.js';
import type { CompressorSpec } from '../../types.js';
import { compressSearch, looksLikeJson } from './compress-search.js';
import { DEFAULT_SEARCH_OPTIONS, type SearchOptions } from './search-options.js';
import { searchUnits } from './search-units.js';

/** Options for {@link createSearchCompressor}: the ranking and budget ({@link SearchOptions}), and where other JSON goes. */
export interface SearchCompressorOptions extends Partial<SearchOptions> {
  /** Compresses JSON routed here that turns out to hold no search hits (the router judges by key names only). */
  json?: CompressorSpec;
}

/** The search compressor with its retrieval unit splitter, in the shape every compressor folder exposes. */
export function createSearchCompressor(options: SearchCompressorOptions = {}): CompressorSpec {
  const { json, ...tuning } = options;
  const resolved = resolveTuning('search', DEFAULT_SEARCH_OPTIONS, tuning);
  return {
    compress: (text, ctx) => {
      const output = compressSearch(text, ctx, resolved);
      return output.text === text && json && looksLikeJson(text)
        ? json.compress(text, ctx)
        : output;
    },
    units: searchUnits,
  };
}
