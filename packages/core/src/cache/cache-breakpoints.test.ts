import { describe, expect, it } from 'vitest';
import { cacheBreakpointMessages, withAnthropicCacheControl } from './cache-breakpoints.js';
import { formatDynamicBlock } from './move-volatile.js';

const dynamic = {
  role: 'user',
  content: formatDynamicBlock([{ placeholder: '[[date_1]]', kind: 'date', value: '2026-11-25' }]),
};

describe('cacheBreakpointMessages', () => {
  it('marks the last system message and the last two messages of the stable prefix', () => {
    const prompt = [
      { role: 'system', content: 'rules' },
      { role: 'user', content: [{ type: 'text', text: 'task' }] },
      { role: 'assistant', content: [{ type: 'tool-call' }] },
      { role: 'tool', content: [{ type: 'tool-result' }] },
    ];
    expect(cacheBreakpointMessages(prompt)).toEqual([0, 2, 3]);
  });

  it('skips Headroom’s dynamic block and a trailing assistant prefill', () => {
    const messages = [
      { role: 'user', content: 'a' },
      { role: 'assistant', content: 'b' },
      { role: 'user', content: 'c' },
      dynamic,
      { role: 'assistant', content: '{' },
    ];
    expect(cacheBreakpointMessages(messages)).toEqual([1, 2]);
    expect(cacheBreakpointMessages([{ role: 'user', content: 'only' }])).toEqual([0]);
    expect(cacheBreakpointMessages([])).toEqual([]);
  });
});

describe('withAnthropicCacheControl', () => {
  const tools = [
    { name: 'a', input_schema: {} },
    { name: 'b', input_schema: {} },
  ];
  const messages = [
    { role: 'user', content: 'Why is checkout slow?' },
    {
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: '…', signature: 's' },
        { type: 'tool_use', id: 't1', name: 'a', input: {} },
      ],
    },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'rows' }] },
    dynamic,
  ];

  it('marks the system prompt and the last block of the last two stable messages, leaving the input untouched', () => {
    const request = { model: 'claude', system: 'You are Atlas.', tools, messages };
    const out = withAnthropicCacheControl(request);
    expect(out.system).toEqual([
      { type: 'text', text: 'You are Atlas.', cache_control: { type: 'ephemeral' } },
    ]);
    expect(out.tools).toBe(tools);
    expect(out.messages[0]).toBe(messages[0]);
    expect(out.messages[1]!.content).toEqual([
      messages[1]!.content[0],
      { type: 'tool_use', id: 't1', name: 'a', input: {}, cache_control: { type: 'ephemeral' } },
    ]);
    expect(out.messages[2]!.content).toEqual([
      {
        type: 'tool_result',
        tool_use_id: 't1',
        content: 'rows',
        cache_control: { type: 'ephemeral' },
      },
    ]);
    expect(out.messages[3]).toBe(dynamic);
    expect(request.system).toBe('You are Atlas.');
    expect(out.model).toBe('claude');
  });

  it('marks the last tool when there is no system prompt, and leaves requests with their own breakpoints alone', () => {
    const out = withAnthropicCacheControl({ tools, messages: [{ role: 'user', content: 'hi' }] });
    expect(out.tools![1]).toEqual({
      name: 'b',
      input_schema: {},
      cache_control: { type: 'ephemeral' },
    });
    expect(out.messages[0]!.content).toEqual([
      { type: 'text', text: 'hi', cache_control: { type: 'ephemeral' } },
    ]);
    const own = {
      system: [{ type: 'text', text: 'x', cache_control: { type: 'ephemeral' } }],
      messages,
    };
    expect(withAnthropicCacheControl(own)).toBe(own);
  });

  it('never marks thinking blocks or empty text', () => {
    const out = withAnthropicCacheControl({
      messages: [
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'x' },
            { type: 'text', text: '' },
          ],
        },
      ],
    });
    expect(out.messages[0]!.content).toEqual([
      { type: 'thinking', thinking: 'x' },
      { type: 'text', text: '' },
    ]);
  });
});
