import { describe, expect, it } from 'vitest';
import { isAsciiAlnum } from './is-ascii-alnum.js';

describe('isAsciiAlnum', () => {
  it('accepts ASCII letters and digits only', () => {
    const accepted = Array.from({ length: 0x250 }, (_, code) => code)
      .filter(isAsciiAlnum)
      .map((code) => String.fromCharCode(code))
      .join('');
    expect(accepted).toBe('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');
    expect(isAsciiAlnum(Number.NaN)).toBe(false);
  });
});
