import { describe, expect, it } from 'vitest';
import { lineDiff } from './line-diff.js';

describe('lineDiff', () => {
  it('is empty for equal texts', () => {
    expect(lineDiff('a\nb\n', 'a\nb\n')).toBe('');
  });

  it('marks removed and added lines with context, eliding far unchanged lines', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', 'old', '9'].join('\n');
    const after = ['1', '2', '3', '4', '5', '6', '7', 'new', 'extra', '9'].join('\n');
    expect(lineDiff(before, after, { context: 1 })).toBe(
      ['…', ' 7', '-old', '+new', '+extra', ' 9', ''].join('\n'),
    );
  });

  it('shows a new file as all additions and a removed one as all deletions', () => {
    expect(lineDiff('', 'x\ny\n')).toBe('+x\n+y\n');
    expect(lineDiff('x\n', '')).toBe('-x\n');
  });

  it('pairs lines through the changed middle', () => {
    expect(lineDiff('a\nb\nc\nd', 'a\nc\nb\nd', { context: 0 })).toBe(
      ['…', '-b', '…', '+b', '…', ''].join('\n'),
    );
    expect(lineDiff('a\nb\nc\nd', 'a\nc\nb\nd', { context: 1 })).toBe(
      [' a', '-b', ' c', '+b', ' d', ''].join('\n'),
    );
  });
});
