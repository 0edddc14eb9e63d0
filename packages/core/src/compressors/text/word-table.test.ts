import { describe, expect, it } from 'vitest';
import { FNV_OFFSET, fnvStep } from '../../util/fnv.js';
import { createWordTable } from './word-table.js';

function hashOf(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = fnvStep(hash, word.charCodeAt(i));
  return hash;
}

describe('createWordTable', () => {
  it('finds a word by its range in another text', () => {
    const table = createWordTable<number>();
    table.set('install', hashOf('install'), 1);
    const text = 'npm install lodash';
    expect(table.get(text, 4, 11, hashOf('install'))).toBe(1);
    expect(table.get(text, 12, 18, hashOf('lodash'))).toBeUndefined();
  });

  it('tells apart words that share a hash or a slot', () => {
    const table = createWordTable<string>();
    table.set('ab', 7, 'first');
    table.set('ba', 7, 'second');
    table.set('abc', 7, 'third');
    expect(table.get('ab', 0, 2, 7)).toBe('first');
    expect(table.get('ba', 0, 2, 7)).toBe('second');
    expect(table.get('abc', 0, 3, 7)).toBe('third');
    expect(table.get('cb', 0, 2, 7)).toBeUndefined();
  });

  it('keeps every word as it grows, and none after clear', () => {
    const table = createWordTable<number>();
    const words = Array.from({ length: 5000 }, (_, i) => `w${i}`);
    for (const [i, word] of words.entries()) table.set(word, hashOf(word), i);
    expect(table.size).toBe(5000);
    expect(words.every((word, i) => table.get(word, 0, word.length, hashOf(word)) === i)).toBe(
      true,
    );
    table.clear();
    expect(table.size).toBe(0);
    expect(table.get('w1', 0, 2, hashOf('w1'))).toBeUndefined();
  });
});
