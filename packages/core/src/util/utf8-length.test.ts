import { describe, expect, it } from 'vitest';
import { utf8Length } from './utf8-length.js';

const encoded = (text: string): number => new TextEncoder().encode(text).length;

describe('utf8Length', () => {
  it.each([
    ['empty', ''],
    ['ASCII', 'hello, world'],
    ['two-byte', 'déjà vu ñ'],
    ['three-byte', '日本語のテキスト'],
    ['astral (surrogate pairs)', '😀👍🏽 𝄞'],
    ['lone high surrogate', 'a\ud83d b'],
    ['lone low surrogate', 'a\ude00 b'],
    ['high surrogate at the end', 'end\ud83d'],
    ['reversed pair', '\ude00\ud83d'],
  ])('matches TextEncoder on %s', (_name, text) => {
    expect(utf8Length(text)).toBe(encoded(text));
  });
});
