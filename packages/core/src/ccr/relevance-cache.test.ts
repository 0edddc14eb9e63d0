import { describe, expect, it } from 'vitest';
import { rankByRelevance } from '../relevance/bm25-index.js';
import { MemoryCcrStore } from './memory-store.js';
import { cachedRanker } from './relevance-cache.js';

const lines = ['ERROR payment refused', 'INFO served', 'WARN payment slow'];

describe('cachedRanker', () => {
  it('ranks as rankByRelevance, for the same and for other documents of one original', () => {
    const store = new MemoryCcrStore();
    const original = lines.join('\n');
    for (const query of ['payment', 'served', 'payment refused']) {
      const rank = cachedRanker(store, { stored: 'k1', original });
      expect(rank([...lines], query)).toEqual(rankByRelevance(lines, query));
      expect(rank(lines.slice(1), query)).toEqual(rankByRelevance(lines.slice(1), query));
    }
  });

  it('never answers from an index of other documents: a changed original, key or store', () => {
    const store = new MemoryCcrStore();
    const first = cachedRanker(store, { stored: 'k1', original: 'ERROR payment refused' });
    expect(first(['ERROR payment refused'], 'payment')).toEqual([0]);
    const changed = ['INFO served', 'ERROR payment refused'];
    const again = cachedRanker(store, { stored: 'k1', original: changed.join('\n') });
    expect(again(changed, 'payment')).toEqual([1]);
    const other = cachedRanker(new MemoryCcrStore(), { stored: 'k1', original: 'INFO served' });
    expect(other(['INFO served'], 'payment')).toEqual([]);
  });
});
