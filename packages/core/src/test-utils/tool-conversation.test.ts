import { describe, expect, it } from 'vitest';
import { toolConversation } from './tool-conversation.js';

describe('toolConversation', () => {
  it('follows the question with one tool call and its result per step', () => {
    const messages = toolConversation({
      question: 'Why?',
      turns: 2,
      step: (i) => ({ name: 'read_file', args: { path: `f${i}` }, result: `body ${i}` }),
    });
    expect(messages).toEqual([
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
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_2',
            type: 'function',
            function: { name: 'read_file', arguments: '{"path":"f2"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_2', content: 'body 2' },
    ]);
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
