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
});
