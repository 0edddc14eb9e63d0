import type { CompressorSpec } from '../../types.js';
import { compressSearch } from './compress-search.js';
import { searchUnits } from './search-units.js';

/** The search compressor with its retrieval unit splitter, in the shape every compressor folder exposes. */
export function createSearchCompressor(): CompressorSpec {
  return { compress: compressSearch, units: searchUnits };
}
