export { compressDiff } from './compress-diff.js';
export { diffUnits } from './diff-units.js';
export { createDiffCompressor } from './diff-compressor.js';
export type { DiffOptions } from './diff-options.js';
