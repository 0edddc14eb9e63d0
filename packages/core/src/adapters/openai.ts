import type { Segment } from '../pipeline/segment.js';
import { chatAdapter } from './chat-adapter.js';
import { isRecord } from '../util/is-record.js';
import { invalidMessage, parseArgs } from './invalid.js';

/** The parts of an OpenAI Chat Completions message Headroom reads; everything else passes through. */
export interface OpenAIMessage {
  role: 'system' | 'developer' | 'user' | 'assistant' | 'tool' | 'function';
  content?: string | null | Array<{ type: string; text?: string; [k: string]: unknown }>;
  /** Function calls; a custom tool's call (`type: 'custom'`, `custom: { name, input }`) is read too. */
  tool_calls?: Array<{ id: string; type?: string; function: { name: string; arguments: string } }>;
  tool_call_id?: string;
  name?: string;
  [k: string]: unknown;
}

function roleOf(role: OpenAIMessage['role']): Segment['role'] {
  if (role === 'developer') return 'system';
  if (role === 'function') return 'tool';
  return role;
}

/** Adapter for OpenAI Chat Completions messages. */
export const openaiAdapter = chatAdapter<OpenAIMessage>({
  format: 'openai',
  systemIn: 'messages',
  roles: ['system', 'developer', 'user', 'assistant', 'tool', 'function'],
  read: (message, index, { calls, segments }) => {
    if (message.tool_calls != null && !Array.isArray(message.tool_calls))
      invalidMessage(index, 'tool_calls must be an array');
    for (const call of (message.tool_calls ?? []) as unknown[]) {
      // A custom tool's call (`type: 'custom'`) names it the same way; its input is free text.
      const custom = isRecord(call) && call.type === 'custom';
      const tool = isRecord(call) ? (custom ? call.custom : call.function) : undefined;
      if (!isRecord(call) || !isRecord(tool) || typeof call.id !== 'string')
        invalidMessage(index, 'malformed tool_calls entry');
      calls.set(call.id, {
        name: String(tool.name),
        args: parseArgs(custom ? tool.input : tool.arguments),
      });
    }
    const role = roleOf(message.role);
    const isTool = role === 'tool';
    if (isTool && message.role === 'tool' && typeof message.tool_call_id !== 'string')
      invalidMessage(index, 'tool message without tool_call_id');
    const call = message.tool_call_id ? calls.get(message.tool_call_id) : undefined;
    const base = {
      role,
      source: isTool ? ('tool_result' as const) : ('text' as const),
      toolCallId: message.tool_call_id,
      toolName: call?.name ?? message.name,
      toolArgs: call?.args,
    };
    const { content } = message;
    if (typeof content === 'string') {
      segments.push({ ...base, ref: { message: index }, text: content });
    } else if (Array.isArray(content)) {
      content.forEach((part, partIndex) => {
        if (!isRecord(part)) invalidMessage(index, `content[${partIndex}] is not an object`);
        if (part.type === 'text' && typeof part.text === 'string') {
          segments.push({ ...base, ref: { message: index, part: partIndex }, text: part.text });
        }
      });
    } else if (content !== null && content !== undefined) {
      invalidMessage(index, 'content must be a string, an array of parts or null');
    }
  },

  editPart: (current, { part }, text) => {
    const parts = [...(current.content as NonNullable<Exclude<OpenAIMessage['content'], string>>)];
    parts[part] = { ...parts[part]!, text };
    return { ...current, content: parts };
  },
});
