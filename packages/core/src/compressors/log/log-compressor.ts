import type { CompressorSpec } from '../../types.js';
import { compressLog } from './compress-log.js';
import { logUnits } from './log-units.js';

/** The log compressor with its retrieval unit splitter, in the shape every compressor folder exposes. */
export function createLogCompressor(): CompressorSpec {
  return { compress: compressLog, units: logUnits };
}
