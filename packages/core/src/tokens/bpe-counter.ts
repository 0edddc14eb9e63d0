import { asciiScannerFor } from './ascii-pieces.js';
import { countBytePairTokens } from './byte-pair-count.js';
import { isPackedRanks, type PackedRanks, unpackRanks } from './packed-ranks.js';
import { decodeRankTable } from './rank-table.js';

/** The shape of a js-tiktoken rank module (`js-tiktoken/ranks/o200k_base`'s default export). */
export interface TiktokenRanks {
  pat_str: string;
  special_tokens: Record<string, number>;
  bpe_ranks: string;
}

/** Distinct pieces remembered per encoding; logs, JSON and code repeat the same pieces over and over. */
const PIECE_CACHE_LIMIT = 1 << 16;
/** Longer pieces rarely repeat; not caching them bounds the cache to a few MB. */
const CACHED_PIECE_CHARS = 48;
/** The UTF-8 buffer the counter keeps between pieces grows to this size at most. */
const KEPT_SCRATCH_BYTES = 1 << 20;

/**
 * Exact tiktoken counts without building token arrays: tiktoken encodes each piece of its
 * pre-tokenizer regex on its own, so the count of a text is the sum of its pieces' counts, and a
 * piece seen before costs one map lookup. Special-token text counts as ordinary text, as
 * js-tiktoken's `encode(text, [], [])` does; lone surrogates count as U+FFFD, as its TextEncoder does.
 */
export function createBpeCounter(ranks: TiktokenRanks | PackedRanks): (text: string) => number {
  const packed = isPackedRanks(ranks);
  const table = packed ? unpackRanks(ranks) : decodeRankTable(ranks.bpe_ranks);
  // Sticky: asked for one piece at a time, where the ASCII scanner cannot decide. Core's own tables'
  // pattern is built on first need (parsing its Unicode classes is a few ms of a cold start, and ASCII
  // text never asks); an app's table is checked now, so that a bad one fails as it loads.
  let pattern = packed ? undefined : new RegExp(ranks.pat_str, 'uy');
  const scan = asciiScannerFor(ranks.pat_str);
  const encoder = new TextEncoder();
  const cache = new Map<string, number>();
  let scratch = new Uint8Array(1024);

  const countPiece = (piece: string): number => {
    const chars = piece.length;
    let bytes = scratch;
    // A huge piece gets bytes of its own, so the counter does not hold megabytes after one hostile input.
    if (chars * 3 > KEPT_SCRATCH_BYTES) bytes = new Uint8Array(chars * 3);
    else if (chars * 3 > scratch.length)
      bytes = scratch = new Uint8Array(
        Math.min(KEPT_SCRATCH_BYTES, Math.max(chars * 3, scratch.length * 2)),
      );
    let length = 0;
    let ascii = true;
    for (let i = 0; i < chars; i++) {
      const code = piece.charCodeAt(i);
      if (code >= 128) {
        ascii = false;
        break;
      }
      bytes[i] = code;
    }
    length = ascii ? chars : encoder.encodeInto(piece, bytes).written;
    if (table.rank(bytes, 0, length) >= 0) return 1;
    return countBytePairTokens(table, bytes, length);
  };

  const cachedCount = (piece: string): number => {
    if (piece.length > CACHED_PIECE_CHARS) return countPiece(piece);
    let count = cache.get(piece);
    if (count === undefined) {
      count = countPiece(piece);
      if (cache.size >= PIECE_CACHE_LIMIT) cache.clear();
      cache.set(piece, count);
    }
    return count;
  };

  const count = (text: string): number => {
    let total = 0;
    let at = 0;
    while (at < text.length) {
      let end = scan ? scan(text, at) : -1;
      if (end >= 0) {
        // Most ASCII pieces are one token: found in the table straight from the string (a piece with
        // non-ASCII punctuation is not found there, and is counted from its UTF-8 below).
        if (table.asciiRank(text, at, end) >= 0) {
          total++;
          at = end;
          continue;
        }
      } else {
        pattern ??= new RegExp(ranks.pat_str, 'uy');
        pattern.lastIndex = at;
        const match = pattern.exec(text);
        // Every character starts some alternative; were one not to, js-tiktoken would skip it too.
        if (match === null) {
          at++;
          continue;
        }
        end = at + match[0].length;
      }
      total += cachedCount(text.slice(at, end));
      at = end;
    }
    return total;
  };
  for (let i = 0; i < 10; i++) count(EVERY_BRANCH);
  return count;
}

/**
 * Counted once as the counter is made, so that every branch of the scan and the merge has run
 * before V8 optimizes them: a branch first met in optimized code throws that code away, and a
 * cold start's first texts used to pay three or four recompilations of the counter. No non-ASCII
 * letter, which would build the regex.
 */
const EVERY_BRANCH =
  "It's THE end, isn'T it? I'll say we're done'D 1234567 x/y/\r\n  \t\n \n\n   x  ;;/\n ({[ ]}) ~~~~~~~~ !!!!!!!! — ’×😀 \uD800 ’’ —— ×× ";
