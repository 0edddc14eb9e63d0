import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './html-depth.js';

describe('nestsDeeperThan', () => {
  it('counts element nesting, not void or self-closed elements', () => {
    const page = '<html><body><div><p>a<br>b<img src="x"/><span>c</span></p></div></body></html>';
    expect(nestsDeeperThan(page, 5)).toBe(false);
    expect(nestsDeeperThan(page, 4)).toBe(true);
    expect(nestsDeeperThan('<br>'.repeat(10_000), 3)).toBe(false);
  });

  it('knows the void elements the parser knows, old names included', () => {
    for (const name of ['BaseFont', 'command', 'frame', 'isindex', 'keygen'])
      expect(nestsDeeperThan(`<${name} x=1>`.repeat(1000), 3), name).toBe(false);
  });

  it('finds deep nesting and stops at an unclosed tag', () => {
    expect(nestsDeeperThan('<div>'.repeat(1000), 512)).toBe(true);
    expect(nestsDeeperThan(`${'<div></div>'.repeat(1000)}`, 2)).toBe(false);
    expect(nestsDeeperThan('<div <div <div', 0)).toBe(false);
  });
});
