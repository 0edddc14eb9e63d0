import { isRecord } from '../util/is-record.js';

/** Message formats `compress()` understands. */
export type MessageFormat = 'openai' | 'anthropic';

const anthropicBlocks = new Set([
  'tool_use',
  'tool_result',
  'thinking',
  'redacted_thinking',
  'document',
  'server_tool_use',
]);

/**
 * Tells OpenAI from Anthropic messages. Plain user/assistant string messages are valid in both
 * and are handled identically, so they default to OpenAI.
 */
export function detectFormat(messages: readonly unknown[]): MessageFormat {
  for (const message of messages) {
    if (!isRecord(message)) continue;
    if (
      message.role === 'tool' ||
      message.role === 'system' ||
      message.role === 'developer' ||
      'tool_calls' in message
    )
      return 'openai';
    if (Array.isArray(message.content)) {
      for (const block of message.content) {
        if (!isRecord(block)) continue;
        if (typeof block.type === 'string' && anthropicBlocks.has(block.type)) return 'anthropic';
        if (block.type === 'image' && isRecord(block.source)) return 'anthropic';
        if (block.type === 'image_url' || block.type === 'input_audio') return 'openai';
      }
    }
  }
  return 'openai';
}
