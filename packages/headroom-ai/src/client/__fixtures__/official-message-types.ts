// An app's history typed with the official SDKs' message types, passed to compress() and
// createHeadroom().compress() and read back as the same types; type-checked by with-headroom-types.test.ts.
import type Anthropic from '@anthropic-ai/sdk';
import type OpenAI from 'openai';
import { compress, createHeadroom } from '../../index.js';

declare const openaiHistory: OpenAI.Chat.Completions.ChatCompletionMessageParam[];
declare const anthropicHistory: Anthropic.Messages.MessageParam[];

const headroom = createHeadroom();
export const openaiBack: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = (
  await compress(openaiHistory, { model: 'gpt-4o' })
).messages;
export const anthropicBack: Anthropic.Messages.MessageParam[] = (
  await headroom.compress(anthropicHistory)
).messages;
