import type { OpenAIMessage } from '@headroom/core/internal';

/**
 * One tool call and its result, as an agent's conversation carries a tool output: the assistant's call
 * (arguments as JSON) and the tool message answering it.
 */
export function toolTurn({
  id = 'call_1',
  name,
  args = {},
  output,
}: {
  id?: string;
  name: string;
  args?: unknown;
  output: string;
}): [OpenAIMessage, OpenAIMessage] {
  return [
    {
      role: 'assistant',
      content: null,
      tool_calls: [{ id, type: 'function', function: { name, arguments: JSON.stringify(args) } }],
    },
    { role: 'tool', tool_call_id: id, content: output },
  ];
}
