import { resolveTuning } from '../../options/resolve-tuning.js';
import type { CompressorSpec } from '../../types.js';
import { compressDiff } from './compress-diff.js';
import { DEFAULT_DIFF_OPTIONS, type DiffOptions } from './diff-options.js';
import { diffUnits } from './diff-units.js';

/**
 * The diff compressor with its retrieval unit splitter, in the shape every compressor folder exposes;
 * `options` overrides parts of its budget (a code reviewer may keep more context or more files).
 */
export function createDiffCompressor(options: Partial<DiffOptions> = {}): CompressorSpec {
  const resolved = resolveTuning('diff', DEFAULT_DIFF_OPTIONS, options);
  return {
    compress: (text, ctx) => compressDiff(text, ctx, { options: resolved }),
    units: diffUnits,
  };
}
