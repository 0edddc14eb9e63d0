import type { LanguageModelV3, LanguageModelV3Prompt } from '@ai-sdk/provider';
import type { OpenAIMessage } from '@headroom/core/internal';
import { messageText } from '../context.js';

/**
 * The conversation as the model's prompt: system as system, everything else (questions, tool calls and
 * their results) as one transcript in a user message, so the original and the compressed context reach the
 * model in the same shape and only the tool outputs differ.
 */
export function transcriptPrompt(messages: readonly OpenAIMessage[]): LanguageModelV3Prompt {
  const system = messages.filter((m) => m.role === 'system').map((m) => messageText(m));
  const lines: string[] = [];
  for (const message of messages) {
    if (message.role === 'system') continue;
    if (message.role === 'tool') lines.push(`[tool result]\n${messageText(message)}`);
    else if (message.role === 'assistant' && message.tool_calls?.length)
      lines.push(
        ...message.tool_calls.map(
          (c) => `[assistant calls ${c.function.name} ${c.function.arguments}]`,
        ),
      );
    else lines.push(`[${message.role}]\n${messageText(message)}`);
  }
  lines.push(
    'Answer the last question in one or two sentences, naming the exact items it asks about.',
  );
  return [
    ...(system.length ? [{ role: 'system' as const, content: system.join('\n') }] : []),
    { role: 'user', content: [{ type: 'text', text: lines.join('\n\n') }] },
  ];
}

/** The model's text answer to a conversation. */
export async function askModel(
  model: LanguageModelV3,
  messages: readonly OpenAIMessage[],
): Promise<string> {
  const result = await model.doGenerate({
    prompt: transcriptPrompt(messages),
    temperature: 0,
    maxOutputTokens: 300,
  });
  return result.content
    .map((part) => (part.type === 'text' ? part.text : ''))
    .join('')
    .trim();
}
