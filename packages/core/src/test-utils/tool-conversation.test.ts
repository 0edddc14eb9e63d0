import { describe, expect, it } from 'vitest';
import { toolConversation } from './tool-conversation.js';

describe('toolConversation', () => {
  const step = (i: number) => ({ name: 'read_file', args: { path: `f${i}` }, result: `body ${i}` });

  it('follows the question with a tool call and its result', () => {
    expect(toolConversation({ question: 'Why?', turns: 1, step })).toEqual([
      { role: 'user', content: 'Why?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'read_file', arguments: '{"path":"f1"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'body 1' },
    ]);
  });

  it('adds one call and result per turn, so turn t+1 extends turn t', () => {
    const three = toolConversation({ question: 'Why?', turns: 3, step });
    expect(three.map((m) => m.tool_call_id ?? m.tool_calls?.[0]?.id ?? m.role)).toEqual([
      'user',
      'call_1',
      'call_1',
      'call_2',
      'call_2',
      'call_3',
      'call_3',
    ]);
    expect(three.slice(0, 5)).toEqual(toolConversation({ question: 'Why?', turns: 2, step }));
  });

  it('takes the call id from the step when given', () => {
    const [, call, result] = toolConversation({
      question: 'Why?',
      turns: 1,
      step: () => ({ id: 'call_x', name: 'run', args: {}, result: 'ok' }),
    });
    expect(call!.tool_calls![0]!.id).toBe('call_x');
    expect(result!.tool_call_id).toBe('call_x');
  });
});
