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
  return new AIMessageChunk({
    content: message.content,
    id: message.id,
    name: message.name,
    tool_calls: message.tool_calls,
    invalid_tool_calls: message.invalid_tool_calls,
    usage_metadata: message.usage_metadata,
    additional_kwargs: message.additional_kwargs,
    response_metadata: message.response_metadata,
    ...changes,
  });
}
