import { describe, expect, it } from 'vitest';
import type { OpenAIMessage } from './adapters/openai.js';
import { formatMarker } from './ccr/marker.js';
import { MemoryCcrStore } from './ccr/memory-store.js';
import { createHeadroom } from './create-headroom.js';
import type { CompressorSpec } from './types.js';

/** Keeps the first 3 lines; the rest goes to CCR, split into lines for retrieval. */
const keepHead: CompressorSpec = {
  compress(text, ctx) {
    const lines = text.split('\n');
    const key = ctx.stash(text, { kind: 'log', count: lines.length });
    return {
      text: [...lines.slice(0, 3), formatMarker(key, `${lines.length - 3} lines omitted`)].join(
        '\n',
      ),
      strategy: 'test:head',
    };
  },
  units: (original) => original.split('\n').filter((line) => line.includes('ERROR')),
};

const log = Array.from({ length: 400 }, (_, i) =>
  i === 321 ? 'ERROR disk full on /var' : `INFO request ${i} served in ${i % 17} ms`,
).join('\n');
const conversation = (question: string): OpenAIMessage[] => [
  { role: 'user', content: question },
  {
    role: 'assistant',
    content: null,
    tool_calls: [{ id: 'c1', type: 'function', function: { name: 'read_log', arguments: '{}' } }],
  },
  { role: 'tool', tool_call_id: 'c1', content: log },
];

describe('createHeadroom', () => {
  it('runs the compressors it was given, and retrieval splits with their units', async () => {
    const headroom = createHeadroom({ compressors: { log: keepHead, text: keepHead } });
    const result = await headroom.compress(conversation('Why did it fail?'));
    expect(result.transforms.map((t) => t.strategy)).toEqual(['test:head']);
    const [key] = result.ccrKeys;
    expect((await headroom.retrieve(key!)).content).toBe(log);
    expect((await headroom.retrieve(key!, { query: 'disk' })).content).toBe(
      'ERROR disk full on /var',
    );
    expect(await headroom.answerRetrieveCall({ key, query: 'disk' })).toEqual({
      content: '1 of 1 parts match "disk":\nERROR disk full on /var',
      isError: false,
    });
    expect(headroom.stats().ccr).toMatchObject({ puts: 1, hits: 3 });
  });

  it('keeps its own store: a call cannot swap it, so retrieve finds what compress stored', async () => {
    const store = new MemoryCcrStore();
    const headroom = createHeadroom({ store, compressors: { log: keepHead, text: keepHead } });
    const other = new MemoryCcrStore();
    const result = await headroom.compress(conversation('Why?'), { store: other } as never);
    expect(await store.has(result.ccrKeys[0]!)).toBe(true);
    expect(other.size).toBe(0);
  });

  it('keeps one session per conversation id, and a default session for calls that name none', async () => {
    const headroom = createHeadroom({ compressors: { log: keepHead, text: keepHead } });
    await headroom.compress(conversation('Why?'), { conversationId: 'a' });
    await headroom.compress(conversation('Why?'), { conversationId: 'a' });
    await headroom.compress(conversation('Why?'), { conversationId: 'b' });
    expect(headroom.sessionFor('a')).toBe(headroom.sessionFor('a'));
    expect(headroom.sessionFor('a').stats()).toMatchObject({
      comparedCalls: 1,
      reusedDecisions: 1,
    });
    expect(headroom.sessionFor('b').stats()).toMatchObject({
      comparedCalls: 0,
      reusedDecisions: 0,
    });
    expect(headroom.session.stats().comparedCalls).toBe(0);
  });

  it('forgets the least recently used conversations past maxSessions', () => {
    const headroom = createHeadroom({ maxSessions: 2 });
    const a = headroom.sessionFor('a');
    headroom.sessionFor('b');
    headroom.sessionFor('a');
    headroom.sessionFor('c');
    expect(headroom.sessionFor('a')).toBe(a);
    expect(() => headroom.sessionFor('')).toThrow(
      expect.objectContaining({ option: 'conversationId' }),
    );
  });
});
