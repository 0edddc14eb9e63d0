import { platform } from '#platform';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ccrKey, sha256Hex } from './sha256.js';

describe('sha256', () => {
  it('matches the standard digest', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(ccrKey('abc')).toBe('ba7816bf8f01cfea414140de');
  });

  it('gives different keys to strings that differ only in lone surrogates', () => {
    expect(ccrKey('a\uD800b')).not.toBe(ccrKey('a\uD801b'));
    expect(ccrKey('a\uD800b')).not.toBe(ccrKey('a\uFFFDb'));
  });

  it("hashes with Node's crypto here and gives the portable digest's bytes on any text", () => {
    expect(platform.sha256Hex).toBeTypeOf('function');
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    const portable = (text: string) =>
      bytesToHex(sha256(utf8ToBytes(lone.test(text) ? JSON.stringify(text) : text)));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(portable(text));
      }),
      { numRuns: 2000 },
    );
    expect(sha256Hex('é😀'.repeat(40_000))).toBe(portable('é😀'.repeat(40_000)));
  });
});
