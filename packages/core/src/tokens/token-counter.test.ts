import { describe, expect, it } from 'vitest';
import { createTokenCounter } from './token-counter.js';
import { isKnownModel, tokenizerForModel } from './encoding-for-model.js';

describe('token counting', () => {
  it('picks the encoding by model family', () => {
    expect(tokenizerForModel('gpt-4o-mini')).toEqual({ encoding: 'o200k_base', factor: 1 });
    expect(tokenizerForModel('openai/gpt-4.1')).toEqual({ encoding: 'o200k_base', factor: 1 });
    expect(tokenizerForModel('gpt-4-turbo')).toEqual({ encoding: 'cl100k_base', factor: 1 });
    expect(tokenizerForModel('claude-sonnet-4-5').factor).toBeGreaterThan(1);
  });

  it('tells known model families from unknown ids, which still count as o200k', () => {
    expect(
      [
        'gpt-4o',
        'openai/gpt-5-mini',
        'o3',
        'claude-opus-4-1',
        'gemini-2.5-pro',
        'gpt-3.5-turbo',
      ].every(isKnownModel),
    ).toBe(true);
    expect(isKnownModel('gtp-4o')).toBe(false);
    expect(isKnownModel('llama-3.1-70b')).toBe(false);
    expect(tokenizerForModel('gtp-4o')).toEqual({ encoding: 'o200k_base', factor: 1 });
  });

  it('counts exactly for OpenAI models and the same for cached long texts', async () => {
    const counter = await createTokenCounter('gpt-4o');
    expect(counter.count('hello world')).toBe(2);
    const long = 'The quick brown fox jumps over the lazy dog. '.repeat(100);
    const first = counter.count(long);
    expect(first).toBe(1001); // 10 tokens a sentence; the trailing space is one more
    expect(counter.count(long)).toBe(first);
  });

  it('scales Claude estimates up from o200k', async () => {
    const gpt = await createTokenCounter('gpt-4o');
    const claude = await createTokenCounter('claude-3-5-sonnet');
    expect(claude.count('some text to count here')).toBe(
      Math.ceil(gpt.count('some text to count here') * 1.15),
    );
  });
});

describe('pathological input', () => {
  it('counts a 2 MB run of one letter exactly, where js-tiktoken never finishes', async () => {
    const counter = await createTokenCounter('gpt-4o');
    // o200k has a token for eight a's, so a run of 8k letters is k tokens.
    expect(counter.count('a'.repeat(2 * 1024 * 1024))).toBe((2 * 1024 * 1024) / 8);
  });
});
