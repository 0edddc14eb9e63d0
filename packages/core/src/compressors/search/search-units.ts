import type { UnitSplitter } from '../../types.js';

/** Retrieval units of stored search output: its result lines (blank lines and `--` separators dropped). */
export const searchUnits: UnitSplitter = (original) =>
  original.split('\n').filter((line) => line.trim() !== '' && line !== '--');
