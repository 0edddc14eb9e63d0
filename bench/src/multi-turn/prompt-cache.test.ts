import { describe, expect, it } from 'vitest';
import {
  anthropicRules,
  commonPrefix,
  costOf,
  openaiRules,
  simulateCache,
} from './prompt-cache.js';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('simulateCache', () => {
  it('OpenAI: the longest prefix shared with any earlier request, from 1,024 tokens, in 128-token steps, no writes', () => {
    const a = range(0, 2000);
    const b = [...a, ...range(5000, 6000)];
    const c = [...range(0, 1000), 7, ...range(1001, 3000)];
    const usage = simulateCache(
      [
        { tokens: a, breakpoints: [] },
        { tokens: b, breakpoints: [] },
        { tokens: c, breakpoints: [] },
      ],
      openaiRules,
    );
    expect(usage).toEqual([
      { input: 2000, cacheRead: 0, cacheWrite: 0, uncached: 2000 },
      { input: 3000, cacheRead: 1920, cacheWrite: 0, uncached: 1080 },
      // Diverges at token 1,000: under the 1,024 minimum, nothing is served.
      { input: 3000, cacheRead: 0, cacheWrite: 0, uncached: 3000 },
    ]);
  });

  it('Anthropic: reads the longest still-matching breakpoint prefix and writes up to its own last breakpoint', () => {
    const system = range(0, 1500);
    const turn1 = [...system, ...range(10_000, 12_000), 99];
    const turn2 = [...turn1.slice(0, -1), ...range(20_000, 21_000), 98];
    const edited = [...system, 5, ...turn2.slice(1501)];
    const usage = simulateCache(
      [
        { tokens: turn1, breakpoints: [1500, 3500] },
        { tokens: turn2, breakpoints: [1500, 3500, 4500] },
        { tokens: edited, breakpoints: [1500, 3500, 4500] },
      ],
      anthropicRules,
    );
    expect(usage).toEqual([
      { input: 3501, cacheRead: 0, cacheWrite: 3500, uncached: 1 },
      { input: 4501, cacheRead: 3500, cacheWrite: 1000, uncached: 1 },
      // A change right after the system prompt: only the system breakpoint still matches.
      { input: 4501, cacheRead: 1500, cacheWrite: 3000, uncached: 1 },
    ]);
    expect(costOf(usage, { model: 'm', input: 3, cacheWrite: 3.75, cacheRead: 0.3 })).toBeCloseTo(
      (3 * 3 + 7500 * 3.75 + 5000 * 0.3) / 1e6,
      12,
    );
  });

  it('commonPrefix stops at the first difference', () => {
    expect(commonPrefix([1, 2, 3], [1, 2, 4, 5])).toBe(2);
    expect(commonPrefix([], [1])).toBe(0);
  });
});
