import { describe, expect, it } from 'vitest';
import { isRecord } from './is-record.js';

describe('isRecord', () => {
  it('accepts objects, plain or not', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord({ a: 1 })).toBe(true);
    expect(isRecord(Object.create(null))).toBe(true);
    expect(isRecord(new Date(0))).toBe(true);
  });

  it('rejects arrays, null and primitives', () => {
    for (const value of [[], [1], null, undefined, 0, '', 'x', true, 1n, Symbol('s')])
      expect(isRecord(value)).toBe(false);
  });
});
