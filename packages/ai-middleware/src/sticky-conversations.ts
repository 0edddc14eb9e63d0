import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { sha256Hex } from '@headroom/core';

/** Conversations remembered per middleware; the oldest are forgotten first. */
const LIMIT = 10_000;

/**
 * Remembers which conversations were offered `headroom_retrieve`, so later turns keep offering it and the
 * tool list stays byte-stable (prefix caching) even when a turn itself emits no marker. A conversation is
 * known by its opening: the system text and the first user message.
 */
export function createStickyConversations(): { has(prompt: LanguageModelV3Prompt): boolean; add(prompt: LanguageModelV3Prompt): void } {
  const seen = new Map<string, true>();
  return {
    has: (prompt) => seen.has(openingKey(prompt)),
    add(prompt) {
      const key = openingKey(prompt);
      seen.delete(key);
      seen.set(key, true);
      if (seen.size > LIMIT) seen.delete(seen.keys().next().value as string);
    },
  };
}

function openingKey(prompt: LanguageModelV3Prompt): string {
  const texts: string[] = [];
  for (const message of prompt) {
    if (message.role === 'system') {
      texts.push(`system:${message.content}`);
    } else if (message.role === 'user') {
      for (const part of message.content) if (part.type === 'text') texts.push(`user:${part.text}`);
      break;
    }
  }
  return sha256Hex(texts.join('\n'));
}
