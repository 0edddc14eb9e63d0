import { describe, expect, it } from 'vitest';
import { createIdPairSet, slotsFor } from './id-pair-set.js';

describe('createIdPairSet', () => {
  it.each([0, 40_000])(
    'counts distinct pairs (order matters) through its growth, as a Set of packed pairs does (sized for %i)',
    (expected) => {
      const pairs = createIdPairSet(expected);
      const reference = new Set<string>();
      let seed = 7;
      for (let i = 0; i < 50_000; i++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        const a = seed % 300;
        const b = (seed >>> 9) % (i < 25_000 ? 300 : 2 ** 30);
        pairs.add(a, b);
        reference.add(`${a},${b}`);
      }
      pairs.add(1, 2);
      pairs.add(2, 1);
      reference.add('1,2').add('2,1');
      expect(pairs.size).toBe(reference.size);
    },
  );

  it('sizes a table for what it expects, within bounds', () => {
    expect([0, 716, 717, 1000, 40_000, 10 ** 9].map(slotsFor)).toEqual([
      1024,
      1024,
      2048,
      2048,
      65_536,
      2 ** 18,
    ]);
  });
});
