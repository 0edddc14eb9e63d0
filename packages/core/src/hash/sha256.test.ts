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
});
