/** A tiktoken vocabulary as compact typed arrays: byte sequence → rank, looked up without building strings. */
export interface RankTable {
  /** Rank of `bytes[start..end)`, or -1 when that byte sequence is not a token. */
  rank(bytes: Uint8Array, start: number, end: number): number;
  /** Rank of `text[start..end)` when those characters are all ASCII (so each is its own byte), or -1. */
  asciiRank(text: string, start: number, end: number): number;
  /** Length in bytes of the longest token: a longer sequence is never a token. */
  readonly maxTokenBytes: number;
  readonly size: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SIX_BITS = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) SIX_BITS[BASE64.charCodeAt(i)] = i;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, FNV_PRIME);
  return h >>> 0;
}

/**
 * Decodes js-tiktoken's `bpe_ranks` text (lines of `<tag> <first rank> <base64 token>…`, ranks
 * consecutive within a line) in one pass. js-tiktoken's own constructor builds a Map keyed by
 * comma-joined byte strings, which takes ~600 ms for o200k; this takes a few tens of milliseconds.
 */
export function decodeRankTable(bpeRanks: string): RankTable {
  const capacity = Math.ceil((bpeRanks.length * 3) / 4);
  const bytes = new Uint8Array(capacity);
  // Each token: where its bytes start in `bytes`, and its rank. One token per space-separated field.
  let fields = 1;
  for (let i = 0; i < bpeRanks.length; i++) if (bpeRanks.charCodeAt(i) === 32) fields++;
  const starts = new Uint32Array(fields + 1);
  const ranks = new Int32Array(fields);

  let count = 0;
  let written = 0;
  let maxTokenBytes = 0;
  let pos = 0;
  const length = bpeRanks.length;
  while (pos < length) {
    let lineEnd = bpeRanks.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = length;
    const tagEnd = bpeRanks.indexOf(' ', pos);
    if (tagEnd < 0 || tagEnd >= lineEnd) {
      pos = lineEnd + 1;
      continue;
    }
    const offsetEnd = bpeRanks.indexOf(' ', tagEnd + 1);
    const fieldEnd = offsetEnd < 0 || offsetEnd > lineEnd ? lineEnd : offsetEnd;
    let rank = Number.parseInt(bpeRanks.slice(tagEnd + 1, fieldEnd), 10);
    pos = fieldEnd + 1;
    while (pos <= lineEnd && pos < length) {
      starts[count] = written;
      let acc = 0;
      let bits = 0;
      let i = pos;
      for (; i < lineEnd; i++) {
        const code = bpeRanks.charCodeAt(i);
        if (code === 32) break;
        const value = code < 128 ? SIX_BITS[code]! : -1;
        if (value < 0) continue; // '=' padding
        acc = (acc << 6) | value;
        bits += 6;
        if (bits >= 8) {
          bits -= 8;
          bytes[written++] = (acc >> bits) & 0xff;
        }
      }
      if (i > pos) {
        ranks[count] = rank++;
        maxTokenBytes = Math.max(maxTokenBytes, written - starts[count]!);
        count++;
      }
      pos = i + 1;
    }
    pos = lineEnd + 1;
  }
  starts[count] = written;

  let slots = 1;
  while (slots < count * 2) slots <<= 1;
  const mask = slots - 1;
  // Token index + 1 per slot; 0 is empty. Linear probing keeps lookups to one or two cache lines.
  const table = new Int32Array(slots);
  for (let t = 0; t < count; t++) {
    let slot = hashBytes(bytes, starts[t]!, starts[t + 1]!) & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = t + 1;
  }

  const rank = (piece: Uint8Array, start: number, end: number): number => {
    const span = end - start;
    if (span > maxTokenBytes || span <= 0) return -1;
    let slot = hashBytes(piece, start, end) & mask;
    for (;;) {
      const entry = table[slot]!;
      if (entry === 0) return -1;
      const t = entry - 1;
      const from = starts[t]!;
      if (starts[t + 1]! - from === span) {
        let same = true;
        for (let k = 0; k < span; k++) {
          if (bytes[from + k] !== piece[start + k]) {
            same = false;
            break;
          }
        }
        if (same) return ranks[t]!;
      }
      slot = (slot + 1) & mask;
    }
  };
  const asciiBytes = new Uint8Array(maxTokenBytes);
  return {
    maxTokenBytes,
    size: count,
    rank,
    asciiRank(text, start, end) {
      const span = end - start;
      if (span > maxTokenBytes || span <= 0) return -1;
      // An ASCII character is its own UTF-8 byte: copy at most maxTokenBytes of them and look those up.
      for (let k = 0; k < span; k++) asciiBytes[k] = text.charCodeAt(start + k);
      return rank(asciiBytes, 0, span);
    },
  };
}
