import { describe, expect, it } from 'vitest';
import { isWhitespace } from './is-whitespace.js';

describe('isWhitespace', () => {
  it('accepts exactly the UTF-16 code units that /\\s/ matches', () => {
    for (let code = 0; code <= 0xffff; code++)
      expect(isWhitespace(code), `U+${code.toString(16)}`).toBe(
        /\s/.test(String.fromCharCode(code)),
      );
  });

  it('agrees with trim', () => {
    for (let code = 0; code <= 0xffff; code++)
      if (isWhitespace(code)) expect(`${String.fromCharCode(code)}x`.trim()).toBe('x');
  });
});
