import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import type { ModelMessage } from 'ai';
import { changelog } from './fixtures.js';

/** A conversation whose earlier tool call read the changelog: the tool result is the compression candidate. */
export function changelogConversation(
  question = 'What changed about tool approval in the AI SDK?',
): { system: string; messages: ModelMessage[] } {
  return {
    system: 'You answer questions about the AI SDK release notes.',
    messages: [
      { role: 'user', content: question },
      {
        role: 'assistant',
        content: [
          {
            type: 'tool-call',
            toolCallId: 'call-read',
            toolName: 'readFile',
            input: { path: 'CHANGELOG.md' },
          },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'call-read',
            toolName: 'readFile',
            output: { type: 'text', value: changelog },
          },
        ],
      },
    ],
  };
}

/** The same conversation as the model receives it (`LanguageModelV3Prompt`), for calling a wrapped model directly. */
export function changelogPrompt(): LanguageModelV3Prompt {
  return [
    { role: 'system', content: 'You answer questions about the AI SDK release notes.' },
    {
      role: 'user',
      content: [{ type: 'text', text: 'What changed about tool approval in the AI SDK?' }],
    },
    {
      role: 'assistant',
      content: [
        {
          type: 'tool-call',
          toolCallId: 'call-read',
          toolName: 'readFile',
          input: { path: 'CHANGELOG.md' },
        },
      ],
    },
    {
      role: 'tool',
      content: [
        {
          type: 'tool-result',
          toolCallId: 'call-read',
          toolName: 'readFile',
          output: { type: 'text', value: changelog },
        },
      ],
    },
  ];
}
