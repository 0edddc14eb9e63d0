import {
  AIMessageChunk,
  type AIMessage,
  type AIMessageChunkFields,
} from '@langchain/core/messages';

/**
 * A copy of an AI message as an `AIMessageChunk` (what `BaseChatModel.invoke` is typed to return, and
 * what LangChain's own `withStructuredOutput` parser checks for), with some fields replaced.
 */
export function copyAIMessage(
  message: AIMessage,
  changes: Partial<AIMessageChunkFields> = {},
): AIMessageChunk {
  const {
    content,
    id,
    name,
    tool_calls,
    invalid_tool_calls,
    usage_metadata,
    additional_kwargs,
    response_metadata,
  } = message;
  return new AIMessageChunk({
    content,
    id,
    name,
    tool_calls,
    invalid_tool_calls,
    usage_metadata,
    additional_kwargs,
    response_metadata,
    ...changes,
  });
}
