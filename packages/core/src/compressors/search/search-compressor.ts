import type { CompressorSpec } from '../../types.js';
import { compressSearch, looksLikeJson } from './compress-search.js';
import { searchUnits } from './search-units.js';

/** Options for {@link createSearchCompressor}. */
export interface SearchCompressorOptions {
  /** Compresses JSON routed here that turns out to hold no search hits (the router judges by key names only). */
  json?: CompressorSpec;
}

/** The search compressor with its retrieval unit splitter, in the shape every compressor folder exposes. */
export function createSearchCompressor(options: SearchCompressorOptions = {}): CompressorSpec {
  const { json } = options;
  return {
    compress: (text, ctx) => {
      const output = compressSearch(text, ctx);
      return output.text === text && json && looksLikeJson(text)
        ? json.compress(text, ctx)
        : output;
    },
    units: searchUnits,
  };
}
