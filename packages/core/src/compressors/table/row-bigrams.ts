import type { KItems } from '../json/adaptive-k.js';
import type { IdPairSet } from '../json/id-pair-set.js';
import type { WordIds } from '../json/word-ids.js';
import type { Cell, Leaf, RowLayout, TableRows } from './table-rows.js';

/** Characters `JSON.stringify` escapes (control characters, quotes, backslashes, lone surrogates). */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * The rows as adaptive-k reads them, their word bigrams those of their JSON — the keys' words
 * (interned once per layout) around the cells' — without writing it: a row's JSON is written only for
 * the rows read (the sample adaptive-k fingerprints, the kept rows), from its cells' JSON.
 */
export function rowItems(rows: TableRows): KItems {
  const { fields, layouts } = rows;
  const keyJson = fields.map((field) => JSON.stringify(field.key));
  // Key words are interned by one adaptive-k run's word ids; another run interns them again.
  const keyIds = new Map<RowLayout, Int32Array[]>();
  let interner: WordIds | undefined;
  const keyWords = (layout: RowLayout, wordIds: WordIds): Int32Array[] => {
    if (interner !== wordIds) {
      interner = wordIds;
      keyIds.clear();
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
  const cellOf = (index: number, field: number): Cell => {
    const { cells, ids } = fields[field]!;
    return cells[ids[index]!]!;
  };
  return {
    length: rows.length,
    text(index) {
      const layout = layouts[index]!;
      const parts: string[] = [];
      for (const field of layout.fields) {
        const cell = cellOf(index, field);
        cell.json ??= cell.leaf.t === 'number' ? cell.leaf.raw : JSON.stringify(cell.leaf.v);
        parts.push(`${keyJson[field]}:${cell.json}`);
      }
      return `{${parts.join(',')}}`;
    },
    addBigrams(index, wordIds, seen) {
      const layout = layouts[index]!;
      const keys = keyWords(layout, wordIds);
      if (keys.some((ids) => ids.length === 0)) {
        const cells = layout.fields.map((field) => cellOf(index, field));
        return addAll(cells, keys, wordIds, seen);
      }
      let bigrams = 0;
      for (let i = 0; i < keys.length; i++)
        bigrams += addCell(cellOf(index, layout.fields[i]!), i, keys, wordIds, seen);
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
function addCell(
  cell: Cell,
  entry: number,
  keys: readonly Int32Array[],
  wordIds: WordIds,
  seen: IdPairSet,
): number {
  const next = keys[entry + 1];
  const before = next ? next[0]! : -1;
  if (cell.addedWith === wordIds && cell.addedBefore === before) return cell.bigrams;
  const keyIds = keys[entry]!;
  for (let i = 1; i < keyIds.length; i++) seen.add(keyIds[i - 1]!, keyIds[i]!);
  let previous = keyIds[keyIds.length - 1]!;
  const count = wordIds.read(cellWords(cell.leaf));
  const ids = wordIds.ids;
  for (let i = 0; i < count; i++) {
    seen.add(previous, ids[i]!);
    previous = ids[i]!;
  }
  if (next) seen.add(previous, before);
  cell.addedWith = wordIds;
  cell.addedBefore = before;
  cell.bigrams = keyIds.length + count - (next ? 0 : 1);
  return cell.bigrams;
}

/** The bigrams of a whole row's words, for layouts where some key has no word. */
function addAll(
  cells: readonly Cell[],
  keys: readonly Int32Array[],
  wordIds: WordIds,
  seen: IdPairSet,
): number {
  let previous = -1;
  let words = 0;
  const add = (ids: Int32Array, count: number): void => {
    for (let i = 0; i < count; i++) {
      if (previous !== -1) seen.add(previous, ids[i]!);
      previous = ids[i]!;
    }
    words += count;
  };
  for (let i = 0; i < cells.length; i++) {
    add(keys[i]!, keys[i]!.length);
    const count = wordIds.read(cellWords(cells[i]!.leaf));
    add(wordIds.ids, count);
  }
  return Math.max(0, words - 1);
}

/** A cell's JSON, or a text with the same words (a string that needs no escapes is its own). */
function cellWords(leaf: Leaf): string {
  if (leaf.t === 'number') return leaf.raw;
  return ESCAPED.test(leaf.v) ? JSON.stringify(leaf.v) : leaf.v;
}
