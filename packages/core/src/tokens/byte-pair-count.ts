import type { RankTable } from './rank-table.js';

/**
 * Pieces up to this many bytes merge with a plain scan for the lowest pair (quadratic, but tiny
 * constant); longer ones use a heap so that no piece costs more than O(n log n).
 */
const SCAN_LIMIT = 96;

/**
 * Number of tokens tiktoken's byte-pair merge produces for `bytes[0..length)`: repeatedly merge the
 * adjacent pair whose concatenation has the lowest rank, the leftmost on ties — js-tiktoken's rule.
 */
export function countBytePairTokens(table: RankTable, bytes: Uint8Array, length: number): number {
  if (length <= 1) return length;
  if (length <= SCAN_LIMIT) return countByScan(table, bytes, length);
  if (length <= WINDOW) return countByHeap(table, bytes, length);
  return countInWindows(table, bytes, length) ?? countByHeap(table, bytes, length);
}

/** {@link countBytePairTokens} by one heap merge over the whole piece: O(n log n) time, ~24 bytes of memory per byte. */
export function countByHeap(table: RankTable, bytes: Uint8Array, length: number): number {
  return mergeByHeap(table, bytes, length, heapBuffers(length));
}

/** Pieces longer than this are merged a window at a time. */
const WINDOW = 1 << 16;
/** A window's last parts may differ from the whole piece's (its end cuts the text): they are merged again with the next window. */
const MARGIN = 1 << 10;

/**
 * The merge of a long piece (a megabyte of one letter or of spaces) in windows, so time is linear and
 * memory fixed. Sound because of two facts about this merge (lowest rank first, leftmost on ties), both
 * shown by following the merges inside the two tokens' span: in any piece's result, two neighbouring
 * tokens merged on their own give back those two tokens ("compatible"); and a sequence of tokens whose
 * neighbours are all compatible is the result of merging their bytes. So each window's parts up to a
 * cut near its end are kept, the next window starts at the cut, and the pair that meets at every cut is
 * checked; undefined when a check fails (the caller merges the whole piece).
 */
export function countInWindows(
  table: RankTable,
  bytes: Uint8Array,
  length: number,
  sizes: { window: number; margin: number } = { window: WINDOW, margin: MARGIN },
): number | undefined {
  const window = heapBuffers(sizes.window);
  const pair = heapBuffers(2 * table.maxTokenBytes);
  let count = 0;
  let start = 0;
  // The last kept token is bytes[lastStart..start).
  let lastStart = -1;
  // The window merged last, whose parts `window` still holds: a run of one letter or one pattern gives the same bytes again.
  let merged = { start: 0, end: 0, parts: 0 };
  for (;;) {
    const end = Math.min(length, start + sizes.window);
    if (
      merged.end - merged.start !== end - start ||
      !sameBytes(bytes, merged.start, start, end - start)
    )
      merged = {
        start,
        end,
        parts: mergeByHeap(table, bytes.subarray(start, end), end - start, window),
      };
    const parts = merged.parts;
    const next = window.next;
    if (lastStart >= 0) {
      const firstEnd = start + next[0]!;
      const joined = bytes.subarray(lastStart, firstEnd);
      const merged = mergeByHeap(table, joined, firstEnd - lastStart, pair);
      if (merged !== 2 || pair.next[0] !== start - lastStart) return undefined;
    }
    if (end === length) return count + parts;
    const limit = end - start - sizes.margin;
    let at = 0;
    let previous = -1;
    while (next[at]! <= limit) {
      previous = at;
      at = next[at]!;
      count++;
    }
    if (previous < 0) return undefined;
    lastStart = start + previous;
    start += at;
  }
}

const NONE = 0x7fffffff;
const scanStarts = new Int32Array(SCAN_LIMIT + 1);
const scanRanks = new Int32Array(SCAN_LIMIT + 1);

function countByScan(table: RankTable, bytes: Uint8Array, length: number): number {
  const starts = scanStarts;
  const ranks = scanRanks;
  // starts[i] is where part i begins; ranks[i] the rank of part i merged with part i + 1.
  for (let i = 0; i <= length; i++) starts[i] = i;
  for (let i = 0; i < length - 1; i++) ranks[i] = orNone(table.rank(bytes, i, i + 2));
  let parts = length;
  for (;;) {
    let best = NONE;
    let at = -1;
    for (let i = 0; i < parts - 1; i++) {
      if (ranks[i]! < best) {
        best = ranks[i]!;
        at = i;
      }
    }
    if (at < 0) return parts;
    // Part at + 1 joins part at: shift the tails left by one.
    for (let i = at + 1; i < parts; i++) {
      starts[i] = starts[i + 1]!;
      ranks[i] = ranks[i + 1]!;
    }
    parts--;
    ranks[at] = at < parts - 1 ? orNone(table.rank(bytes, starts[at]!, starts[at + 2]!)) : NONE;
    if (at > 0) ranks[at - 1] = orNone(table.rank(bytes, starts[at - 1]!, starts[at + 1]!));
  }
}

