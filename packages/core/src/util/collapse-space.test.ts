import { describe, expect, it } from 'vitest';
import { collapseSpace } from './collapse-space.js';

const byDefinition = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('collapseSpace', () => {
  it('turns whitespace runs into one space and trims, as the regex definition does', () => {
    const cases = [
      '',
      '   ',
      'word',
      'two words',
      '  lead and trail \n',
      'tab\there',
      'line\nbreak',
      'a  b   c',
      'nbsp\u00a0and\u3000ideographic\u2028separators\ufeff',
      ' x ',
      'é  ü',
    ];
    for (const text of cases)
      expect(collapseSpace(text), JSON.stringify(text)).toBe(byDefinition(text));
  });

  it('matches the definition on every string of up to four characters from a mixed alphabet', () => {
    const alphabet = ['a', 'é', ' ', '\n', '\t', '\u00a0'];
    let strings = [''];
    for (let length = 1; length <= 4; length++) {
      strings = strings.flatMap((s) => alphabet.map((c) => s + c));
      for (const text of strings) expect(collapseSpace(text)).toBe(byDefinition(text));
    }
  });
});
