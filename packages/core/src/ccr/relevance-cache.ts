import { type Bm25Index, createBm25Index, rankIndexed } from '../relevance/bm25-index.js';
import type { Ranker } from '../types.js';
import { type BoundedLru, createBoundedLru } from '../util/bounded-lru.js';
import type { CcrStore } from './store.js';

/** Most originals whose indexes one store keeps. */
const MAX_ORIGINALS = 16;
/**
 * Most characters one store's indexes count (each original's length times {@link SETS_PER_ORIGINAL}):
 * a 385 KB log's lines and units take about 2 MB of heap, so this bound is about 15 MB.
 */
const MAX_CHARS = 8_000_000;
/**
 * Most document sets indexed per original: a splitter may split one original in a few ways (a log's
 * lines, its units, the traces one query names), and each way is asked again by the next query.
 */
const SETS_PER_ORIGINAL = 3;

interface IndexedSet {
  documents: readonly string[];
  index: Bm25Index;
}

interface OriginalIndexes {
  original: string;
  sets: IndexedSet[];
}

/**
 * BM25 indexes of the originals a store was recently queried on, so the next query on one of them
 * only scores. One cache per store (a WeakMap: it goes with the store): nothing indexed from one
 * store's originals answers another's. Within a store the stored key carries the scope, and an index
 * is only used for the very documents it was built from, so a stale or foreign entry is never read.
 */
const caches = new WeakMap<CcrStore, BoundedLru<string, OriginalIndexes>>();

/**
 * A {@link Ranker} for `original`, stored under `stored` in `store`: it ranks exactly as
 * `rankByRelevance`, reusing the index of any document set already ranked for this original.
 */
export function cachedRanker(
  store: CcrStore,
  { stored, original }: { stored: string; original: string },
): Ranker {
  let cache = caches.get(store);
  if (!cache) {
    cache = createBoundedLru({
      maxEntries: MAX_ORIGINALS,
      maxSize: MAX_CHARS,
      // Each indexed set is at most the original's characters (units are pieces of it).
      sizeOf: (entry) => entry.original.length * SETS_PER_ORIGINAL,
    });
    caches.set(store, cache);
  }
  let entry = cache.get(stored);
  if (entry?.original !== original) {
    entry = { original, sets: [] };
    cache.set(stored, entry);
  }
  const { sets } = entry;
  return (documents, query) => {
    let found = sets.findIndex((set) => sameDocuments(set.documents, documents));
    if (found < 0) {
      sets.unshift({ documents, index: createBm25Index(documents) });
      sets.length = Math.min(sets.length, SETS_PER_ORIGINAL);
      found = 0;
    }
    const [set] = sets.splice(found, 1);
    sets.unshift(set as IndexedSet);
    return rankIndexed((set as IndexedSet).index, query);
  };
}

function sameDocuments(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((document, i) => document === b[i]));
}
