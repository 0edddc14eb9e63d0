// An app's history typed with the official SDKs' message types, passed to compress(),
// createHeadroom().compress() and withAnthropicCacheControl() and read back as the same types;
// type-checked by with-headroom-types.test.ts.
import type Anthropic from '@anthropic-ai/sdk';
import type OpenAI from 'openai';
import { compress, createHeadroom, withAnthropicCacheControl } from '../../index.js';

declare const openaiHistory: OpenAI.Chat.Completions.ChatCompletionMessageParam[];
declare const anthropicHistory: Anthropic.Messages.MessageParam[];
declare const anthropicTools: Anthropic.Messages.Tool[];

const headroom = createHeadroom();
export const openaiBack: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = (
  await compress(openaiHistory, { model: 'gpt-4o' })
).messages;
export const anthropicBack: Anthropic.Messages.MessageParam[] = (
  await headroom.compress(anthropicHistory)
).messages;

// The core README's prompt-cache snippet, given the SDK's types; its messages and tools come back as them.
const result = await headroom.compress(anthropicHistory, { system: 'You are terse.', tools: anthropicTools });
const request = withAnthropicCacheControl({
  model: 'claude-sonnet-4-5',
  max_tokens: 1024,
  system: result.system,
  tools: anthropicTools,
  messages: result.messages,
});
export const cached: [Anthropic.Messages.MessageParam[], Anthropic.Messages.Tool[]] = [
  request.messages,
  request.tools,
];

// A request's own `system` goes in and comes back as the SDK's type, ready for the next create().
declare const params: Anthropic.Messages.MessageCreateParamsNonStreaming;
const fromParams = await compress(params.messages, { system: params.system });
export const systemBack: Anthropic.Messages.MessageCreateParamsNonStreaming['system'] =
  fromParams.system;
