import { anthropicRetrieveTool, type AnthropicSystem } from '@headroom/core/internal';
import { totalUsage } from './add-usage.js';
import { createAnthropicStreamTracker } from './anthropic-messages-stream.js';
import { toolCallPart, type Json, type ProviderFormat } from './provider-format.js';
import { listAt } from './list-at.js';
import { retrieveCallTest } from './retrieve-call.js';

/** A content block of an Anthropic message. */
export interface ContentBlock {
  type: string;
  id?: string;
  name?: string;
  input?: unknown;
  text?: string;
  [k: string]: unknown;
}

const blocks = (response: Json) => listAt<ContentBlock>(response, 'content');

/** Whether a block is a `headroom_retrieve` call. */
export const isRetrieveBlock = retrieveCallTest('tool_use');

/** Anthropic Messages: `POST /v1/messages`. */
export const anthropicMessages: ProviderFormat = {
  name: 'anthropic-messages',

  requestShape: (body) => ({
    conversation: body.messages,
    format: 'anthropic',
    ...(body.system !== undefined ? { system: body.system as AnthropicSystem } : {}),
    withCompressed: (result) => ({
      ...body,
      messages: result.messages,
      ...(result.system !== undefined ? { system: result.system } : {}),
    }),
    definition: anthropicRetrieveTool,
  }),

  toolCalls(response) {
    return blocks(response)
      .filter((block) => block.type === 'tool_use')
      .map((block) =>
        toolCallPart(String(block.id), String(block.name), JSON.stringify(block.input ?? {})),
      );
  },

  nextRequest(body, response, answers) {
    const results = answers.map(({ call, content, isError }) => ({
      type: 'tool_result',
      tool_use_id: call.toolCallId,
      content,
      ...(isError ? { is_error: true } : {}),
    }));
    return {
      ...body,
      messages: [
        ...(body.messages as unknown[]),
        { role: 'assistant', content: blocks(response) },
        { role: 'user', content: results },
      ],
    };
  },

  finalResponse(response, earlier) {
    const content = [...earlier.flatMap(blocks), ...blocks(response)].filter(
      (block) => !isRetrieveBlock(block),
    );
    const stop =
      response.stop_reason === 'tool_use' && !content.some((b) => b.type === 'tool_use')
        ? 'end_turn'
        : response.stop_reason;
    return { ...response, content, stop_reason: stop, ...totalUsage([...earlier, response]) };
  },

  createStreamTracker: createAnthropicStreamTracker,

  finalRequest(body) {
    return { ...body, tool_choice: { type: 'none' } };
  },

  errorBody(message, type) {
    return { type: 'error', error: { type, message } };
  },
};
