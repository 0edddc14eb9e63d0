import { hashSlots } from '../../util/hash-slots.js';

/** A set of pairs of ids: adding, and how many distinct pairs were added. */
export interface IdPairSet {
  add(a: number, b: number): void;
  readonly size: number;
}

/**
 * A set of pairs of non-negative 32-bit ids (word bigrams) in one flat typed array, each pair's two
 * ids side by side: adding a pair allocates nothing and touches one cache line, where a `Set` of
 * packed numbers grows an ordered hash table of boxed keys.
 */
export function createIdPairSet(expected = 0): IdPairSet {
  /** Slot i holds a pair at [2i, 2i + 1]; -1 marks an empty slot. */
  let pairs = new Int32Array(2 * slotsFor(expected)).fill(-1);
  let size = 0;

  const slotOf = (table: Int32Array, a: number, b: number): number => {
    const mask = (table.length >> 1) - 1;
    let slot = mix(Math.imul(a, 0x9e3779b1) ^ b) & mask;
    for (;;) {
      const first = table[slot << 1]!;
      if (first === -1 || (first === a && table[(slot << 1) + 1] === b)) return slot;
      slot = (slot + 1) & mask;
    }
  };

  // Fourfold: a large array's words and bigrams pass through several sizes, each a rehash of all.
  const grow = (): void => {
    const next = new Int32Array(pairs.length * 4).fill(-1);
    for (let at = 0; at < pairs.length; at += 2) {
      const a = pairs[at]!;
      if (a === -1) continue;
      const b = pairs[at + 1]!;
      const slot = slotOf(next, a, b);
      next[slot << 1] = a;
      next[(slot << 1) + 1] = b;
    }
    pairs = next;
  };

  return {
    add(a, b) {
      const slot = slotOf(pairs, a, b);
      if (pairs[slot << 1] !== -1) return;
      pairs[slot << 1] = a;
      pairs[(slot << 1) + 1] = b;
      // Kept at most 70% full: short probe runs without a table twice the size.
      if (++size * 10 > (pairs.length >> 1) * 7) grow();
    },
    get size() {
      return size;
    },
  };
}

/** Murmur3's finalizer: a multiply only carries low bits upwards, and the slot is taken from the low bits. */
export function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The most entries a table is sized for up front: 2^18 slots at 70%. */
const MAX_EXPECTED = Math.floor((1 << 18) * 0.7);

/**
 * Slots for a table kept at most 70% full to take `expected` entries without growing: a power of two,
 * at least 1024 and at most 2^18 (a wrong guess costs a rehash, not memory out of proportion).
 */
export function slotsFor(expected: number): number {
  return hashSlots(Math.min(expected, MAX_EXPECTED), 0.7, 1024);
}
