import {
  RETRIEVE_TOOL_NAME,
  retrieveToolDescription,
  retrieveToolSchema,
  type OpenAIMessage,
} from '@headroom/core/internal';
import { totalUsage } from './add-usage.js';
import { outputItems, type Item } from './openai-responses-items.js';
import { createOpenAIResponsesStreamTracker } from './openai-responses-stream.js';
import type { ProviderFormat } from './provider-format.js';

/** `headroom_retrieve` as a Responses API function tool (flat, unlike Chat Completions' nested `function`). */
export const responsesRetrieveTool = {
  type: 'function',
  name: RETRIEVE_TOOL_NAME,
  description: retrieveToolDescription,
  parameters: retrieveToolSchema,
  strict: false,
} as const;

function text(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: { text?: unknown }) => (typeof part?.text === 'string' ? part.text : ''))
    .join('');
}

/**
 * The input items seen as Chat Completions messages, one message per item, so the OpenAI adapter and the
 * pipeline read them: function outputs become tool messages after the call that asked for them.
 */
function asChatMessages(items: readonly Item[]): OpenAIMessage[] {
  return items.map((item): OpenAIMessage => {
    if (item.type === 'function_call') {
      return {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: String(item.call_id),
            type: 'function',
            function: { name: String(item.name), arguments: String(item.arguments ?? '') },
          },
        ],
      };
    }
    if (item.type === 'function_call_output')
      return {
        role: 'tool',
        tool_call_id: String(item.call_id),
        content: typeof item.output === 'string' ? item.output : '',
      };
    if (
      (item.type === undefined || item.type === 'message') &&
      ['user', 'system', 'developer', 'assistant'].includes(String(item.role))
    ) {
      return { role: item.role as OpenAIMessage['role'], content: text(item.content) };
    }
    return { role: 'assistant', content: null };
  });
}

/** OpenAI Responses: `POST /v1/responses`. */
export const openaiResponses: ProviderFormat = {
  name: 'openai-responses',

  requestShape: (body) => ({
    conversation: body.input,
    format: 'openai',
    view: (items) => asChatMessages(items as Item[]),
    withCompressed: (result, view) => ({
      ...body,
      input: (body.input as Item[]).map((item, i) => {
        const message = result.messages[i] as OpenAIMessage;
        return message === view[i] || item.type !== 'function_call_output'
          ? item
          : { ...item, output: message.content };
      }),
    }),
    definition: responsesRetrieveTool,
  }),

  toolCalls: outputItems.toolCalls,

  nextRequest(body, response, answers) {
    const input =
      typeof body.input === 'string'
        ? [{ role: 'user', content: body.input }]
        : ((body.input as unknown[] | undefined) ?? []);
    const outputs = answers.map(({ call, content }) => ({
      type: 'function_call_output',
      call_id: call.toolCallId,
      output: content,
    }));
    return { ...body, input: [...input, ...outputItems.of(response), ...outputs] };
  },

  finalResponse(response, earlier) {
    const items = [...earlier.flatMap(outputItems.of), ...outputItems.of(response)].filter(
      (item) => !outputItems.isRetrieveCall(item),
    );
    return { ...response, output: items, ...totalUsage([...earlier, response]) };
  },

  createStreamTracker: createOpenAIResponsesStreamTracker,

  finalRequest(body) {
    return { ...body, tool_choice: 'none' };
  },

  errorBody(message, type) {
    return { error: { message, type, param: null, code: null } };
  },
};
