import { describe, expect, it } from 'vitest';
import { table } from './report.js';

describe('table', () => {
  it('left-aligns the first column and right-aligns the rest unless told otherwise', () => {
    expect(table(['Name', 'Tokens', 'Saved'], [['a', '1', '2%']])).toBe(
      ['| Name | Tokens | Saved |', '| --- | ---: | ---: |', '| a | 1 | 2% |'].join('\n'),
    );
    expect(table(['Name', 'What', 'Tokens'], [], ['l', 'l', 'r']).split('\n')[1]).toBe(
      '| --- | --- | ---: |',
    );
  });
});
