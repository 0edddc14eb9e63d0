import { describe, expect, it } from 'vitest';
import { addUsage, totalUsage } from './add-usage.js';

describe('addUsage', () => {
  it('adds numbers field by field, nested details included, and keeps fields only one side has', () => {
    const a = { input_tokens: 10, output_tokens: 2, details: { cached: 4 }, tier: 'standard' };
    const b = { input_tokens: 7, output_tokens: 3, details: { cached: 1, audio: 2 }, tier: 'x' };
    expect(addUsage(a, b)).toEqual({
      input_tokens: 17,
      output_tokens: 5,
      details: { cached: 5, audio: 2 },
      tier: 'x',
    });
    expect(addUsage(undefined, b)).toBe(b);
    expect(addUsage(a, undefined)).toBe(a);
  });
});

describe('totalUsage', () => {
  it('is the rounds usage added up, or no field when no round reported one', () => {
    expect(
      totalUsage([{ usage: { input_tokens: 3 } }, {}, { usage: { input_tokens: 4 } }]),
    ).toEqual({
      usage: { input_tokens: 7 },
    });
    expect(totalUsage([{}, {}])).toEqual({});
  });
});
