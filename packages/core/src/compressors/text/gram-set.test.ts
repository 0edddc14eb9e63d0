import { describe, expect, it } from 'vitest';
import { createGramSet } from './gram-set.js';

describe('createGramSet', () => {
  it('holds packed number grams and string grams apart, as a Set would', () => {
    const grams = [
      0,
      1,
      2 ** 32,
      2 ** 32 + 1,
      2 ** 51 - 1,
      131071 * 2 ** 34,
      '=web tree',
      '1 2 3',
      '0',
    ];
    const set = createGramSet();
    for (const gram of grams.slice(0, 5)) set.add(gram);
    set.add('=web tree');
    expect(grams.map((gram) => set.has(gram))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      true,
      false,
      false,
    ]);
  });

  it('keeps every gram as it grows', () => {
    const set = createGramSet();
    const grams = Array.from({ length: 20_000 }, (_, i) => (i * 7919 + 3) * 2 ** 20 + i);
    for (const gram of grams) set.add(gram);
    set.add(grams[0]!);
    expect(grams.every((gram) => set.has(gram))).toBe(true);
    expect(grams.some((gram) => set.has(gram + 1))).toBe(false);
  });
});
