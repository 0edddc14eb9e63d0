import { describe, expect, it } from 'vitest';
import { selectHits } from './select-hits.js';
import type { SearchHit } from './search-hit.js';

const hit = (index: number, path: string): SearchHit => ({
  index,
  path,
  line: index + 1,
  text: `line ${index}`,
  before: [],
  after: [],
});

describe('selectHits', () => {
  it('keeps hits near the best score, the rest of a strong hit’s group, and one per other file', () => {
    const hits = [
      hit(0, 'a.ts'),
      hit(1, 'a.ts'),
      hit(2, 'a.ts'),
      hit(3, 'b.ts'),
      hit(4, 'b.ts'),
      hit(5, 'c.ts'),
      hit(6, 'c.ts'),
    ];
    const relevance = [0, 1, 0.6, 0, 0, 0.2, 0];
    const intrinsic = [0, 0, 0, 0, 0.3, 0, 0];
    // Hit 1 is about symbol X, as is hit 6 in another file; hit 2 (0.6 of the best) is relevant but too weak to bring its group.
    const symbols = ['', 'X', 'Y', 'Y', '', '', 'X'];
    const { shown, dropped } = selectHits(hits, { scores: { relevance, intrinsic }, symbols });
    expect(dropped).toEqual([]);
    expect(shown.map((f) => [f.path, f.kept.map((h) => h.index)])).toEqual([
      ['a.ts', [1, 2]],
      ['b.ts', [4]], // its representative: the best on its own, not hit 3 of the weak hit's group
      ['c.ts', [6]],
    ]);
  });

  it('with no query signal keeps one hit per file', () => {
    const hits = [hit(0, 'a.ts'), hit(1, 'a.ts'), hit(2, 'b.ts')];
    const { shown } = selectHits(hits, {
      scores: { relevance: [0, 0, 0], intrinsic: [0, 0.5, 0] },
      symbols: ['', '', ''],
    });
    expect(shown.map((f) => f.kept.map((h) => h.index))).toEqual([[1], [2]]);
  });
});
