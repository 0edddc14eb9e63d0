import { anthropicRetrieveTool, type AnthropicSystem } from '@headroom/core/internal';
import { totalUsage } from './add-usage.js';
import { contentBlocks } from './anthropic-content.js';
import { createAnthropicStreamTracker } from './anthropic-messages-stream.js';
import type { ProviderFormat } from './provider-format.js';

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

  toolCalls: contentBlocks.toolCalls,

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
        { role: 'assistant', content: contentBlocks.of(response) },
        { role: 'user', content: results },
      ],
    };
  },

  finalResponse(response, earlier) {
    const content = [...earlier.flatMap(contentBlocks.of), ...contentBlocks.of(response)].filter(
      (block) => !contentBlocks.isRetrieveCall(block),
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