function orNone(rank: number): number {
  return rank < 0 ? NONE : rank;
}

function sameBytes(bytes: Uint8Array, a: number, b: number, length: number): boolean {
  if (a === b) return false;
  for (let i = 0; i < length; i++) if (bytes[a + i] !== bytes[b + i]) return false;
  return true;
}

/** Working arrays of {@link mergeByHeap}, for pieces up to their capacity. */
interface HeapBuffers {
  next: Int32Array;
  prev: Int32Array;
  key: Float64Array;
  heap: Int32Array;
  slot: Int32Array;
}

function heapBuffers(capacity: number): HeapBuffers {
  return {
    next: new Int32Array(capacity + 1),
    prev: new Int32Array(capacity),
    key: new Float64Array(capacity),
    heap: new Int32Array(capacity),
    slot: new Int32Array(capacity),
  };
}

/**
 * The same merge with the parts in a linked list keyed by their first byte and an indexed
 * min-heap of pairs: each merge touches two neighbours, O(log n) each. A pair's key packs
 * (rank, position) into one double — ranks stay below 2^21 and positions below 2^32 — so the
 * heap compares one number and ties go to the leftmost pair. Returns the number of parts; `buffers.next`
 * then links each part's start to the next one's.
 */
function mergeByHeap(
  table: RankTable,
  bytes: Uint8Array,
  length: number,
  buffers: HeapBuffers,
): number {
  const { next, prev, key, heap, slot } = buffers;
  slot.fill(-1, 0, length);
  let size = 0;

  const siftUp = (at: number, part: number): void => {
    const k = key[part]!;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const above = heap[parent]!;
      if (key[above]! <= k) break;
      heap[at] = above;
      slot[above] = at;
      at = parent;
    }
    heap[at] = part;
    slot[part] = at;
  };
  const siftDown = (at: number, part: number): void => {
    const k = key[part]!;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      let below = heap[child]!;
      if (child + 1 < size && key[heap[child + 1]!]! < key[below]!) below = heap[++child]!;
      if (key[below]! >= k) break;
      heap[at] = below;
      slot[below] = at;
      at = child;
    }
    heap[at] = part;
    slot[part] = at;
  };
  const remove = (part: number): void => {
    const at = slot[part]!;
    if (at < 0) return;
    slot[part] = -1;
    size--;
    if (at === size) return;
    const moved = heap[size]!;
    siftDown(at, moved);
    if (slot[moved] === at) siftUp(at, moved);
  };
  /** Sets the pair starting at `part` to `rank` (-1: no such token, the pair leaves the heap). */
  const setRank = (part: number, rank: number): void => {
    if (rank < 0) {
      remove(part);
      return;
    }
    const old = key[part]!;
    const k = rank * PACK + part;
    key[part] = k;
    const at = slot[part]!;
    if (at < 0) siftUp(size++, part);
    else if (k < old) siftUp(at, part);
    else siftDown(at, part);
  };

  for (let i = 0; i < length; i++) {
    next[i] = i + 1;
    prev[i] = i - 1;
  }
  next[length] = length;
  for (let i = 0; i < length - 1; i++) {
    const rank = table.rank(bytes, i, i + 2);
    if (rank >= 0) {
      key[i] = rank * PACK + i;
      heap[size] = i;
      slot[i] = size++;
    }
  }
  for (let at = (size >> 1) - 1; at >= 0; at--) siftDown(at, heap[at]!);

  let parts = length;
  while (size > 0) {
    const left = heap[0]!;
    const right = next[left]!;
    remove(right);
    const after = next[right]!;
    next[left] = after;
    if (after < length) prev[after] = left;
    parts--;
    setRank(left, after < length ? table.rank(bytes, left, next[after]!) : -1);
    const p = prev[left]!;
    if (p >= 0) setRank(p, table.rank(bytes, p, after));
  }
  return parts;
}

const PACK = 2 ** 32;
