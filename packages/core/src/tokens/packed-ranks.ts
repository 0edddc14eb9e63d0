import { isRecord } from '../util/is-record.js';
import type { TiktokenRanks } from './bpe-counter.js';
import { FNV_OFFSET, FNV_PRIME } from '../util/fnv.js';
import { decodeTokens, type RankTable, type Tokens, tokenTable } from './rank-table.js';

/** Characters per String.fromCharCode call: its arguments go on the stack. */
const CHARS_PER_CALL = 8192;

/**
 * What `@headroom/core/ranks/<encoding>` exports: js-tiktoken's table decoded at build time
 * (scripts/pack-ranks.mjs), token after token in rank order, so that a cold start decodes two
 * base64 strings natively instead of 200k base64 tokens in JavaScript.
 */
export interface PackedRanks {
  pat_str: string;
  /** Each token's length in bytes, one byte per token, in base64. */
  lengths: string;
  /** The tokens' bytes one after the other, in base64. */
  bytes: string;
}

/** Packs a js-tiktoken table whose ranks run from 0 in order, as o200k_base's and cl100k_base's do. */
export function packRanks(ranks: TiktokenRanks): PackedRanks {
  const { bytes, starts, count, maxTokenBytes, ranks: order } = decodeTokens(ranks.bpe_ranks);
  if (maxTokenBytes > 0xff) throw new Error('a token is over 255 bytes long');
  const lengths = new Uint8Array(count);
  for (let t = 0; t < count; t++) {
    if (order[t] !== t) throw new Error(`token ${t} has rank ${order[t]}: ranks must run from 0`);
    lengths[t] = starts[t + 1]! - starts[t]!;
  }
  return {
    pat_str: ranks.pat_str,
    lengths: btoa(latin1(lengths)),
    bytes: btoa(latin1(bytes.subarray(0, starts[count]))),
  };
}

/** The string whose characters are `bytes`, one each: what `btoa` encodes. */
function latin1(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += CHARS_PER_CALL)
    parts.push(String.fromCharCode(...bytes.subarray(at, at + CHARS_PER_CALL)));
  return parts.join('');
}

/** Lookups over a packed table: `atob` decodes it, one loop copies and hashes each token's bytes. */
export function unpackRanks(ranks: PackedRanks): RankTable {
  return tokenTable(unpackTokens(atob(ranks.lengths), atob(ranks.bytes)));
}

function unpackTokens(lengths: string, text: string): Tokens {
  const count = lengths.length;
  const bytes = new Uint8Array(text.length);
  const starts = new Uint32Array(count + 1);
  const ranks = new Int32Array(count);
  const hashes = new Int32Array(count);
  let maxTokenBytes = 0;
  let at = 0;
  for (let t = 0; t < count; t++) {
    const end = at + lengths.charCodeAt(t);
    let hash = FNV_OFFSET;
    for (; at < end; at++) {
      const byte = text.charCodeAt(at);
      bytes[at] = byte;
      hash = Math.imul(hash ^ byte, FNV_PRIME);
    }
    hashes[t] = hash;
    ranks[t] = t;
    starts[t + 1] = end;
    maxTokenBytes = Math.max(maxTokenBytes, end - starts[t]!);
  }
  return { bytes, starts, ranks, hashes, count, maxTokenBytes };
}

/** Whether `value` looks like a packed rank module's default export. */
export function isPackedRanks(value: unknown): value is PackedRanks {
  return (
    isRecord(value) &&
    [value.lengths, value.bytes, value.pat_str].every((field) => typeof field === 'string')
  );
}
