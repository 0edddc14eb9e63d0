export { compressTable } from './compress-table.js';
export { tableUnits } from './table-units.js';
export { createTableCompressor } from './table-compressor.js';
