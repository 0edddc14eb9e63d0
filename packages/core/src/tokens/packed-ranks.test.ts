import cl100kPacked from '@headroom/core/ranks/cl100k_base';
import o200kPacked from '@headroom/core/ranks/o200k_base';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { isPackedRanks, packRanks, unpackRanks } from './packed-ranks.js';
import { decodeRankTable } from './rank-table.js';
import { misrankedTokens } from '../test-utils/misranked-tokens.js';
import { isRanks } from './tokenizer-option.js';

const encodings = [
  { name: 'o200k_base', ranks: o200k, packed: o200kPacked },
  { name: 'cl100k_base', ranks: cl100k, packed: cl100kPacked },
];

describe.each(encodings)('the packed $name table', ({ ranks, packed }) => {
  it('is js-tiktoken’s table as installed, packed (the build wrote it from that)', () => {
    expect(packed).toEqual(packRanks(ranks));
  });

  it('finds every js-tiktoken token at its rank, and is no bigger', () => {
    const table = unpackRanks(packed);
    const decoded = decodeRankTable(ranks.bpe_ranks);
    expect([table.size, table.maxTokenBytes]).toEqual([decoded.size, decoded.maxTokenBytes]);
    expect(misrankedTokens(table, ranks.bpe_ranks)).toEqual([]);
    const notToken = new TextEncoder().encode('zzzzzzzzzzzzzzzzqqqqqqq');
    expect(table.rank(notToken, 0, notToken.length)).toBe(-1);
    expect(table.asciiRank('zzzzzzzzzzzzzzzzqqqqqqq', 0, 23)).toBe(-1);
  });

  it('is told apart from a js-tiktoken table', () => {
    expect([isPackedRanks(packed), isRanks(packed)]).toEqual([true, false]);
    expect([isPackedRanks(ranks), isRanks(ranks)]).toEqual([false, true]);
  });
});

describe('packRanks', () => {
  it('refuses a table whose ranks do not run from 0, which the packed form cannot hold', () => {
    const table = { pat_str: '.', special_tokens: {}, bpe_ranks: `! 5 ${btoa('a')} ${btoa('b')}` };
    expect(() => packRanks(table)).toThrow('token 0 has rank 5');
  });

  it('round-trips a small table', () => {
    const table = {
      pat_str: '.',
      special_tokens: {},
      bpe_ranks: `! 0 ${btoa('a')} ${btoa('\u00ffé')}`,
    };
    const unpacked = unpackRanks(packRanks(table));
    expect(unpacked.size).toBe(2);
    expect(unpacked.rank(new Uint8Array([0xff, 0xc3, 0xa9]), 0, 3)).toBe(-1);
    expect(unpacked.rank(new Uint8Array([0xff, 0xe9]), 0, 2)).toBe(1);
    expect(unpacked.asciiRank('xa', 1, 2)).toBe(0);
  });
});
