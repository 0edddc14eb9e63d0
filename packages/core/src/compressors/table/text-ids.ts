import { FNV_OFFSET, fnvStep } from '../../util/fnv.js';
import { hashSlots } from '../../util/hash-slots.js';
import { withRoom } from '../../util/with-room.js';
import { mix } from '../json/id-pair-set.js';

/** An interner of texts: each distinct text's id, in order of first appearance. */
export interface TextIds {
  /** The distinct texts, by id. */
  readonly texts: string[];
  /** The text's id; a text not seen before is added with the next id. */
  idOf(text: string): number;
}

/**
 * Interns texts in an open-addressing table of ids in a typed array, where a `Map` keyed by the texts
 * grows an ordered hash table on the heap: a large table's columns hold tens of thousands of values.
 * Sized for `expected` texts, it does not grow before holding more.
 */
export function createTextIds(expected = 0): TextIds {
  const texts: string[] = [];
  /** Per id: its text's hash (typed, with room to grow). */
  let hashes = new Int32Array(Math.max(32, expected));
  /** Ids by hash; -1 marks an empty slot. */
  let table = new Int32Array(hashSlots(expected, 0.5, 64)).fill(-1);

  const grow = (): void => {
    table = new Int32Array(table.length * 2).fill(-1);
    const mask = table.length - 1;
    for (let id = 0; id < texts.length; id++) {
      let slot = hashes[id]! & mask;
      while (table[slot] !== -1) slot = (slot + 1) & mask;
      table[slot] = id;
    }
  };
  return {
    texts,
    idOf(text) {
      let hash = FNV_OFFSET;
      for (let i = 0; i < text.length; i++) hash = fnvStep(hash, text.charCodeAt(i));
      hash = mix(hash);
      const mask = table.length - 1;
      let slot = hash & mask;
      for (let id = table[slot]!; id !== -1; id = table[slot]!) {
        if (hashes[id] === hash && texts[id] === text) return id;
        slot = (slot + 1) & mask;
      }
      const id = texts.length;
      texts.push(text);
      hashes = withRoom(hashes, id + 1);
      hashes[id] = hash;
      table[slot] = id;
      // Kept at most half full: short probe runs.
      if (texts.length * 2 > table.length) grow();
      return id;
    },
  };
}
