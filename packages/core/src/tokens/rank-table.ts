import { FNV_OFFSET, FNV_PRIME } from '../util/fnv.js';
import { hashSlots } from '../util/hash-slots.js';

/** A tiktoken vocabulary as compact typed arrays: byte sequence → rank, looked up without building strings. */
export interface RankTable {
  /** Rank of `bytes[start..end)`, or -1 when that byte sequence is not a token. */
  rank(bytes: Uint8Array, start: number, end: number): number;
  /** Rank of `text[start..end)` when those characters are all ASCII (so each is its own byte); -1 when not a token or not ASCII. */
  asciiRank(text: string, start: number, end: number): number;
  /** Length in bytes of the longest token: a longer sequence is never a token. */
  readonly maxTokenBytes: number;
  readonly size: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SIX_BITS = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) SIX_BITS[BASE64.charCodeAt(i)] = i;
const SPACE = 32;

function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, FNV_PRIME);
  return h >>> 0;
}

/** The decoded tokens: token t is `bytes[starts[t]..starts[t + 1])` with rank `ranks[t]`. */
export interface Tokens {
  bytes: Uint8Array;
  starts: Uint32Array;
  ranks: Int32Array;
  /** FNV-1a of each token's bytes, for the index. */
  hashes: Int32Array;
  count: number;
  maxTokenBytes: number;
}

/** A RankTable from js-tiktoken's `bpe_ranks` text (a table the app supplies: core's own are packed). */
export function decodeRankTable(bpeRanks: string): RankTable {
  return tokenTable(decodeTokens(bpeRanks));
}

/** Lookups over decoded tokens, through an index built here. */
export function tokenTable(tokens: Tokens): RankTable {
  const { bytes, starts, ranks, maxTokenBytes } = tokens;
  const table = indexTokens(tokens);
  const mask = table.length - 1;

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
    size: tokens.count,
    rank,
    asciiRank(text, start, end) {
      const span = end - start;
      if (span > maxTokenBytes || span <= 0) return -1;
      // An ASCII character is its own UTF-8 byte: copy at most maxTokenBytes of them and look those up.
      for (let k = 0; k < span; k++) {
        const code = text.charCodeAt(start + k);
        if (code >= 128) return -1;
        asciiBytes[k] = code;
      }
      return rank(asciiBytes, 0, span);
    },
  };
}

/**
 * Decodes js-tiktoken's `bpe_ranks` text (lines of `<tag> <first rank> <base64 token>…`, ranks
 * consecutive within a line) in one pass. js-tiktoken's own constructor builds a Map keyed by
 * comma-joined byte strings, which takes ~600 ms for o200k; this takes a few tens of milliseconds.
 * It runs at build time for core's own tables (packed-ranks.ts), and once per process, before V8 has
 * optimized anything, for a table the app supplies: so one pass over the text decodes and hashes
 * each token, and each loop is a function of its own
 * (one function holding every phase was optimized mid-way, then thrown away at each later phase).
 */
export function decodeTokens(bpeRanks: string): Tokens {
  // js-tiktoken's tokens are padded base64 (four characters or more) and a space: a quarter of the
  // text's length bounds their number. The arrays grow for any other table.
  const capacity = (bpeRanks.length >> 2) + 1;
  const tokens: Tokens = {
    bytes: new Uint8Array(Math.ceil((bpeRanks.length * 3) / 4)),
    starts: new Uint32Array(capacity + 1),
    ranks: new Int32Array(capacity),
    hashes: new Int32Array(capacity),
    count: 0,
    maxTokenBytes: 0,
  };
  let pos = 0;
  while (pos < bpeRanks.length) {
    let lineEnd = bpeRanks.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = bpeRanks.length;
    const tagEnd = bpeRanks.indexOf(' ', pos);
    if (tagEnd >= 0 && tagEnd < lineEnd) {
      const offsetEnd = bpeRanks.indexOf(' ', tagEnd + 1);
      const fieldEnd = offsetEnd < 0 || offsetEnd > lineEnd ? lineEnd : offsetEnd;
      const rank = Number.parseInt(bpeRanks.slice(tagEnd + 1, fieldEnd), 10);
      decodeLine(bpeRanks, fieldEnd + 1, lineEnd, rank, tokens);
    }
    pos = lineEnd + 1;
  }
  // Keep only what the lookups read; the hashes are needed by the index alone.
  tokens.starts = tokens.starts.slice(0, tokens.count + 1);
  tokens.ranks = tokens.ranks.slice(0, tokens.count);
  return tokens;
}

/**
 * Appends the base64 tokens of `text[from..lineEnd)`, ranked from `rank` on: one loop over the
 * characters that decodes each token's bytes and hashes them as they are written.
 */
function decodeLine(
  text: string,
  from: number,
  lineEnd: number,
  rank: number,
  tokens: Tokens,
): void {
  const { bytes } = tokens;
  let count = tokens.count;
  let written = tokens.starts[count]!;
  let start = written;
  let maxTokenBytes = tokens.maxTokenBytes;
  let acc = 0;
  let bits = 0;
  let hash = FNV_OFFSET;
  for (let i = from; i <= lineEnd; i++) {
    const code = i < lineEnd ? text.charCodeAt(i) : SPACE;
    if (code === SPACE) {
      if (written > start) {
        if (count === tokens.ranks.length) grow(tokens);
        tokens.hashes[count] = hash;
        tokens.ranks[count] = rank++;
        maxTokenBytes = Math.max(maxTokenBytes, written - start);
        tokens.starts[++count] = written;
        start = written;
      }
      acc = 0;
      bits = 0;
      hash = FNV_OFFSET;
      continue;
    }
    const value = code < 128 ? SIX_BITS[code]! : -1;
    if (value < 0) continue; // '=' padding
    acc = ((acc << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const byte = (acc >> bits) & 0xff;
      bytes[written++] = byte;
      hash = Math.imul(hash ^ byte, FNV_PRIME);
    }
  }
  tokens.count = count;
  tokens.maxTokenBytes = maxTokenBytes;
}

function grow(tokens: Tokens): void {
  const size = tokens.ranks.length * 2;
  const starts = new Uint32Array(size + 1);
  starts.set(tokens.starts);
  tokens.starts = starts;
  for (const key of ['ranks', 'hashes'] as const) {
    const next = new Int32Array(size);
    next.set(tokens[key]);
    tokens[key] = next;
  }
}

/** An open-addressing hash index of the tokens: token index + 1 per slot, 0 when empty. */
function indexTokens({ hashes, count }: Tokens): Int32Array {
  const slots = hashSlots(count, 0.5, 1);
  const mask = slots - 1;
  // Linear probing keeps lookups to one or two cache lines.
  const table = new Int32Array(slots);
  for (let t = 0; t < count; t++) {
    let slot = hashes[t]! & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = t + 1;
  }
  return table;
}
