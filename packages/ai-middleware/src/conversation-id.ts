import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { moveVolatileValues, sha256Hex } from '@headroom/core/internal';
import type { CallOptionsLike } from './types.js';

/**
 * The conversation a call belongs to, which picks its Headroom session: the id the application
 * passed (`providerOptions: { headroom: { conversationId } }`), else a hash of the conversation's
 * opening — its system text and first user message — which every later turn repeats. Volatile
 * values (a clock, a request id) are masked first, so a system prompt with a clock stays one conversation.
 */
export function conversationIdOf(params: CallOptionsLike, prompt: LanguageModelV3Prompt): string {
  const given = (params.providerOptions?.headroom as { conversationId?: unknown } | undefined)
    ?.conversationId;
  if (typeof given === 'string' && given !== '') return given;
  return `opening:${openingHash(prompt)}`;
}

function openingHash(prompt: LanguageModelV3Prompt): string {
  const texts: string[] = [];
  for (const message of prompt) {
    if (message.role === 'system') {
      texts.push(`system:${moveVolatileValues([message.content]).texts[0]}`);
    } else if (message.role === 'user') {
      for (const part of message.content) if (part.type === 'text') texts.push(`user:${part.text}`);
      break;
    }
  }
  return sha256Hex(texts.join('\n'));
}
