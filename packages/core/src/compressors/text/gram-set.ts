/** A word 3-gram as a number (three word ids), or a string when an id is too large to pack or for a whole short sentence. */
export type Gram = number | string;

/** A set of {@link Gram}s. */
export interface GramSet {
  has(gram: Gram): boolean;
  add(gram: Gram): void;
}

const EMPTY = -1;

/**
 * A {@link GramSet} that keeps number grams (non-negative integers) in an open-addressing table of doubles: a Set
 * boxes every gram above 2^31 into a heap number as it stores it, a page's worth of garbage per call. Strings go
 * to a Set.
 */
export function createGramSet(): GramSet {
  let table = new Float64Array(1 << 10).fill(EMPTY);
  let count = 0;
  const strings = new Set<string>();

  const slotOf = (gram: number, mask: number): number => {
    // Both halves of the up-to-51-bit integer feed the hash.
    const hash = Math.imul(
      (gram >>> 0) ^ Math.imul(Math.floor(gram / 2 ** 32), 0x9e3779b1),
      0x85ebca6b,
    );
    let slot = (hash ^ (hash >>> 15)) & mask;
    while (table[slot] !== EMPTY && table[slot] !== gram) slot = (slot + 1) & mask;
    return slot;
  };
  const grow = (): void => {
    const old = table;
    table = new Float64Array(old.length * 2).fill(EMPTY);
    for (const gram of old) if (gram !== EMPTY) table[slotOf(gram, table.length - 1)] = gram;
  };

  return {
    has(gram) {
      if (typeof gram === 'string') return strings.has(gram);
      return table[slotOf(gram, table.length - 1)] === gram;
    },
    add(gram) {
      if (typeof gram === 'string') {
        strings.add(gram);
        return;
      }
      const slot = slotOf(gram, table.length - 1);
      if (table[slot] === gram) return;
      table[slot] = gram;
      // At most half full, so probes stay short.
      if (++count * 2 > table.length) grow();
    },
  };
}
