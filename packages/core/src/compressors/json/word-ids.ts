import { FNV_OFFSET, fnvStep } from '../../util/fnv.js';
import { isTermChar } from '../../relevance/tokenize.js';
import { withRoom } from '../../util/with-room.js';
import { mix, slotsFor } from './id-pair-set.js';

/** An interner of the words of texts. */
export interface WordIds {
  /**
   * Reads the words of a text: returns how many there are, their ids at the start of {@link ids}
   * (overwritten by the next read: no array is made per text).
   */
  read(text: string): number;
  /** The ids of the last text read's words, then stale ones; replaced when a text has more. */
  readonly ids: Int32Array;
}

/** Per ASCII code unit: the unit lowercased when it belongs in a word, else 0 (one load per char). */
const WORD_UNIT = new Uint8Array(128);
for (let code = 0; code < 128; code++)
  if (isTermChar(code)) WORD_UNIT[code] = code >= 65 && code <= 90 ? code | 0x20 : code;

/** The code unit lowercased if it belongs in a word, else 0. */
function wordUnit(code: number): number {
  return code < 128 ? WORD_UNIT[code]! : 0;
}

/**
 * Interns the words of texts — the `[a-z0-9_]+` runs of the lowercased text — as small integer ids,
 * in order of first appearance. ASCII text is scanned in place: a word is hashed and compared where
 * it stands, and a new one is copied into a byte pool (words are ASCII), so interning makes no string
 * (arrays of 100k items hold millions of words, tens of thousands of them distinct).
 */
export function createWordIds(expected = 0): WordIds {
  let interned = 0;
  /** Per id: where its word starts in `pool`; the next id's start is where it ends. */
  let starts = new Int32Array(1025);
  let pool = new Uint8Array(8192);
  /** Slot i holds a word's hash at 2i and its id at 2i + 1 (-1: empty), so a probe reads one cache line. */
  let slots = new Int32Array(2 * slotsFor(expected)).fill(-1);
  let out = new Int32Array(256);

  // Fourfold: a large array's words and bigrams pass through several sizes, each a rehash of all.
  const grow = (): void => {
    const next = new Int32Array(slots.length * 4).fill(-1);
    const mask = (next.length >> 1) - 1;
    for (let at = 1; at < slots.length; at += 2) {
      const id = slots[at]!;
      if (id === -1) continue;
      let slot = slots[at - 1]! & mask;
      while (next[(slot << 1) + 1] !== -1) slot = (slot + 1) & mask;
      next[slot << 1] = slots[at - 1]!;
      next[(slot << 1) + 1] = id;
    }
    slots = next;
  };

  const idOf = (text: string, start: number, end: number, hash: number): number => {
    const table = slots;
    const mask = (table.length >> 1) - 1;
    const length = end - start;
    let slot = hash & mask;
    for (let id = table[(slot << 1) + 1]!; id !== -1; id = table[(slot << 1) + 1]!) {
      if (table[slot << 1] === hash) {
        const from = starts[id]!;
        if (starts[id + 1]! - from === length) {
          let i = 0;
          while (i < length && pool[from + i] === wordUnit(text.charCodeAt(start + i))) i++;
          if (i === length) return id;
        }
      }
      slot = (slot + 1) & mask;
    }
    const id = interned++;
    starts = withRoom(starts, interned + 1);
    const from = starts[id]!;
    pool = withRoom(pool, from + length);
    for (let i = 0; i < length; i++) pool[from + i] = wordUnit(text.charCodeAt(start + i));
    starts[id + 1] = from + length;
    table[slot << 1] = hash;
    table[(slot << 1) + 1] = id;
    if (interned * 10 > (table.length >> 1) * 7) grow();
    return id;
  };

  const read = (text: string): number => {
    let source = text;
    let lowered = false;
    let count = 0;
    let at = 0;
    while (at < source.length) {
      const first = source.charCodeAt(at);
      const unit = wordUnit(first);
      if (unit === 0) {
        // Lowercasing turns some non-ASCII letters into ASCII ones (İ, the Kelvin sign): such text is
        // scanned again lowercased (the words already interned stay, as words of other texts could).
        if (first >= 128 && !lowered) {
          source = text.toLowerCase();
          lowered = true;
          count = 0;
          at = 0;
        } else at++;
        continue;
      }
      const start = at;
      let hash = fnvStep(FNV_OFFSET, unit);
      for (at++; at < source.length; at++) {
        const next = wordUnit(source.charCodeAt(at));
        if (next === 0) break;
        hash = fnvStep(hash, next);
      }
      out = withRoom(out, count + 1);
      out[count++] = idOf(source, start, at, mix(hash));
    }
    return count;
  };
  return {
    read,
    get ids() {
      return out;
    },
  };
}
