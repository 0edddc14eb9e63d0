import { describe, expect, it } from 'vitest';
import { parseTable } from './parse-table.js';
import { rowNodes } from './table-rows.js';

describe('rowNodes', () => {
  it('reads a cell as a number exactly when the number prints back as the cell', () => {
    const cells = [
      ['0', 0],
      ['-0.5', -0.5],
      ['31.95376472', 31.95376472],
      ['123456789012345', 123456789012345],
      ['12345678.1234567', 12345678.1234567],
      ['0.000001', 0.000001],
      ['100000000000000000000', 1e20],
      // 16 and 17 digits: numbers only where a double holds them.
      ['9007199254740992', 9007199254740992],
      ['0.30000000000000004', 0.30000000000000004],
      ['9007199254740993', undefined],
      ['0.0000001', undefined],
      ['1000000000000000000000', undefined],
      ['-0', undefined],
      ['1.50', undefined],
      ['01', undefined],
      ['1e3', undefined],
      ['.5', undefined],
      ['5.', undefined],
      ['-', undefined],
    ] as const;
    const text = `cell,n\n${cells.map(([cell]) => `${cell},1`).join('\n')}\n`;
    const read = rowNodes(parseTable(text)!).map((row) => {
      const leaf = row.entries[0]![1];
      return leaf.t === 'number' ? leaf.v : undefined;
    });
    expect(read).toEqual(cells.map(([, v]) => v));
  });

  it('reads random decimals to the value Number() gives, or to a string where it prints otherwise', () => {
    // A fixed LCG: the same cells on every run.
    let seed = 12345;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const digits = (n: number) => Array.from({ length: n }, () => next(10)).join('');
    const cells = Array.from({ length: 20_000 }, () => {
      const sign = next(4) === 0 ? '-' : '';
      const int = next(5) === 0 ? '0' : digits(1 + next(17));
      const frac =
        next(3) === 0 ? '' : `.${'0'.repeat(next(4) === 0 ? next(8) : 0)}${digits(1 + next(17))}`;
      return `${sign}${int}${frac}`;
    });
    const text = `cell,n\n${cells.map((cell) => `${cell},1`).join('\n')}\n`;
    const read = rowNodes(parseTable(text)!).map((row) => {
      const leaf = row.entries[0]![1];
      return leaf.t === 'number' ? leaf.v : leaf.t;
    });
    const printsBack = (cell: string) => String(Number(cell)) === cell;
    expect(read).toEqual(cells.map((cell) => (printsBack(cell) ? Number(cell) : 'string')));
    // Both kinds are common in the sample, so the test reads both paths.
    expect(cells.filter(printsBack).length).toBeGreaterThan(5_000);
    expect(cells.filter((cell) => !printsBack(cell)).length).toBeGreaterThan(5_000);
  });
});
