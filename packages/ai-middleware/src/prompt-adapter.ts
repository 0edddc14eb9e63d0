import type {
  JSONValue,
  LanguageModelV3Message,
  LanguageModelV3ToolResultPart,
} from '@ai-sdk/provider';
import {
  RETRIEVE_TOOL_NAME,
  type MessageAdapter,
  type Segment,
  type SegmentRef,
} from '@headroom/core';
import { applyEdits, parseJsonSafe } from '@headroom/core/internal';

type Output = LanguageModelV3ToolResultPart['output'];

/**
 * Maps an AI SDK prompt (`LanguageModelV3Prompt`, same shape in V4) to segments and back. Tool results
 * in tool messages are the candidates; system, user and assistant text only inform the relevance query.
 * Tool results inside assistant messages are provider-executed and keep the provider's own format, so
 * they are left alone, as are `headroom_retrieve` results (the model asked for exactly that content).
 */
export const aiSdkPromptAdapter: MessageAdapter<LanguageModelV3Message> = {
  format: 'ai-sdk',
  systemIn: 'messages',
  userMessage: (text) => ({ role: 'user', content: [{ type: 'text', text }] }),

  extract(prompt) {
    const callInputs = new Map<string, unknown>();
    const segments: Segment[] = [];
    prompt.forEach((message, index) => {
      if (message.role === 'system') {
        if (typeof message.content === 'string')
          segments.push({
            ref: { message: index },
            role: 'system',
            source: 'text',
            text: message.content,
          });
        return;
      }
      if (!Array.isArray(message.content)) return;
      message.content.forEach((part, partIndex) => {
        const ref = { message: index, part: partIndex };
        if (part.type === 'text' && typeof part.text === 'string') {
          segments.push({ ref, role: message.role, source: 'text', text: part.text });
        } else if (part.type === 'tool-call') {
          callInputs.set(part.toolCallId, part.input);
        } else if (
          part.type === 'tool-result' &&
          message.role === 'tool' &&
          part.toolName !== RETRIEVE_TOOL_NAME
        ) {
          segments.push(...toolResultSegments(part, ref, callInputs.get(part.toolCallId)));
        }
      });
    });
    return segments;
  },

  apply: (prompt, edits) =>
    applyEdits(prompt, edits, (message, { part, sub }, text) => {
      // The CacheAligner's rewrite of a system prompt (volatile values moved to the end).
      if (message.role === 'system') return { ...message, content: text };
      const current = message as Extract<LanguageModelV3Message, { role: 'tool' }>;
      const content = [...current.content];
      const result = content[part!] as LanguageModelV3ToolResultPart;
      content[part!] = { ...result, output: withText(result.output, text, sub) };
      return { ...current, content };
    }),
};

function toolResultSegments(
  part: LanguageModelV3ToolResultPart,
  ref: SegmentRef,
  toolArgs: unknown,
): Segment[] {
  const { output } = part;
  const base = {
    role: 'tool' as const,
    source: 'tool_result' as const,
    toolName: part.toolName,
    toolCallId: part.toolCallId,
    toolArgs,
  };
  switch (output.type) {
    case 'text':
    case 'error-text':
      return [{ ...base, ref, text: output.value, isError: output.type === 'error-text' }];
    case 'json':
    case 'error-json': {
      const text = jsonText(output.value);
      return text === undefined
        ? []
        : [{ ...base, ref, text, isError: output.type === 'error-json' }];
    }
    case 'content':
      return output.value.flatMap((item, sub) =>
        item.type === 'text' ? [{ ...base, ref: { ...ref, sub }, text: item.text }] : [],
      );
    default:
      return [];
  }
}

/** The text a provider sends for a JSON output: a string as itself, anything else as compact JSON. */
function jsonText(value: JSONValue): string | undefined {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** The output with its text replaced, in the same output type whenever the new text fits it. */
function withText(output: Output, text: string, sub: number | undefined): Output {
  switch (output.type) {
    case 'text':
    case 'error-text':
      return { ...output, value: text };
    case 'json':
    case 'error-json': {
      if (typeof output.value === 'string') return { ...output, value: text };
      const parsed = parseJsonSafe(text) as JSONValue | undefined;
      if (parsed !== undefined) return { ...output, value: parsed };
      // Compressed JSON that no longer parses (a marker in place of a value) goes out as the text it is.
      const { providerOptions } = output;
      return {
        type: output.type === 'json' ? 'text' : 'error-text',
        value: text,
        ...(providerOptions ? { providerOptions } : {}),
      };
    }
    case 'content': {
      const value = [...output.value];
      value[sub!] = { ...value[sub!], text } as (typeof value)[number];
      return { ...output, value };
    }
    default:
      return output;
  }
}
