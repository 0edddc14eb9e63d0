import { describe, expect, it } from 'vitest';
import { lostPieces } from './lost-pieces.js';

describe('lostPieces', () => {
  it('names the lines of text that are in neither the output nor the originals', () => {
    expect(lostPieces('kept\n  moved  \ngone\n', 'kept\n[1 line omitted]\nmoved')).toEqual([
      'gone',
    ]);
  });

  it('compares JSON by its words, since it comes back compact and item by item', () => {
    const original = JSON.stringify(
      [
        { id: 1, name: 'alpha' },
        { id: 2, name: 'beta' },
      ],
      null,
      2,
    );
    expect(lostPieces(original, '[{"id":1,"name":"alpha"}]')).toEqual(['2', 'beta']);
  });
});
