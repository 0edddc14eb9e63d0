import { describe, expect, it, vi } from 'vitest';
import type { OpenAIMessage } from '../adapters/openai.js';
import { formatMarker } from '../ccr/marker.js';
import { MemoryCcrStore } from '../ccr/memory-store.js';
import { compress } from '../compress.js';
import { createHeadroom } from '../create-headroom.js';
import { createStats } from '../stats/stats.js';
import type { Compressor } from '../types.js';
import { toolConversation } from '../test-utils/tool-conversation.js';

// Route `.py` reads to `code` whatever the router currently does, so protectRecent applies.
vi.mock('../router/detect-content.js', async (original) => {
  const actual = await original<typeof import('../router/detect-content.js')>();
  return {
    detectContent: (text: string, hints: { fileName?: string } = {}) =>
      hints.fileName?.endsWith('.py')
        ? { kind: 'code', confidence: 1, language: 'python' }
        : actual.detectContent(text, hints),
  };
});

/** Python-ish file bodies, long enough to be candidates. */
const file = (n: number) =>
  Array.from(
    { length: 60 },
    (_, i) => `def handler_${n}_${i}(request):\n    return process(request, ${i})`,
  ).join('\n');

const collapseBodies: Compressor = (text, ctx) => {
  const signatures = text.split('\n').filter((line) => line.startsWith('def '));
  const key = ctx.stash(text, { kind: 'code', language: 'python' });
  return { text: [...signatures, formatMarker(key, 'bodies omitted')].join('\n') };
};

/** A turn of an agent reading file after file: turn t has t tool results. */
const turn = (t: number): OpenAIMessage[] =>
  toolConversation({
    question: 'Review the request handlers.',
    turns: t,
    step: (i) => ({ name: 'read_file', args: { path: `h${i}.py` }, result: file(i) }),
  });

describe('decision reuse across turns', () => {
  it('keeps recent code uncompressed on later turns when it was recent on its first turn', async () => {
    const compressors = { code: { compress: collapseBodies } };
    const headroom = createHeadroom({ protectRecent: 4, compressors });
    const stateless: string[] = [];
    const stable: string[] = [];
    for (let t = 1; t <= 8; t++) {
      stable.push(JSON.stringify((await headroom.compress(turn(t))).messages[2]));
      stateless.push(
        JSON.stringify(
          (
            await compress(turn(t), {
              protectRecent: 4,
              compressors,
              store: new MemoryCcrStore(),
              stats: createStats(),
            })
          ).messages[2],
        ),
      );
    }
    // The first file was recent on turn 1: with a session it stays as it was on every turn.
    expect(new Set(stable).size).toBe(1);
    expect(stable[0]).toContain('return process');
    // Without one, it flips to compressed once it is no longer recent (turn 3), breaking the cached prefix.
    expect(stateless.findIndex((s) => !s.includes('return process'))).toBe(2);
  });

  it('reuses the first output even when the compressor would now answer differently', async () => {
    let calls = 0;
    const code: Compressor = (text, ctx) => {
      calls += 1;
      const key = ctx.stash(text, { kind: 'code' });
      // Simulates a model that finished loading between turns: a different (better) answer later.
      return { text: `${calls === 1 ? 'first' : 'later'} ${formatMarker(key, 'omitted')}` };
    };
    const headroom = createHeadroom({
      protectRecent: 0,
      compressors: { code: { compress: code } },
    });
    const first = await headroom.compress(turn(1));
    const second = await headroom.compress(turn(2));
    expect(second.messages[2]).toEqual(first.messages[2]);
    expect(String(second.messages[2]!.content)).toMatch(/^first /);
    expect(String(second.messages[4]!.content)).toMatch(/^later /);
    expect(calls).toBe(2);
    expect(headroom.session.stats().reusedDecisions).toBe(1);
  });

  it('stores the originals again on reuse, so markers stay retrievable after eviction', async () => {
    const store = new MemoryCcrStore();
    const headroom = createHeadroom({
      protectRecent: 0,
      store,
      compressors: { code: { compress: collapseBodies } },
    });
    const [key] = (await headroom.compress(turn(1))).ccrKeys;
    await store.delete(key!);
    const again = await headroom.compress(turn(2));
    expect(again.ccrKeys[0]).toBe(key);
    expect((await headroom.retrieve(key!)).content).toBe(file(1));
  });

  it('falls back to the original when the store fails on reuse', async () => {
    const store = new MemoryCcrStore();
    const headroom = createHeadroom({
      protectRecent: 0,
      store,
      compressors: { code: { compress: collapseBodies } },
    });
    await headroom.compress(turn(1));
    store.put = () => Promise.reject(new Error('store down'));
    const result = await headroom.compress(turn(1));
    expect(result.messages[2]!.content).toBe(file(1));
    expect(headroom.stats().fallbacks.store_error).toBe(1);
  });
});
