import type { OpenAIMessage } from '@headroom/core/internal';
import { describe, expect, it } from 'vitest';
import { fromAiSdkPrompt, toAiSdkPrompt } from './ai-sdk-prompt.js';

describe('AI SDK prompt conversion', () => {
  it('round-trips an OpenAI agent conversation unchanged', () => {
    const messages: OpenAIMessage[] = [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Find the bug.' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'c1', type: 'function', function: { name: 'grep', arguments: '{"q":"Error"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'c1', content: 'a.ts:1: Error' },
      { role: 'assistant', content: 'Found it.' },
    ];
    const prompt = toAiSdkPrompt(messages);
    expect(prompt[3]).toEqual({
      role: 'tool',
      content: [
        {
          type: 'tool-result',
          toolCallId: 'c1',
          toolName: 'grep',
          output: { type: 'text', value: 'a.ts:1: Error' },
        },
      ],
    });
    expect(fromAiSdkPrompt(prompt)).toEqual(messages);
  });
});
