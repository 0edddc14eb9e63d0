import type { CompressorSpec } from '../../types.js';
import { compressTable } from './compress-table.js';
import { tableUnits } from './table-units.js';

/** The table compressor with its retrieval unit splitter, in the shape every compressor folder exposes. */
export function createTableCompressor(): CompressorSpec {
  return { compress: compressTable, units: tableUnits };
}
