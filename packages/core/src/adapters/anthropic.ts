import type { MessageAdapter } from './adapter.js';
import { applyEdits } from './apply-edits.js';
import { extractSegments } from './extract-segments.js';
import { isRecord } from '../util/is-record.js';
import { invalidMessage } from './invalid.js';

type Block = { type: string; [k: string]: unknown };

/** The parts of an Anthropic Messages API message Headroom reads; everything else passes through. */
export interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: string | Block[];
  [k: string]: unknown;
}

const roles = new Set(['user', 'assistant']);

/** Adapter for Anthropic Messages API messages (`system` is a separate request field, not a message). */
export const anthropicAdapter: MessageAdapter<AnthropicMessage> = {
  format: 'anthropic',
  systemIn: 'request',
  userMessage: (text) => ({ role: 'user', content: text }),

  extract: (messages) =>
    extractSegments(
      messages,
      { roles, problem: 'expected an object with role user or assistant' },
      (message, index, { calls, segments }) => {
        const role = message.role;
        if (typeof message.content === 'string') {
          segments.push({ role, source: 'text', ref: { message: index }, text: message.content });
          return;
        }
        if (!Array.isArray(message.content))
          invalidMessage(index, 'content must be a string or an array of blocks');
        message.content.forEach((block, part) => {
          if (!isRecord(block) || typeof block.type !== 'string')
            invalidMessage(index, `content[${part}] is not a block`);
          if (block.type === 'text' && typeof block.text === 'string') {
            segments.push({
              role,
              source: 'text',
              ref: { message: index, part },
              text: block.text,
            });
          } else if (block.type === 'tool_use' && typeof block.id === 'string') {
            calls.set(block.id, { name: String(block.name), args: block.input });
          } else if (block.type === 'tool_result') {
            const call =
              typeof block.tool_use_id === 'string' ? calls.get(block.tool_use_id) : undefined;
            const base = {
              role: 'tool' as const,
              source: 'tool_result' as const,
              toolCallId: block.tool_use_id as string | undefined,
              toolName: call?.name,
              toolArgs: call?.args,
              isError: block.is_error === true,
            };
            if (typeof block.content === 'string') {
              segments.push({ ...base, ref: { message: index, part }, text: block.content });
            } else if (Array.isArray(block.content)) {
              block.content.forEach((inner, sub) => {
                if (isRecord(inner) && inner.type === 'text' && typeof inner.text === 'string') {
                  segments.push({ ...base, ref: { message: index, part, sub }, text: inner.text });
                }
              });
            }
          }
        });
      },
    ),

  apply: (messages, edits) =>
    applyEdits(messages, edits, (current, { part, sub }, text) => {
      if (part === undefined) return { ...current, content: text };
      const blocks = [...(current.content as Block[])];
      const block = blocks[part]!;
      if (block.type === 'text') {
        blocks[part] = { ...block, text };
      } else if (sub === undefined) {
        blocks[part] = { ...block, content: text };
      } else {
        const inner = [...(block.content as Block[])];
        inner[sub] = { ...inner[sub]!, text };
        blocks[part] = { ...block, content: inner };
      }
      return { ...current, content: blocks };
    }),
};
