import { chatAdapter } from './chat-adapter.js';
import { isRecord } from '../util/is-record.js';
import { invalidMessage } from './invalid.js';

/** A content block of an Anthropic message or response, with the fields Headroom reads; the rest pass through. */
export interface AnthropicBlock {
  type: string;
  text?: string;
  /** `tool_use`: the call's id, tool name and input. */
  id?: string;
  name?: string;
  input?: unknown;
  /** `tool_result`: the call it answers, its content (a string or blocks) and whether the tool failed. */
  tool_use_id?: string;
  content?: unknown;
  is_error?: boolean;
  [k: string]: unknown;
}

/** The parts of an Anthropic Messages API message Headroom reads; everything else passes through. */
export interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: string | AnthropicBlock[];
  [k: string]: unknown;
}

/** Adapter for Anthropic Messages API messages (`system` is a separate request field, not a message). */
export const anthropicAdapter = chatAdapter<AnthropicMessage>({
  format: 'anthropic',
  systemIn: 'request',
  roles: ['user', 'assistant'],
  read: (message, index, { calls, segments }) => {
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

  editPart: (current, { part, sub }, text) => {
    const blocks = [...(current.content as AnthropicBlock[])];
    const block = blocks[part]!;
    if (block.type === 'text') {
      blocks[part] = { ...block, text };
    } else if (sub === undefined) {
      blocks[part] = { ...block, content: text };
    } else {
      const inner = [...(block.content as AnthropicBlock[])];
      inner[sub] = { ...inner[sub]!, text };
      blocks[part] = { ...block, content: inner };
    }
    return { ...current, content: blocks };
  },
});
