export { compressSearch } from './compress-search.js';
export { searchUnits } from './search-units.js';
export { createSearchCompressor, type SearchCompressorOptions } from './search-compressor.js';
export type { SearchOptions } from './search-options.js';
