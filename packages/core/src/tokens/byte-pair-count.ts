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
  return length <= SCAN_LIMIT
    ? countByScan(table, bytes, length)
    : countByHeap(table, bytes, length);
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

/**
 * The same merge with the parts in a linked list keyed by their first byte and an indexed
 * min-heap of pairs: each merge touches two neighbours, O(log n) each. A pair's key packs
 * (rank, position) into one double — ranks stay below 2^21 and positions below 2^32 — so the
 * heap compares one number and ties go to the leftmost pair.
 */
function countByHeap(table: RankTable, bytes: Uint8Array, length: number): number {
  const next = new Int32Array(length + 1);
  const prev = new Int32Array(length);
  const key = new Float64Array(length);
  const heap = new Int32Array(length);
  const slot = new Int32Array(length).fill(-1);
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
