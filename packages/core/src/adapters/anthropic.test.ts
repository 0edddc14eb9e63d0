import { describe, expect, it } from 'vitest';
import { anthropicAdapter, type AnthropicMessage } from './anthropic.js';

const conversation: AnthropicMessage[] = [
  { role: 'user', content: 'Why is checkout slow?' },
  {
    role: 'assistant',
    content: [
      { type: 'text', text: 'Let me look.' },
      { type: 'tool_use', id: 'toolu_1', name: 'search_logs', input: { service: 'checkout' } },
      { type: 'tool_use', id: 'toolu_2', name: 'read_file', input: { file_path: 'db.go' } },
    ],
  },
  {
    role: 'user',
    content: [
      { type: 'tool_result', tool_use_id: 'toolu_1', content: 'log lines' },
      {
        type: 'tool_result',
        tool_use_id: 'toolu_2',
        is_error: true,
        content: [
          { type: 'text', text: 'no such file' },
          { type: 'image', source: {} },
        ],
      },
    ],
  },
];

describe('anthropicAdapter', () => {
  it('extracts tool_result blocks, string and block content, with their tool_use', () => {
    const segments = anthropicAdapter.extract(conversation);
    const results = segments.filter((s) => s.source === 'tool_result');
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({
      toolName: 'search_logs',
      toolArgs: { service: 'checkout' },
      text: 'log lines',
      role: 'tool',
    });
    expect(results[1]).toMatchObject({
      toolName: 'read_file',
      isError: true,
      text: 'no such file',
      ref: { message: 2, part: 1, sub: 0 },
    });
    expect(segments[0]).toMatchObject({
      role: 'user',
      source: 'text',
      text: 'Why is checkout slow?',
    });
  });

  it('writes edits back into the right block and leaves the rest as it was', () => {
    const segments = anthropicAdapter
      .extract(conversation)
      .filter((s) => s.source === 'tool_result');
    const out = anthropicAdapter.apply(
      conversation,
      segments.map((segment) => ({ segment, text: `<${segment.text}>` })),
    );
    expect(out[1]).toBe(conversation[1]);
    const blocks = out[2]!.content as Array<Record<string, unknown>>;
    expect(blocks[0]).toEqual({
      type: 'tool_result',
      tool_use_id: 'toolu_1',
      content: '<log lines>',
    });
    expect(blocks[1]).toEqual({
      type: 'tool_result',
      tool_use_id: 'toolu_2',
      is_error: true,
      content: [
        { type: 'text', text: '<no such file>' },
        { type: 'image', source: {} },
      ],
    });
  });

  it('rejects roles Anthropic does not have', () => {
    expect(() => anthropicAdapter.extract([{ role: 'system', content: 'x' } as never])).toThrow(
      /messages\[0\]/,
    );
  });
});
