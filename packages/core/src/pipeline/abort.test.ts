import { describe, expect, it, vi } from 'vitest';
import type { OpenAIMessage } from '../adapters/openai.js';
import { compress } from '../compress.js';
import { createStats } from '../stats/stats.js';
import { stubEdgeSetImmediate } from '../test-utils/edge-set-immediate.js';
import { headCompressor } from '../test-utils/head-compressor.js';
import type { CompressorSpec } from '../types.js';

const SEGMENTS = 40;

/** `SEGMENTS` tool results of a large log each. */
function conversation(): OpenAIMessage[] {
  const log = Array.from({ length: 2000 }, (_, i) => `INFO step ${i} done in ${i % 9}ms`).join(
    '\n',
  );
  const messages: OpenAIMessage[] = [{ role: 'user', content: 'What failed?' }];
  for (let i = 0; i < SEGMENTS; i++) {
    messages.push({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: `c${i}`, type: 'function', function: { name: 'logs', arguments: '{}' } }],
    });
    messages.push({ role: 'tool', tool_call_id: `c${i}`, content: `${log}\nrun ${i}` });
  }
  return messages;
}

/** The head compressor, made slow (synchronous work, as a real compressor on a large input) and counted. */
function slowCompressor(ms: number) {
  const calls = { count: 0 };
  const spec: CompressorSpec = {
    compress(text, ctx) {
      calls.count += 1;
      const end = performance.now() + ms;
      while (performance.now() < end) {
        // busy, like a compressor walking a large input
      }
      return headCompressor.compress(text, ctx);
    },
  };
  return { calls, compressors: { log: spec, text: spec } };
}

describe('compress() under an abort signal', () => {
  it('a timer that fires during synchronous compression work ends the call between segments', async () => {
    const { calls, compressors } = slowCompressor(10);
    const controller = new AbortController();
    const timer: CompressorSpec = {
      compress(text, ctx) {
        // A timer armed mid-call (as AbortSignal.timeout or a closed socket would fire): it can only run
        // if the pipeline yields to the event loop. Armed from the third segment, so a slow machine's
        // tokenizer load can't make the call end before any work was done.
        if (calls.count === 2)
          setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), 0);
        return (compressors.log as CompressorSpec).compress(text, ctx);
      },
    };
    const pending = compress(conversation(), {
      compressors: { log: timer, text: timer },
      stats: createStats(),
      signal: controller.signal,
    });
    await expect(pending).rejects.toMatchObject({ name: 'TimeoutError' });
    // Without the yields the timer could only fire after all 40 segments were compressed.
    expect(calls.count).toBeGreaterThanOrEqual(3);
    expect(calls.count).toBeLessThan(SEGMENTS / 2);
  });

  it('a signal aborted before the call compresses nothing and rejects with its reason', async () => {
    const { calls, compressors } = slowCompressor(0);
    const controller = new AbortController();
    controller.abort(new Error('user went away'));
    await expect(
      compress(conversation(), { compressors, stats: createStats(), signal: controller.signal }),
    ).rejects.toThrow('user went away');
    expect(calls.count).toBe(0);
  });

  it('a signal that is never aborted changes nothing in the output', async () => {
    const { compressors } = slowCompressor(0);
    const messages = conversation();
    const plain = await compress(messages, { compressors, stats: createStats() });
    const signalled = await compress(messages, {
      compressors,
      stats: createStats(),
      signal: new AbortController().signal,
    });
    expect(signalled.messages).toEqual(plain.messages);
    expect(plain.ccrKeys).toHaveLength(SEGMENTS);
  });

  it('compresses every segment in Next.js Edge, whose setImmediate is a stub that throws', async () => {
    // 40 segments of 2 ms: the call yields several times, as a small one does when CPU load stalls it.
    const { compressors } = slowCompressor(2);
    stubEdgeSetImmediate();
    try {
      const result = await compress(conversation(), {
        compressors,
        stats: createStats(),
        signal: new AbortController().signal,
      });
      expect(result.ccrKeys).toHaveLength(SEGMENTS);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
