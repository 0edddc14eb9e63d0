import { describe, expect, it } from 'vitest';
import type { OpenAIMessage } from '../adapters/openai.js';
import { MemoryCcrStore } from '../ccr/memory-store.js';
import { compress } from '../compress.js';

function toolOutput(content: string): OpenAIMessage[] {
  return [
    { role: 'user', content: 'What failed?' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'logs', arguments: '{}' } }],
    },
    { role: 'tool', tool_call_id: 'call_1', content },
  ];
}

describe('large tool outputs', () => {
  it('compresses a 12 MB log with default options (the old 8 MiB limit sent it as it was)', async () => {
    const lines: string[] = [];
    for (let i = 0, size = 0; size < 12 * 1024 * 1024; i++) {
      const line =
        i % 5000 === 17
          ? `2024-05-01T10:${String(i % 60).padStart(2, '0')}:00Z ERROR worker ${i % 7} lost connection to db-${i % 3}`
          : `2024-05-01T10:${String(i % 60).padStart(2, '0')}:00Z INFO request ${i} served in ${i % 900} ms`;
      lines.push(line);
      size += line.length + 1;
    }
    const text = lines.join('\n');
    const store = new MemoryCcrStore();
    const result = await compress(toolOutput(text), { model: 'gpt-4o', store });
    expect(text.length).toBeGreaterThan(8 * 1024 * 1024);
    expect(result.transforms).toHaveLength(1);
    expect(result.tokensAfter).toBeLessThan(result.tokensBefore * 0.05);
    // Counted exactly, not estimated at four characters a token.
    expect(result.tokensBefore).not.toBe(Math.ceil(text.length / 4));
    expect((await store.get(result.ccrKeys[0]!))?.original).toBe(text);
  });
});
