import type { OpenAIMessage } from '@headroom/core/internal';

/** The parts of an AI SDK prompt (`LanguageModelV3Prompt`) the bench builds: enough for the middleware, no provider package needed. */
export type AiSdkMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: Array<{ type: 'text'; text: string }> }
  | {
      role: 'assistant';
      content: Array<
        | { type: 'text'; text: string }
        | { type: 'tool-call'; toolCallId: string; toolName: string; input: unknown }
      >;
    }
  | {
      role: 'tool';
      content: Array<{
        type: 'tool-result';
        toolCallId: string;
        toolName: string;
        output: { type: 'text'; value: string };
      }>;
    };

/** An OpenAI conversation as the AI SDK hands it to a model (and so to the middleware). */
export function toAiSdkPrompt(messages: readonly OpenAIMessage[]): AiSdkMessage[] {
  const names = new Map<string, string>();
  return messages.map((message): AiSdkMessage => {
    const text = typeof message.content === 'string' ? message.content : '';
    if (message.role === 'system' || message.role === 'developer')
      return { role: 'system', content: text };
    if (message.role === 'user') return { role: 'user', content: [{ type: 'text', text }] };
    if (message.role === 'assistant') {
      const calls = (message.tool_calls ?? []).map((call) => {
        names.set(call.id, call.function.name);
        return {
          type: 'tool-call' as const,
          toolCallId: call.id,
          toolName: call.function.name,
          input: JSON.parse(call.function.arguments) as unknown,
        };
      });
      return {
        role: 'assistant',
        content: [...(text ? [{ type: 'text' as const, text }] : []), ...calls],
      };
    }
    const id = String(message.tool_call_id);
    return {
      role: 'tool',
      content: [
        {
          type: 'tool-result',
          toolCallId: id,
          toolName: names.get(id) ?? 'tool',
          output: { type: 'text', value: text },
        },
      ],
    };
  });
}

/** Back to OpenAI messages, so the request is tokenized exactly like the other variants'. */
export function fromAiSdkPrompt(prompt: readonly AiSdkMessage[]): OpenAIMessage[] {
  return prompt.flatMap((message): OpenAIMessage[] => {
    switch (message.role) {
      case 'system':
        return [{ role: 'system', content: message.content }];
      case 'user':
        return [{ role: 'user', content: message.content.map((part) => part.text).join('') }];
      case 'assistant': {
        const text = message.content
          .flatMap((part) => (part.type === 'text' ? [part.text] : []))
          .join('');
        const calls = message.content.flatMap((part) =>
          part.type === 'tool-call'
            ? [
                {
                  id: part.toolCallId,
                  type: 'function',
                  function: { name: part.toolName, arguments: JSON.stringify(part.input) },
                },
              ]
            : [],
        );
        return [
          calls.length > 0
            ? { role: 'assistant', content: text || null, tool_calls: calls }
            : { role: 'assistant', content: text },
        ];
      }
      case 'tool':
        return message.content.map((part) => ({
          role: 'tool',
          tool_call_id: part.toolCallId,
          content: part.output.value,
        }));
      default:
        return [];
    }
  });
}
