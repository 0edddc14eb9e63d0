import type {
  LanguageModelV3Message,
  LanguageModelV3Prompt,
  LanguageModelV3ToolResultPart,
} from '@ai-sdk/provider';
import { RETRIEVE_TOOL_NAME } from '@headroom/core';

type AssistantPart = Extract<LanguageModelV3Message, { role: 'assistant' }>['content'][number];

/**
 * When the model mixed `headroom_retrieve` with the application's own tool calls, the middleware answered
 * its call inline as a provider-executed call and result (see README, "Mixed tool calls"), and the AI SDK
 * put both into the assistant message of the history. The provider does not know that tool, so before the
 * next request they become what they stand for: an ordinary tool call in the assistant message and its
 * result in the tool message after it.
 */
export function restoreRetrievals(prompt: LanguageModelV3Prompt): LanguageModelV3Prompt {
  if (!prompt.some(isInlineRetrieval)) return prompt;
  const out: LanguageModelV3Prompt = [];
  for (let index = 0; index < prompt.length; index++) {
    const message = prompt[index]!;
    if (!isInlineRetrieval(message) || message.role !== 'assistant') {
      out.push(message);
      continue;
    }
    const results: LanguageModelV3ToolResultPart[] = [];
    const calls: string[] = [];
    const content: AssistantPart[] = [];
    for (const part of message.content) {
      if (part.type === 'tool-result' && part.toolName === RETRIEVE_TOOL_NAME) {
        results.push(part);
      } else if (
        part.type === 'tool-call' &&
        part.toolName === RETRIEVE_TOOL_NAME &&
        part.providerExecuted
      ) {
        const { providerExecuted: _, ...call } = part;
        calls.push(call.toolCallId);
        content.push(call);
      } else {
        content.push(part);
      }
    }
    for (const toolCallId of calls) {
      // Every tool call needs a result; one the history lost gets an error the model can act on.
      if (!results.some((result) => result.toolCallId === toolCallId)) {
        results.push({
          type: 'tool-result',
          toolCallId,
          toolName: RETRIEVE_TOOL_NAME,
          output: {
            type: 'error-text',
            value: 'Error: this result was not kept; call headroom_retrieve again.',
          },
        });
      }
    }
    out.push({ ...message, content });
    const next = prompt[index + 1];
    if (next?.role === 'tool') {
      out.push({ ...next, content: [...next.content, ...results] });
      index++;
    } else if (results.length > 0) {
      out.push({ role: 'tool', content: results });
    }
  }
  return out;
}

function isInlineRetrieval(message: LanguageModelV3Message): boolean {
  return (
    message.role === 'assistant' &&
    message.content.some(
      (part) =>
        (part.type === 'tool-result' || (part.type === 'tool-call' && part.providerExecuted)) &&
        part.toolName === RETRIEVE_TOOL_NAME,
    )
  );
}
