import { describe, expect, it } from 'vitest';
import { createIdPairSet } from './id-pair-set.js';

describe('createIdPairSet', () => {
  it('counts distinct pairs (order matters) through its growth, as a Set of packed pairs does', () => {
    const pairs = createIdPairSet();
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
  });
});
