import type { CompressorSpec } from '../../types.js';
import { compressDiff } from './compress-diff.js';
import { diffUnits } from './diff-units.js';

/** The diff compressor with its retrieval unit splitter, in the shape every compressor folder exposes. */
export function createDiffCompressor(): CompressorSpec {
  return { compress: compressDiff, units: diffUnits };
}
