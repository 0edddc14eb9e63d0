import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import type { ModelMessage } from 'ai';
import { changelog } from './fixtures.js';

const system = 'You answer questions about the AI SDK release notes.';
const defaultQuestion = 'What changed about tool approval in the AI SDK?';

/** The earlier tool call that read the changelog, and its result: the same parts in both message types. */
function readChangelog() {
  return [
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
  ] satisfies LanguageModelV3Prompt;
}

/** A conversation whose earlier tool call read the changelog: the tool result is the compression candidate. */
export function changelogConversation(question = defaultQuestion): {
  system: string;
  messages: ModelMessage[];
} {
  return { system, messages: [{ role: 'user', content: question }, ...readChangelog()] };
}

/** The same conversation as the model receives it (`LanguageModelV3Prompt`), for calling a wrapped model directly. */
export function changelogPrompt(): LanguageModelV3Prompt {
  return [
    { role: 'system', content: system },
    { role: 'user', content: [{ type: 'text', text: defaultQuestion }] },
    ...readChangelog(),
  ];
}
