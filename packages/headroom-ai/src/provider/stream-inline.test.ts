import { describe, expect, it } from 'vitest';
import { createAnthropicStreamTracker } from './anthropic-messages-stream.js';
import { createOpenAIResponsesStreamTracker } from './openai-responses-stream.js';
import { formatSse, type SseEvent } from './sse.js';

const sse = (data: object & { type: string }): SseEvent => {
  const raw = formatSse(JSON.stringify(data), data.type);
  return { event: data.type, data: JSON.stringify(data), raw };
};
const parsed = (lines: readonly string[]) =>
  lines.map((raw) =>
    JSON.parse(
      raw
        .split('\n')
        .find((l) => l.startsWith('data: '))!
        .slice(6),
    ),
  );

describe('stream trackers, a round that mixes headroom_retrieve with an application tool (inline)', () => {
  it('Anthropic: releases the held retrieve block after the relayed ones, renumbered', () => {
    const tracker = createAnthropicStreamTracker();
    const relayed = [
      sse({ type: 'message_start', message: { id: 'm', usage: { input_tokens: 5 } } }),
      sse({
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'tool_use', id: 't0', name: 'headroom_retrieve', input: {} },
      }),
      sse({
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'input_json_delta', partial_json: '{"key":"k"}' },
      }),
      sse({ type: 'content_block_stop', index: 0 }),
      sse({
        type: 'content_block_start',
        index: 1,
        content_block: { type: 'tool_use', id: 't1', name: 'lookup', input: {} },
      }),
      sse({ type: 'content_block_stop', index: 1 }),
      sse({
        type: 'message_delta',
        delta: { stop_reason: 'tool_use' },
        usage: { output_tokens: 3 },
      }),
      sse({ type: 'message_stop' }),
    ].flatMap((event) => tracker.accept(event));
    expect(parsed(relayed).map((e) => [e.type, e.index])).toEqual([
      ['message_start', undefined],
      ['content_block_start', 0],
      ['content_block_stop', 0],
    ]);
    expect(parsed(tracker.finish('inline')).map((e) => [e.type, e.index])).toEqual([
      ['content_block_start', 1],
      ['content_block_delta', 1],
      ['content_block_stop', 1],
      ['message_delta', undefined],
      ['message_stop', undefined],
    ]);
  });

  it('Responses: releases the held retrieve item after the relayed ones, renumbered', () => {
    const tracker = createOpenAIResponsesStreamTracker();
    const retrieve = { type: 'function_call', name: 'headroom_retrieve', call_id: 'c0' };
    const lookup = { type: 'function_call', name: 'lookup', call_id: 'c1' };
    const relayed = [
      sse({ type: 'response.output_item.added', output_index: 0, item: retrieve }),
      sse({ type: 'response.output_item.done', output_index: 0, item: retrieve }),
      sse({ type: 'response.output_item.added', output_index: 1, item: lookup }),
      sse({ type: 'response.output_item.done', output_index: 1, item: lookup }),
      sse({ type: 'response.completed', response: { output: [retrieve, lookup] } }),
    ].flatMap((event) => tracker.accept(event));
    expect(parsed(relayed).map((e) => [e.type, e.output_index])).toEqual([
      ['response.output_item.added', 0],
      ['response.output_item.done', 0],
    ]);
    expect(parsed(tracker.finish('inline')).map((e) => [e.type, e.output_index])).toEqual([
      ['response.output_item.added', 1],
      ['response.output_item.done', 1],
      ['response.completed', undefined],
    ]);
  });
});
