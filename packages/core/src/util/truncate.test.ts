import { describe, expect, it } from 'vitest';
import { cutLongLine, surrogateSafeEnd, truncate } from './truncate.js';

const hasLoneSurrogate = (text: string): boolean =>
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

describe('truncate', () => {
  it('leaves short text alone and cuts long text to the limit with an ellipsis', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
    expect(truncate('abcdefghij', 5).length).toBe(5);
  });

  it('never splits a surrogate pair, at any cut point', () => {
    const text = '🚀a🚀bb🚀ccc🚀'.repeat(4);
    for (let max = 1; max < text.length; max++) {
      const cut = truncate(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(hasLoneSurrogate(cut)).toBe(false);
    }
  });
});

describe('cutLongLine', () => {
  it('keeps lines within the limit (trailing blanks not counted) and notes how much a cut left out', () => {
    expect(cutLongLine('short', 10)).toBe('short');
    expect(cutLongLine('short     \r', 6)).toBe('short     \r');
    const line = `Install: ${'pkg:amd64 (1.0), '.repeat(20)}`;
    const cut = cutLongLine(line, 40);
    expect(cut).toBe(`${line.slice(0, 40)}… [+${line.trimEnd().length - 40} chars]`);
    expect(hasLoneSurrogate(cutLongLine('🚀'.repeat(30), 15))).toBe(false);
  });
});

describe('surrogateSafeEnd', () => {
  it('steps back off the first half of a surrogate pair and leaves every other end alone', () => {
    const text = 'ab😀cd';
    expect(surrogateSafeEnd(text, 3)).toBe(2);
    expect(surrogateSafeEnd(text, 2)).toBe(2);
    expect(surrogateSafeEnd(text, 4)).toBe(4);
    expect(surrogateSafeEnd(text, 0)).toBe(0);
  });
});
