import { resolveTuning } from '../../options/resolve-tuning.js';
import type { CompressorSpec } from '../../types.js';
import { compressLog } from './compress-log.js';
import { DEFAULT_LOG_OPTIONS, type LogOptions } from './log-options.js';
import { logUnits } from './log-units.js';

/**
 * The log compressor with its retrieval unit splitter, in the shape every compressor folder exposes;
 * `options` overrides parts of its budget (a CI log viewer may keep longer lines or more traces).
 */
export function createLogCompressor(options: Partial<LogOptions> = {}): CompressorSpec {
  const resolved = resolveTuning('log', DEFAULT_LOG_OPTIONS, options);
  return { compress: (text, ctx) => compressLog(text, ctx, resolved), units: logUnits };
}
