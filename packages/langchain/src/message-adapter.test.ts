import { AIMessage, HumanMessage, SystemMessage, ToolMessage } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { langchainAdapter } from './message-adapter.js';

const history = [
  new SystemMessage('You answer questions about logs.'),
  new HumanMessage({ content: 'Why did the build fail?', id: 'h1' }),
  new AIMessage({
    content: '',
    id: 'a1',
    tool_calls: [
      { id: 'call_1', name: 'read_log', args: { file: 'build.log' }, type: 'tool_call' },
    ],
  }),
  new ToolMessage({
    content: 'line 1\nline 2',
    tool_call_id: 'call_1',
    id: 't1',
    status: 'error',
    artifact: { bytes: 12 },
    metadata: { source: 'ci' },
  }),
  new ToolMessage({
    content: [
      { type: 'text', text: 'block text' },
      { type: 'image_url', image_url: 'data:,' },
    ],
    tool_call_id: 'call_2',
    name: 'screenshot',
  }),
  new ToolMessage({ content: 'the original', tool_call_id: 'call_3', name: 'headroom_retrieve' }),
];

describe('langchainAdapter', () => {
  it('turns tool messages into candidates and other text into context, with the producing call', () => {
    const segments = langchainAdapter.extract(history);
    expect(segments.map((s) => [s.ref, s.role, s.source, s.text])).toEqual([
      [{ message: 0 }, 'system', 'text', 'You answer questions about logs.'],
      [{ message: 1 }, 'user', 'text', 'Why did the build fail?'],
      [{ message: 2 }, 'assistant', 'text', ''],
      [{ message: 3 }, 'tool', 'tool_result', 'line 1\nline 2'],
      [{ message: 4, part: 0 }, 'tool', 'tool_result', 'block text'],
    ]);
    expect(segments[3]).toMatchObject({
      toolCallId: 'call_1',
      toolName: 'read_log',
      toolArgs: { file: 'build.log' },
      isError: true,
    });
    expect(segments[4]).toMatchObject({
      toolCallId: 'call_2',
      toolName: 'screenshot',
      isError: false,
    });
  });

  it('writes edits back into new tool messages that keep ids, names, status, artifact and metadata', () => {
    const segments = langchainAdapter.extract(history);
    const out = langchainAdapter.apply(history, [
      { segment: segments[3]!, text: 'short' },
      { segment: segments[4]!, text: 'short block' },
    ]);
    expect(out).toHaveLength(history.length);
    for (const index of [0, 1, 2, 5]) expect(out[index]).toBe(history[index]);
    const tool = out[3] as ToolMessage;
    expect(ToolMessage.isInstance(tool)).toBe(true);
    expect(tool).toMatchObject({
      content: 'short',
      tool_call_id: 'call_1',
      id: 't1',
      status: 'error',
      artifact: { bytes: 12 },
      metadata: { source: 'ci' },
    });
    expect((out[4] as ToolMessage).content).toEqual([
      { type: 'text', text: 'short block' },
      { type: 'image_url', image_url: 'data:,' },
    ]);
    expect((out[4] as ToolMessage).name).toBe('screenshot');
    expect(history[3]!.content).toBe('line 1\nline 2');
  });
});
