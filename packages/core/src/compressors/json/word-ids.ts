import { FNV_OFFSET, fnvStep } from '../../util/fnv.js';
import { isTermChar } from '../../relevance/tokenize.js';
import { mix } from './id-pair-set.js';

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

/**
 * Interns the words of texts — the `[a-z0-9_]+` runs of the lowercased text — as small integer ids,
 * in order of first appearance. ASCII text is scanned in place: a word is hashed and compared where
 * it stands, so a word seen before costs no string (arrays of 100k items hold millions of words).
 */
export function createWordIds(): WordIds {
  const words: string[] = [];
  /** Slot i holds a word's hash at 2i and its id at 2i + 1 (-1: empty), so a probe reads one cache line. */
  let slots = new Int32Array(2048).fill(-1);
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
    const mask = (slots.length >> 1) - 1;
    let slot = hash & mask;
    for (let id = slots[(slot << 1) + 1]!; id !== -1; id = slots[(slot << 1) + 1]!) {
      if (slots[slot << 1] === hash && sameWord(words[id]!, text, start, end)) return id;
      slot = (slot + 1) & mask;
    }
    const id = words.length;
    words.push(text.slice(start, end).toLowerCase());
    slots[slot << 1] = hash;
    slots[(slot << 1) + 1] = id;
    if (words.length * 10 > (slots.length >> 1) * 7) grow();
    return id;
  };

  const read = (text: string): number => {
    let source = text;
    let lowered = false;
    let count = 0;
    let at = 0;
    while (at < source.length) {
      const first = source.charCodeAt(at);
      if (!isTermChar(first)) {
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
      let hash = FNV_OFFSET;
      for (; at < source.length; at++) {
        const code = source.charCodeAt(at);
        if (!isTermChar(code)) break;
        hash = fnvStep(hash, lower(code));
      }
      if (count === out.length) {
        const bigger = new Int32Array(out.length * 2);
        bigger.set(out);
        out = bigger;
      }
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

function lower(code: number): number {
  return code >= 65 && code <= 90 ? code | 0x20 : code;
}

function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++)
    if (word.charCodeAt(i) !== lower(text.charCodeAt(start + i))) return false;
  return true;
}
