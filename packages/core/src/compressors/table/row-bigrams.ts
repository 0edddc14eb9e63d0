import type { KItems } from '../json/adaptive-k.js';
import type { IdPairSet } from '../json/id-pair-set.js';
import type { WordIds } from '../json/word-ids.js';
import type { Field, RowLayout, TableRows } from './table-rows.js';

/** Characters `JSON.stringify` escapes (control characters, quotes, backslashes, lone surrogates). */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * What one adaptive-k run (one word interner) worked out per field and distinct value: the next
 * key's first word id it was added with (-2: not added yet; -1: no next key) and its bigram count.
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
  const keyIds = new Map<RowLayout, Int32Array[]>();
  let added: Added[] = [];
  let interner: WordIds | undefined;
  const keyWords = (layout: RowLayout, wordIds: WordIds): Int32Array[] => {
    if (interner !== wordIds) {
      interner = wordIds;
      keyIds.clear();
      added = fields.map((field) => ({
        before: new Int32Array(field.texts.length).fill(-2),
        bigrams: new Int32Array(field.texts.length),
      }));
    }
    let ids = keyIds.get(layout);
    if (!ids) {
      ids = layout.fields.map((field) => {
        const count = wordIds.read(keyJson[field]!);
        return wordIds.ids.slice(0, count);
      });
      keyIds.set(layout, ids);
    }
    return ids;
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
      if (keys.some((ids) => ids.length === 0))
        return addAll({ fields, layout, index, keys, wordIds, seen });
      let bigrams = 0;
      for (let i = 0; i < keys.length; i++) {
        const field = layout.fields[i]!;
        const id = fields[field]!.ids[index]!;
        bigrams += addCell({
          field: fields[field]!,
          id,
          added: added[field]!,
          entry: i,
          keys,
          wordIds,
          seen,
        });
      }
      return bigrams;
    },
  };
}

/**
 * Adds the bigrams of one entry's stretch of a row's words — its key's, its value's, and the pair
 * reaching into the next key's first word — and returns how many there are. Every key having a word,
 * no bigram spans two values: a value's bigrams depend on its key and the next one alone, and are
 * added once per next key.
 */
function addCell({
  field,
  id,
  added,
  entry,
  keys,
  wordIds,
  seen,
}: {
  field: Field;
  id: number;
  added: Added;
  entry: number;
  keys: readonly Int32Array[];
  wordIds: WordIds;
  seen: IdPairSet;
}): number {
  const next = keys[entry + 1];
  const before = next ? next[0]! : -1;
  if (added.before[id] === before) return added.bigrams[id]!;
  const keyIds = keys[entry]!;
  for (let i = 1; i < keyIds.length; i++) seen.add(keyIds[i - 1]!, keyIds[i]!);
  let previous = keyIds[keyIds.length - 1]!;
  const count = wordIds.read(cellWords(field, id));
  const ids = wordIds.ids;
  for (let i = 0; i < count; i++) {
    seen.add(previous, ids[i]!);
    previous = ids[i]!;
  }
  if (next) seen.add(previous, before);
  added.before[id] = before;
  added.bigrams[id] = keyIds.length + count - (next ? 0 : 1);
  return added.bigrams[id]!;
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

/** A distinct value's JSON, or a text with the same words (a string that needs no escapes is its own). */
function cellWords(field: Field, id: number): string {
  const text = field.texts[id]!;
  if (!Number.isNaN(field.numbers[id]!)) return text;
  return ESCAPED.test(text) ? JSON.stringify(text) : text;
}
