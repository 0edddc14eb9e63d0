import { RETRIEVE_TOOL_NAME, openaiRetrieveTool } from '@headroom/core/internal';
import { addUsage } from './add-usage.js';
import { createOpenAIChatStreamTracker } from './openai-chat-stream.js';
import {
  toolCallPart,
  type DescribeTool,
  type Json,
  type ProviderFormat,
} from './provider-format.js';

interface ChatToolCall {
  id: string;
  type?: string;
  function: { name: string; arguments: string };
}

interface ChatMessage {
  role: string;
  content?: string | null;
  tool_calls?: ChatToolCall[];
  [k: string]: unknown;
}

/** The first choice's message of a chat completion (retrieval rounds run for `n: 1` only). */
export function chatMessage(response: Json): ChatMessage | undefined {
  const choices = response.choices as Array<{ message?: ChatMessage }> | undefined;
  return Array.isArray(choices) ? choices[0]?.message : undefined;
}

const describe: DescribeTool = (tool) =>
  (tool as { function?: { name?: string; description?: string } } | undefined)?.function;

/** OpenAI Chat Completions: `POST /v1/chat/completions`. */
export const openaiChat: ProviderFormat = {
  name: 'openai-chat',

  requestShape: (body) => ({
    conversation: body.messages,
    format: 'openai',
    withCompressed: (result) => ({ ...body, messages: result.messages }),
    definition: openaiRetrieveTool,
    describe,
  }),

  toolCalls(response) {
    return (chatMessage(response)?.tool_calls ?? []).map((call) =>
      toolCallPart(call.id, call.function?.name, call.function?.arguments ?? ''),
    );
  },

  nextRequest(body, response, answers) {
    const message = chatMessage(response);
    const assistant = {
      role: 'assistant',
      content: message?.content ?? null,
      tool_calls: message?.tool_calls,
    };
    const results = answers.map(({ call, content }) => ({
      role: 'tool',
      tool_call_id: call.toolCallId,
      content,
    }));
    return { ...body, messages: [...(body.messages as unknown[]), assistant, ...results] };
  },

  finalResponse(response, earlier) {
    const message = chatMessage(response);
    if (!message) return response;
    const text = [...earlier.map((r) => chatMessage(r)?.content), message.content]
      .filter((t) => typeof t === 'string' && t !== '')
      .join('');
    const calls = (message.tool_calls ?? []).filter(
      (call) => call.function?.name !== RETRIEVE_TOOL_NAME,
    );
    const { tool_calls: _dropped, ...rest } = message;
    const choice = (response.choices as Json[])[0]!;
    const finished =
      calls.length === 0 && choice.finish_reason === 'tool_calls' ? 'stop' : choice.finish_reason;
    const usage = earlier.reduce<unknown>((sum, r) => addUsage(sum, r.usage), undefined);
    return {
      ...response,
      choices: [
        {
          ...choice,
          message: {
            ...rest,
            content: text || null,
            ...(calls.length > 0 ? { tool_calls: calls } : {}),
          },
          finish_reason: finished,
        },
      ],
      ...(response.usage !== undefined ? { usage: addUsage(usage, response.usage) } : {}),
    };
  },

  createStreamTracker: createOpenAIChatStreamTracker,

  finalRequest(body) {
    return { ...body, tool_choice: 'none' };
  },

  errorBody(message, type) {
    return { error: { message, type, param: null, code: null } };
  },
};
