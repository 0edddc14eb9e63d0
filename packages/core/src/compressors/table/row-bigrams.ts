import type { KItems } from '../json/adaptive-k.js';
import type { IdPairSet } from '../json/id-pair-set.js';
import type { WordIds } from '../json/word-ids.js';
import type { Field, RowLayout, TableRows } from './table-rows.js';

/**
 * What one adaptive-k run (one word interner) worked out per field and distinct value: the next
 * key's first word id its bigrams were added with (-2: not added yet; -1: no next key), and how many.
 */
interface Added {
  before: Int32Array;
  bigrams: Int32Array;
}

/**
 * The rows as adaptive-k reads them, their word bigrams those of their JSON — the keys' words
 * (interned once per layout) around the cells' — without writing it: a row's JSON is written only for
 * the rows read (the sample adaptive-k fingerprints, the kept rows), from its cells' JSON.
 */
export function rowItems(rows: TableRows): KItems {
  const { fields, layouts } = rows;
  const keyJson = fields.map((field) => JSON.stringify(field.key));
  const json = fields.map((field) => new Array<string | undefined>(field.texts.length));
  // Key words are interned by one adaptive-k run's word ids; another run interns them again.
  const keyIds = new Map<RowLayout, KeyWords>();
  let added: Added[] = [];
  let interner: WordIds | undefined;
  const keyWords = (layout: RowLayout, wordIds: WordIds): KeyWords => {
    if (interner !== wordIds) {
      interner = wordIds;
      keyIds.clear();
      added = fields.map((field) => ({
        before: new Int32Array(field.texts.length).fill(-2),
        bigrams: new Int32Array(field.texts.length),
      }));
    }
    let keys = keyIds.get(layout);
    if (!keys) {
      const ids = layout.fields.map((field) => {
        const count = wordIds.read(keyJson[field]!);
        return wordIds.ids.slice(0, count);
      });
      keys = { ids, allWords: ids.every((key) => key.length > 0) };
      keyIds.set(layout, keys);
    }
    return keys;
  };
  return {
    length: rows.length,
    text(index) {
      const layout = layouts[index]!;
      const parts: string[] = [];
      for (const field of layout.fields) {
        const { texts, numbers, ids } = fields[field]!;
        const id = ids[index]!;
        const cached = json[field]!;
        cached[id] ??= Number.isNaN(numbers[id]!) ? JSON.stringify(texts[id]!) : texts[id]!;
        parts.push(`${keyJson[field]}:${cached[id]}`);
      }
      return `{${parts.join(',')}}`;
    },
    addBigrams(index, wordIds, seen) {
      const layout = layouts[index]!;
      const keys = keyWords(layout, wordIds);
      if (!keys.allWords) return addAll({ fields, layout, index, keys: keys.ids, wordIds, seen });
      // Every key having a word, no bigram spans two values: a value's bigrams depend on its key and
      // the next one alone, and are added once per next key (the pair reaching into its first word).
      let bigrams = 0;
      const count = keys.ids.length;
      for (let entry = 0; entry < count; entry++) {
        const key = keys.ids[entry]!;
        const next = entry + 1 < count ? keys.ids[entry + 1]![0]! : -1;
        const field = layout.fields[entry]!;
        const { before, bigrams: known } = added[field]!;
        const id = fields[field]!.ids[index]!;
        if (before[id] !== next) {
          before[id] = next;
          known[id] = addStretch(key, cellWords(fields[field]!, id), next, wordIds, seen);
        }
        bigrams += known[id]!;
      }
      return bigrams;
    },
  };
}

/** The word ids of a layout's keys, and whether every key has a word. */
interface KeyWords {
  ids: Int32Array[];
  allWords: boolean;
}

/**
 * Adds the bigrams of one entry's stretch of a row's words — its key's, its value's, and the pair
 * reaching into the next key's first word (`next`, -1: none) — and returns how many there are.
 */
function addStretch(
  key: Int32Array,
  value: string,
  next: number,
  wordIds: WordIds,
  seen: IdPairSet,
): number {
  for (let i = 1; i < key.length; i++) seen.add(key[i - 1]!, key[i]!);
  let previous = key[key.length - 1]!;
  const count = wordIds.read(value);
  const ids = wordIds.ids;
  for (let i = 0; i < count; i++) {
    seen.add(previous, ids[i]!);
    previous = ids[i]!;
  }
  if (next !== -1) seen.add(previous, next);
  return key.length + count - (next !== -1 ? 0 : 1);
}

/** The bigrams of a whole row's words, for layouts where some key has no word. */
function addAll({
  fields,
  layout,
  index,
  keys,
  wordIds,
  seen,
}: {
  fields: readonly Field[];
  layout: RowLayout;
  index: number;
  keys: readonly Int32Array[];
  wordIds: WordIds;
  seen: IdPairSet;
}): number {
  let previous = -1;
  let words = 0;
  const add = (ids: Int32Array, count: number): void => {
    for (let i = 0; i < count; i++) {
      if (previous !== -1) seen.add(previous, ids[i]!);
      previous = ids[i]!;
    }
    words += count;
  };
  for (let i = 0; i < keys.length; i++) {
    add(keys[i]!, keys[i]!.length);
    const field = fields[layout.fields[i]!]!;
    const count = wordIds.read(cellWords(field, field.ids[index]!));
    add(wordIds.ids, count);
  }
  return Math.max(0, words - 1);
}

/**
 * A distinct value's JSON, or a text with the same words: a number, or a string without escapes
 * that add word characters, is its own. Quotes and backslashes are escaped by punctuation alone;
 * control characters and surrogates (lone ones become `\udxxx`) are left to `JSON.stringify`.
 */
function cellWords(field: Field, id: number): string {
  const text = field.texts[id]!;
  if (!Number.isNaN(field.numbers[id]!)) return text;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0xd800 && code <= 0xdfff)) return JSON.stringify(text);
  }
  return text;
}
