import { describe, expect, it } from 'vitest';
import { openaiAdapter, type OpenAIMessage } from './openai.js';

const conversation: OpenAIMessage[] = [
  { role: 'system', content: 'You are a helpful agent.' },
  {
    role: 'user',
    content: [
      { type: 'text', text: 'Find the failing test' },
      { type: 'image_url', image_url: { url: 'x' } },
    ],
  },
  {
    role: 'assistant',
    content: null,
    tool_calls: [
      {
        id: 'call_1',
        type: 'function',
        function: { name: 'read_file', arguments: '{"path":"src/app.ts"}' },
      },
    ],
  },
  { role: 'tool', tool_call_id: 'call_1', content: 'file body' },
  {
    role: 'tool',
    tool_call_id: 'call_2',
    content: [
      { type: 'text', text: 'part one' },
      { type: 'text', text: 'part two' },
    ],
  },
];

describe('openaiAdapter', () => {
  it('extracts tool results as candidates with the tool call that produced them', () => {
    const segments = openaiAdapter.extract(conversation);
    const tool = segments.find((s) => s.toolCallId === 'call_1');
    expect(tool).toMatchObject({
      role: 'tool',
      source: 'tool_result',
      toolName: 'read_file',
      toolArgs: { path: 'src/app.ts' },
      text: 'file body',
    });
    expect(segments.filter((s) => s.source === 'tool_result').map((s) => s.text)).toEqual([
      'file body',
      'part one',
      'part two',
    ]);
    expect(segments.find((s) => s.role === 'user')?.text).toBe('Find the failing test');
  });

  it('writes edits back without touching other messages, parts or ids', () => {
    const segments = openaiAdapter.extract(conversation);
    const edits = segments
      .filter((s) => s.source === 'tool_result')
      .map((segment) => ({ segment, text: segment.text.toUpperCase() }));
    const out = openaiAdapter.apply(conversation, edits);
    expect(out).toHaveLength(conversation.length);
    expect(out[0]).toBe(conversation[0]);
    expect(out[2]).toBe(conversation[2]);
    expect(out[3]).toEqual({ role: 'tool', tool_call_id: 'call_1', content: 'FILE BODY' });
    expect(out[4]!.content).toEqual([
      { type: 'text', text: 'PART ONE' },
      { type: 'text', text: 'PART TWO' },
    ]);
    expect(conversation[3]!.content).toBe('file body');
  });

  it("names the tool of a custom tool call (type 'custom'), whose input is free text", () => {
    const segments = openaiAdapter.extract([
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_c', type: 'custom', custom: { name: 'shell', input: 'ls -la' } }],
      },
      { role: 'tool', tool_call_id: 'call_c', content: 'total 0' },
    ]);
    expect(segments.find((s) => s.toolCallId === 'call_c')).toMatchObject({
      toolName: 'shell',
      toolArgs: 'ls -la',
      text: 'total 0',
    });
  });

  it('names the bad message when input is malformed', () => {
    expect(() => openaiAdapter.extract([{ role: 'user', content: 42 } as never])).toThrow(
      /messages\[0\]/,
    );
    expect(() => openaiAdapter.extract([null as never])).toThrow(/messages\[0\]/);
    expect(() =>
      openaiAdapter.extract([
        { role: 'assistant', content: null, tool_calls: [{ id: 1 }] } as never,
      ]),
    ).toThrow(/tool_calls/);
    expect(() =>
      openaiAdapter.extract([
        { role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'custom' }] } as never,
      ]),
    ).toThrow(/tool_calls/);
  });
});
