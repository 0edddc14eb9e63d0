import type { KItems } from '../json/adaptive-k.js';
import type { IdPairSet } from '../json/id-pair-set.js';
import type { WordIds } from '../json/word-ids.js';
import type { Cell, Leaf, RowLayout, TableRows } from './table-rows.js';

/** Characters `JSON.stringify` escapes (control characters, quotes, backslashes, lone surrogates). */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * The rows as adaptive-k reads them, their word bigrams those of their JSON — the keys' words
 * (interned once per layout) around the cells' — without writing it: a row's JSON is written only for
 * the sample adaptive-k fingerprints.
 */
export function rowItems(rows: TableRows): KItems {
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
      ids = layout.keys.map(([key]) => wordIds(JSON.stringify(key)).slice());
      keyIds.set(layout, ids);
    }
    return ids;
  };
  return {
    length: rows.views.length,
    text: (index) => rows.views[index]!.json,
    addBigrams(index, wordIds, seen) {
      const keys = keyWords(rows.layouts[index]!, wordIds);
      const cells = rows.cells[index]!;
      if (keys.some((ids) => ids.length === 0)) return addAll(cells, keys, wordIds, seen);
      let bigrams = 0;
      for (let i = 0; i < cells.length; i++) bigrams += addCell(cells[i]!, i, keys, wordIds, seen);
      return bigrams;
    },
  };
}

/**
 * Adds the bigrams of one entry's stretch of a row's words — its key's, its value's, and the pair
 * reaching into the next key's first word — and returns how many there are. Every key having a word,
 * no bigram spans two values: a value's bigrams depend on its column alone, and are added once.
 */
function addCell(
  cell: Cell,
  entry: number,
  keys: readonly Int32Array[],
  wordIds: WordIds,
  seen: IdPairSet,
): number {
  if (cell.addedWith === wordIds) return cell.bigrams!;
  const keyIds = keys[entry]!;
  for (let i = 1; i < keyIds.length; i++) seen.add(keyIds[i - 1]!, keyIds[i]!);
  let previous = keyIds[keyIds.length - 1]!;
  const ids = wordIds(cellJson(cell.entry[1]));
  for (let i = 0; i < ids.length; i++) {
    seen.add(previous, ids[i]!);
    previous = ids[i]!;
  }
  const next = keys[entry + 1];
  if (next) seen.add(previous, next[0]!);
  cell.addedWith = wordIds;
  cell.bigrams = keyIds.length + ids.length - (next ? 0 : 1);
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
  const add = (ids: Int32Array): void => {
    for (let i = 0; i < ids.length; i++) {
      if (previous !== -1) seen.add(previous, ids[i]!);
      previous = ids[i]!;
    }
    words += ids.length;
  };
  for (let i = 0; i < cells.length; i++) {
    add(keys[i]!);
    add(wordIds(cellJson(cells[i]!.entry[1])));
  }
  return Math.max(0, words - 1);
}

/** A cell's JSON, or a text with the same words (a string that needs no escapes is its own). */
function cellJson(leaf: Leaf): string {
  if (leaf.t === 'number') return leaf.raw;
  return ESCAPED.test(leaf.v) ? JSON.stringify(leaf.v) : leaf.v;
}
