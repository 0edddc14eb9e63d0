import type { OpenAIMessage } from '@headroom/core/internal';

/** How `headroom compress` reads its input: a messages array, or one raw tool output. */
export type InputShape = 'auto' | 'messages' | 'tool-output';

/** The request `compress()` gets, and where the user's own content sits in it. */
export type CliRequest =
  | { shape: 'messages'; messages: unknown[] }
  /** The tool output is wrapped as the result of one tool call; only that message is the user's. */
  | { shape: 'tool-output'; messages: OpenAIMessage[]; text: string };

const roles = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

/**
 * A chat message, not just any record with a `role` (an API's user list has those too): a known
 * role and a `content` or `tool_calls` field.
 */
function isMessage(item: unknown): boolean {
  if (typeof item !== 'object' || item === null) return false;
  const message = item as Record<string, unknown>;
  return (
    typeof message.role === 'string' &&
    roles.has(message.role) &&
    ('content' in message || 'tool_calls' in message)
  );
}

/** Parses the JSON only when it could be a messages array, so large tool outputs are not parsed twice. */
function parseMessages(input: string): unknown[] | undefined {
  if (!input.trimStart().startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(input);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Builds the request for the input: messages as given, or the text as one tool result. */
export function asRequest(
  input: string,
  options: { shape: InputShape; fileName?: string; query?: string },
): CliRequest {
  if (options.shape !== 'tool-output') {
    const messages = parseMessages(input);
    if (messages && messages.length > 0 && messages.every(isMessage))
      return { shape: 'messages', messages };
    if (options.shape === 'messages')
      throw new Error('the input is not a JSON array of chat messages (role and content on each)');
  }
  const messages: OpenAIMessage[] = [
    { role: 'user', content: options.query ?? 'Look at this tool output.' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: 'call_cli',
          type: 'function',
          function: { name: 'read', arguments: JSON.stringify({ path: options.fileName }) },
        },
      ],
    },
    { role: 'tool', tool_call_id: 'call_cli', content: input },
  ];
  return { shape: 'tool-output', messages, text: input };
}
