import { AIMessage, ToolMessage, type BaseMessage, type ToolCall } from '@langchain/core/messages';
import type { AnsweredRetrieveCall } from '@headroom/core/internal';
import { copyAIMessage } from './ai-message.js';
import { answerMessages, withoutCalls } from './retrieval-calls.js';

/** Where an AI message keeps the retrieval calls Headroom answered next to the application's own. */
export const INLINE_RETRIEVALS_KEY = 'headroom_retrievals';

/**
 * The mixed-call policy (see README): when the model called `headroom_retrieve` and the application's
 * tools in one turn, the caller gets the message with only its own calls, and the answered retrievals
 * ride along in `response_metadata`, which providers never receive. {@link restoreRetrievals} turns them
 * back into a tool call and its result on the next request, so the model finds its retrieval answered.
 */
export function withInlineRetrievals(
  message: AIMessage,
  answers: ReadonlyArray<AnsweredRetrieveCall<ToolCall>>,
): AIMessage {
  const stripped = withoutCalls(message, new Set(answers.map((answer) => answer.call.id)));
  stripped.response_metadata = {
    ...stripped.response_metadata,
    [INLINE_RETRIEVALS_KEY]: answers.map(({ call, content, isError }) => ({
      call,
      content,
      isError,
    })),
  };
  return stripped;
}

/** Messages with every inline retrieval put back: the call into its AI message, the answer after that message's tool results. */
export function restoreRetrievals(messages: readonly BaseMessage[]): BaseMessage[] {
  if (!messages.some((message) => inlineAnswers(message) !== undefined)) return [...messages];
  const out: BaseMessage[] = [];
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index]!;
    const answers = inlineAnswers(message);
    if (!answers || !AIMessage.isInstance(message)) {
      out.push(message);
      continue;
    }
    const { [INLINE_RETRIEVALS_KEY]: _, ...responseMetadata } = message.response_metadata;
    out.push(
      copyAIMessage(message, {
        tool_calls: [...(message.tool_calls ?? []), ...answers.map((answer) => answer.call)],
        response_metadata: responseMetadata,
      }),
    );
    while (index + 1 < messages.length && ToolMessage.isInstance(messages[index + 1]))
      out.push(messages[++index]!);
    out.push(...answerMessages(answers));
  }
  return out;
}

function inlineAnswers(message: BaseMessage): Array<AnsweredRetrieveCall<ToolCall>> | undefined {
  const stored = (message.response_metadata as Record<string, unknown> | undefined)?.[
    INLINE_RETRIEVALS_KEY
  ];
  return Array.isArray(stored) && message.type === 'ai'
    ? (stored as Array<AnsweredRetrieveCall<ToolCall>>)
    : undefined;
}
