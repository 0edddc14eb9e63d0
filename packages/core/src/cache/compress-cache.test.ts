import { describe, expect, it } from 'vitest';
import type { AnthropicMessage } from '../adapters/anthropic.js';
import type { OpenAIMessage } from '../adapters/openai.js';
import { compress } from '../compress.js';
import { createHeadroom } from '../create-headroom.js';
import { createStats } from '../stats/stats.js';
import { isDynamicBlock } from './move-volatile.js';

const stats = createStats();

describe('compress() cache options', () => {
  it('reports volatile values and the prefix hash without a session, and changes nothing in report mode', async () => {
    const messages: OpenAIMessage[] = [
      { role: 'developer', content: 'Be brief. Now: 2026-11-25T10:00:00Z' },
      { role: 'user', content: 'hi' },
    ];
    const result = await compress(messages, { stats });
    expect(result.messages).toEqual(messages);
    expect(result.compressed).toBe(false);
    expect(result.cache.volatile).toEqual([
      { kind: 'timestamp', value: '2026-11-25T10:00:00Z', source: 'system', index: 0 },
    ]);
    expect(result.cache.prefixHash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.cache.prefixChanged).toBeUndefined();
    expect(result.cache.stablePrefix).toBeUndefined();
    expect(result.retrieveTool).toBe(false);
    expect((await compress(messages, { stats, retrieveTool: 'always' })).retrieveTool).toBe(true);
  });

  it('rewrites an Anthropic system given as blocks, keeping their shape, and puts the block before a prefill', async () => {
    const system = [
      { type: 'text', text: 'You are Atlas.', cache_control: { type: 'ephemeral' } },
      {
        type: 'text',
        text: 'Session 3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b started 2026-11-25T10:00:00Z.',
      },
    ];
    const messages: AnthropicMessage[] = [
      { role: 'user', content: 'Summarise the incident.' },
      { role: 'assistant', content: '{' },
    ];
    // No format given: plain-text messages alone would look like OpenAI, the `system` option says Anthropic.
    const result = await compress(messages, { stats, system, cacheAlign: 'rewrite' });
    expect(result.system).toEqual([
      system[0],
      { type: 'text', text: 'Session [[uuid_1]] started [[timestamp_1]].' },
    ]);
    expect(result.system![0]).toBe(system[0]);
    expect(result.messages).toHaveLength(3);
    expect(result.messages[2]).toBe(messages[1]);
    expect(isDynamicBlock(result.messages[1]!.content as string)).toBe(true);
    expect(result.compressed).toBe(true);
    // The rewrite adds the block's tokens (placeholders are about as long as the values).
    expect(result.tokensAfter).toBeGreaterThan(result.tokensBefore);
    expect(system[1]!.text).toContain('2026-11-25T10:00:00Z');
  });

  it('tracks the prefix across calls of a session: changed system prompt, stable messages', async () => {
    const headroom = createHeadroom();
    const turn = (minute: number, extra: OpenAIMessage[] = []): OpenAIMessage[] => [
      { role: 'system', content: `Clock 2026-11-25T10:${minute}:00Z` },
      { role: 'user', content: 'question' },
      ...extra,
    ];
    await headroom.compress(turn(10));
    const same = await headroom.compress(turn(10, [{ role: 'assistant', content: 'answer' }]));
    expect(same.cache.prefixChanged).toBe(false);
    expect(same.cache.stablePrefix).toMatchObject({ parts: 2, totalParts: 3 });
    const moved = await headroom.compress(turn(11, [{ role: 'assistant', content: 'answer' }]));
    expect(moved.cache.prefixChanged).toBe(true);
    expect(moved.cache.stablePrefix?.parts).toBe(0);
    expect(headroom.session.stats()).toMatchObject({ comparedCalls: 2, prefixChanges: 1 });
  });
});
