export { compressSearch } from './compress-search.js';
export { searchUnits } from './search-units.js';
export { createSearchCompressor } from './search-compressor.js';
