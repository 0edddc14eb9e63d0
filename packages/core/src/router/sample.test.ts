import { describe, expect, it } from 'vitest';
import { HEAD_CHARS, MAX_LINES, takeSample } from './sample.js';

describe('takeSample', () => {
  it('keeps at most the head, in whole lines', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `line ${i} ${'x'.repeat(40)}`).join('\n');
    const sample = takeSample(text);
    expect(sample.head).toHaveLength(HEAD_CHARS);
    expect(sample.lines.length).toBeLessThanOrEqual(MAX_LINES);
    expect(sample.lines.every((line) => /^line \d+ x{40}$/.test(line))).toBe(true);
  });

  it('keeps a single over-long line rather than nothing', () => {
    expect(takeSample('a'.repeat(HEAD_CHARS * 2)).nonEmpty).toHaveLength(1);
  });

  it('splits on \\r\\n, \\n and lone \\r (progress bars)', () => {
    expect(takeSample('a\r\nb\nc\rd').lines).toEqual(['a', 'b', 'c', 'd']);
  });

  it('removes colour codes and a `cat -n` gutter', () => {
    const sample = takeSample(
      '     1\t\u001b[32mimport os\u001b[0m\n     2\t\n     3\tprint(os.getcwd())\n',
    );
    expect(sample.numbered).toBe(true);
    expect(sample.lines).toEqual(['import os', '', 'print(os.getcwd())', '']);
  });

  it('does not mistake a numbered list for a gutter', () => {
    expect(takeSample('1. first\n2. second\n3. third\n').numbered).toBe(false);
  });

  it('shortens long runs of blanks so line patterns stay cheap', () => {
    expect(takeSample(`a${' '.repeat(3000)}b\n`).lines[0]).toBe(`a${' '.repeat(32)}b`);
  });
});
