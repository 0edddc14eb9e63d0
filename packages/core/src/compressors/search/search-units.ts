import type { UnitSplitter } from '../../types.js';
import { parseJsonSafe } from '../../util/parse-json-safe.js';
import { looksLikeJson } from './compress-search.js';
import { findJsonHits } from './json-hits.js';

/**
 * Retrieval units of stored search output: for JSON hits, one compact JSON object per hit (the
 * document around them first); for grep output, its result lines (blank lines and `--` dropped).
 */
export const searchUnits: UnitSplitter = (original) => {
  if (looksLikeJson(original)) {
    const found = findJsonHits(parseJsonSafe(original));
    if (found) {
      const items = found.items.map((item) => JSON.stringify(item));
      return found.envelope ? [found.envelope, ...items] : items;
    }
  }
  return original.split('\n').filter((line) => line.trim() !== '' && line !== '--');
};
