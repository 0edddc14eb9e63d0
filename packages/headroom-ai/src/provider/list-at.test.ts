import { describe, expect, it } from 'vitest';
import { listAt } from './list-at.js';

describe('listAt', () => {
  it('reads an array field as it is', () => {
    const content = [{ type: 'text', text: 'hi' }];
    expect(listAt({ content }, 'content')).toBe(content);
  });

  it('reads a missing or non-array field as an empty list', () => {
    expect(listAt({}, 'output')).toEqual([]);
    expect(listAt({ output: 'oops' }, 'output')).toEqual([]);
    expect(listAt({ output: { 0: 'a' } }, 'output')).toEqual([]);
  });
});
