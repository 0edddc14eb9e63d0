import type { OpenAIMessage } from '../adapters/openai.js';

/** One tool call of {@link toolConversation} and what it returned. */
export interface ToolStep {
  /** Default `call_${i}`. */
  id?: string;
  name: string;
  args: unknown;
  result: string;
}

/**
 * An agent's conversation in OpenAI messages: the user's `question`, then for i = 1…`turns` one
 * assistant tool call and its tool result, from `step(i)`. Turn t of a multi-turn test is the
 * conversation of t steps, so every turn repeats the one before it and adds a result.
 */
export function toolConversation(options: {
  question: string;
  turns: number;
  step: (i: number) => ToolStep;
}): OpenAIMessage[] {
  const messages: OpenAIMessage[] = [{ role: 'user', content: options.question }];
  for (let i = 1; i <= options.turns; i++) {
    const { id = `call_${i}`, name, args, result } = options.step(i);
    messages.push(
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id, type: 'function', function: { name, arguments: JSON.stringify(args) } }],
      },
      { role: 'tool', tool_call_id: id, content: result },
    );
  }
  return messages;
}
