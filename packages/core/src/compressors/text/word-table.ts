/** A map from words to values that a caller looks up by a range of a text and its hash, without slicing the word out. */
export interface WordTable<T> {
  /** The value of `text[start..end)`, whose hash is `hash` (FNV-1a over its UTF-16 code units, `fnvStep` from `FNV_OFFSET`); undefined when absent. */
  get(text: string, start: number, end: number, hash: number): T | undefined;
  set(word: string, hash: number, value: T): void;
  readonly size: number;
  clear(): void;
}

/**
 * An open-addressing {@link WordTable}. A Map keyed by words needs each one sliced out (a new string per word of
 * a text) and hashed again; prose is mostly words seen before, so the lookup is most of what happens per word.
 */
export function createWordTable<T>(): WordTable<T> {
  let slots = new Int32Array(1 << 10);
  let words: string[] = [];
  let hashes: number[] = [];
  let values: T[] = [];

  const place = (index: number): void => {
    const mask = slots.length - 1;
    let slot = hashes[index]! & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = index + 1;
  };

  return {
    get(text, start, end, hash) {
      const mask = slots.length - 1;
      const length = end - start;
      for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
        const entry = slots[slot]!;
        if (entry === 0) return undefined;
        const word = words[entry - 1]!;
        if (hashes[entry - 1] !== hash || word.length !== length) continue;
        let same = true;
        for (let k = 0; k < length; k++) {
          if (word.charCodeAt(k) !== text.charCodeAt(start + k)) {
            same = false;
            break;
          }
        }
        if (same) return values[entry - 1];
      }
    },
    set(word, hash, value) {
      words.push(word);
      hashes.push(hash);
      values.push(value);
      // At most half full, so probes stay short.
      if (words.length * 2 > slots.length) {
        slots = new Int32Array(slots.length * 2);
        for (let i = 0; i < words.length; i++) place(i);
      } else place(words.length - 1);
    },
    get size() {
      return words.length;
    },
    clear() {
      slots = new Int32Array(1 << 10);
      words = [];
      hashes = [];
      values = [];
    },
  };
}
