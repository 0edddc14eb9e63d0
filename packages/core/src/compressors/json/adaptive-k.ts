import type { CrushOptions } from './crush-options.js';
import { hammingDistance, simhash, type Fingerprint } from './simhash.js';
import { createIdPairSet, type IdPairSet } from './id-pair-set.js';
import { createWordIds, type WordIds } from './word-ids.js';

/** Near-duplicates: fingerprints at most this many bits apart. */
const NEAR_DUPLICATE_BITS = 3;
/** Fingerprinting looks at an even sample of this many items and this many characters of each. */
const SAMPLE_ITEMS = 500;
const SAMPLE_CHARS = 1024;
/** A knee must stand this far above the diagonal of the normalised curve to count. */
const KNEE_MIN_DEVIATION = 0.05;
/** A guess at the distinct words an item brings (and half its distinct bigrams), to size the tables. */
const WORDS_PER_ITEM = 4;

/**
 * The items as adaptive-k reads them. A table adds each row's word bigrams from its cells, without
 * writing the row's JSON: `addBigrams` must leave `seen` as {@link textItems}' would.
 */
export interface KItems {
  length: number;
  /** The item's compact JSON (fingerprinted for a sample of the items). */
  text(index: number): string;
  /**
   * Adds the word bigrams of the item's JSON to `seen`, its words interned by `wordIds` (shared by the
   * items), and returns how many bigrams the JSON has, repeats included.
   */
  addBigrams(index: number, wordIds: WordIds, seen: IdPairSet): number;
}

/** Items that are texts (compact JSON), their words read from the text. */
export function textItems(texts: readonly string[]): KItems {
  return {
    length: texts.length,
    text: (index) => texts[index]!,
    addBigrams: (index, wordIds, seen) => {
      const count = wordIds.read(texts[index]!);
      const ids = wordIds.ids;
      for (let i = 1; i < count; i++) seen.add(ids[i - 1]!, ids[i]!);
      return Math.max(0, count - 1);
    },
  };
}

/**
 * How many items of an array are worth showing: all of a small array; few when the items are
 * near-duplicates (SimHash clusters); otherwise where new word bigrams stop appearing (the knee of
 * the cumulative unique-bigram curve), more when items stay diverse — always within [minK, maxK].
 */
export function adaptiveK(
  items: KItems,
  limits: Pick<CrushOptions, 'keepAllUpTo' | 'minK' | 'maxK'>,
): number {
  const n = items.length;
  if (n <= limits.keepAllUpTo) return n;
  const clusters = countClusters(items, limits.minK + 1);
  if (clusters <= limits.minK) return limits.minK;

  const { curve, bigrams } = uniqueBigramCurve(items);
  const distinct = curve[n - 1] ?? 0;
  const diversity = bigrams === 0 ? 0 : distinct / bigrams;
  const floor = Math.max(limits.minK, Math.floor(n * (0.3 + 0.7 * diversity)));
  const knee = findKnee(curve);
  let k: number;
  if (knee === undefined) k = floor;
  else k = diversity > 0.7 ? Math.max(knee, floor) : Math.max(limits.minK, knee);
  return Math.min(limits.maxK, Math.max(limits.minK, k));
}

/** Greedy SimHash clustering of a sample; stops counting once `stopAt` clusters are found. */
function countClusters(items: KItems, stopAt: number): number {
  const step = Math.max(1, items.length / SAMPLE_ITEMS);
  const centres: Fingerprint[] = [];
  for (let at = 0; at < items.length; at += step) {
    const print = simhash(items.text(Math.floor(at)).slice(0, SAMPLE_CHARS));
    if (centres.some((centre) => hammingDistance(centre, print) <= NEAR_DUPLICATE_BITS)) continue;
    centres.push(print);
    if (centres.length >= stopAt) break;
  }
  return centres.length;
}

/** curve[i] = distinct word bigrams seen in items 0..i; `bigrams` counts them with repeats. */
function uniqueBigramCurve(items: KItems): { curve: number[]; bigrams: number } {
  // Words become small integers and a bigram a pair of them: no string per bigram on arrays of 100k items.
  const wordIds = createWordIds(items.length * WORDS_PER_ITEM);
  const seen = createIdPairSet(items.length * WORDS_PER_ITEM * 2);
  let bigrams = 0;
  const curve = new Array<number>(items.length);
  for (let index = 0; index < items.length; index++) {
    bigrams += items.addBigrams(index, wordIds, seen);
    curve[index] = seen.size;
  }
  return { curve, bigrams };
}

/** Kneedle on a concave increasing curve: the item count where the curve bends flattest-first. */
function findKnee(curve: readonly number[]): number | undefined {
  const n = curve.length;
  const last = curve[n - 1] ?? 0;
  if (n < 2 || last === 0) return undefined;
  let best = -Infinity;
  let bestAt = -1;
  for (let i = 0; i < n; i++) {
    const deviation = curve[i]! / last - (i + 1) / n;
    if (deviation > best) {
      best = deviation;
      bestAt = i;
    }
  }
  return best > KNEE_MIN_DEVIATION ? bestAt + 1 : undefined;
}
