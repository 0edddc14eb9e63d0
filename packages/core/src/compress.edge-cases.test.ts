import { describe, expect, it } from 'vitest';
import { compress } from './compress.js';
import { MemoryCcrStore } from './ccr/memory-store.js';
import { HeadroomError } from './errors/headroom-error.js';
import type { OpenAIMessage } from './adapters/openai.js';

function withToolResult(content: string): OpenAIMessage[] {
  return [
    { role: 'user', content: 'What failed?' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'call_9', type: 'function', function: { name: 'fetch', arguments: '{}' } },
      ],
    },
    { role: 'tool', tool_call_id: 'call_9', content },
    { role: 'user', content: 'Thanks' },
  ];
}

const records = Array.from({ length: 400 }, (_, i) => ({
  id: i,
  level: i === 217 ? 'ERROR' : 'INFO',
  message: i === 217 ? 'payment gateway timeout after 30000ms' : `request ${i} served`,
}));

const hostile: Array<[string, string]> = [
  ['malformed JSON', `[{"id": 1, "name": "a"}, {"id": 2, ${'"x": 1, '.repeat(500)}`],
  ['an empty array', '[]'],
  ['a 10 MB string', 'a'.repeat(10 * 1024 * 1024)],
  ['10,000-deep nesting', '['.repeat(10_000) + ']'.repeat(10_000)],
  ['lone surrogates', JSON.stringify(records.map((r) => ({ ...r, note: 'x\uD800y' })))],
  ['non-JSON that looks like JSON', `{ this is not json } ${'filler text '.repeat(400)}`],
  [
    'binary bytes',
    String.fromCharCode(...Array.from({ length: 20_000 }, (_, i) => (i * 31) % 256)),
  ],
];

describe('compress() on hostile input', () => {
  it.each(hostile)(
    '%s: passes through or compresses, never crashes, keeps the message shape',
    async (_name, content) => {
      const messages = withToolResult(content);
      const store = new MemoryCcrStore();
      const result = await compress(messages, { store });
      expect(result.messages).toHaveLength(messages.length);
      expect(result.messages.map((m) => m.role)).toEqual(messages.map((m) => m.role));
      expect(result.messages[1]).toBe(messages[1]);
      expect(result.messages[2]!.tool_call_id).toBe('call_9');
      const out = result.messages[2]!.content as string;
      if (out !== content) {
        // Anything dropped must be in the store under a key the output names.
        expect(result.ccrKeys.length).toBeGreaterThan(0);
        for (const key of result.ccrKeys) expect(await store.has(key)).toBe(true);
      }
    },
    60_000,
  );

  it('keeps the error record and returns the whole original from the store', async () => {
    const content = JSON.stringify(records);
    const store = new MemoryCcrStore();
    const result = await compress(withToolResult(content), { store });
    const out = result.messages[2]!.content as string;
    expect(result.tokensAfter).toBeLessThan(result.tokensBefore);
    expect(out).toContain('payment gateway timeout');
    const originals = await Promise.all(result.ccrKeys.map((k) => store.get(k)));
    expect(originals.some((e) => e?.original === content)).toBe(true);
  });

  it('is deterministic and leaves earlier messages byte-identical when a turn is added', async () => {
    const turn1 = withToolResult(JSON.stringify(records));
    const a = await compress(turn1);
    const b = await compress(turn1);
    expect(JSON.stringify(a.messages)).toBe(JSON.stringify(b.messages));
    const turn2 = [...turn1, ...withToolResult(JSON.stringify(records.slice(0, 300))).slice(1)];
    const c = await compress(turn2);
    expect(JSON.stringify(c.messages.slice(0, turn1.length))).toBe(JSON.stringify(a.messages));
  });

  it('rejects invalid messages with a HeadroomError', async () => {
    await expect(compress([{ role: 'tool', content: 'no id' }] as never)).rejects.toSatisfy(
      HeadroomError.isInstance,
    );
  });
});
