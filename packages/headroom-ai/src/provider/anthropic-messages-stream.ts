import { addUsage } from './add-usage.js';
import type { AnthropicBlock } from '@headroom/core/internal';
import { contentBlocks } from './anthropic-content.js';
import type { Json, StreamEnd, StreamTracker } from './provider-format.js';
import { createHeldParts, releaseHeldEvents } from './held-parts.js';
import { formatSse, parseData, type SseEvent } from './sse.js';

interface StreamEvent {
  type: string;
  index?: number;
  content_block?: AnthropicBlock;
  delta?: {
    type?: string;
    text?: string;
    partial_json?: string;
    thinking?: string;
    signature?: string;
    stop_reason?: string;
    [k: string]: unknown;
  };
  message?: Json;
  usage?: unknown;
  [k: string]: unknown;
}

/**
 * Messages stream events across rounds. `headroom_retrieve` blocks are held back, the other blocks keep
 * contiguous indexes across rounds (SDKs append blocks in arrival order), later rounds' `message_start` is
 * dropped, and `message_delta`/`message_stop` wait for the round's outcome. Untouched events go out byte for byte.
 */
export function createAnthropicStreamTracker(): StreamTracker {
  const parts = createHeldParts<StreamEvent>();
  let earlierUsage: unknown;
  let round = 0;
  let message: Json = {};
  let content: AnthropicBlock[] = [];
  let json = new Map<number, string>();
  let closing: Array<{ event: SseEvent; parsed: StreamEvent }> = [];
  let usage: unknown;

  function accumulate(event: StreamEvent): void {
    const index = event.index ?? 0;
    if (event.type === 'content_block_start' && event.content_block)
      content[index] = { ...event.content_block };
    if (event.type !== 'content_block_delta' || !event.delta) return;
    const block = content[index];
    if (!block) return;
    const { delta } = event;
    if (delta.type === 'text_delta') block.text = (block.text ?? '') + (delta.text ?? '');
    else if (delta.type === 'input_json_delta')
      json.set(index, (json.get(index) ?? '') + (delta.partial_json ?? ''));
    else if (delta.type === 'thinking_delta')
      block.thinking = String(block.thinking ?? '') + (delta.thinking ?? '');
    else if (delta.type === 'signature_delta') block.signature = delta.signature;
  }

  function renumbered(event: SseEvent, parsed: StreamEvent, index: number): string {
    return index === parsed.index
      ? event.raw
      : formatSse(JSON.stringify({ ...parsed, index }), event.event);
  }

  return {
    accept(event) {
      const parsed = parseData<StreamEvent>(event);
      if (!parsed) return [event.raw];
      switch (parsed.type) {
        case 'message_start':
          message = parsed.message ?? {};
          usage = message.usage;
          return round === 0 ? [event.raw] : [];
        case 'content_block_start':
        case 'content_block_delta':
        case 'content_block_stop': {
          accumulate(parsed);
          const index = parsed.index ?? 0;
          if (
            parsed.type === 'content_block_start' &&
            contentBlocks.isRetrieveCall(parsed.content_block)
          )
            parts.claim(index);
          if (parts.isOurs(index)) {
            parts.hold(parsed);
            return [];
          }
          return [renumbered(event, parsed, parts.outIndex(index))];
        }
        case 'message_delta':
          usage = addUsage(usage, parsed.usage);
          closing.push({ event, parsed });
          return [];
        case 'message_stop':
          closing.push({ event, parsed });
          return [];
        default:
          return [event.raw];
      }
    },

    response() {
      const blocks = content.map((block, index) => {
        const input = json.get(index);
        if (block.type !== 'tool_use' || input === undefined) return block;
        try {
          return { ...block, input: input === '' ? {} : JSON.parse(input) };
        } catch {
          return block;
        }
      });
      const stop =
        closing.find(({ parsed }) => parsed.type === 'message_delta')?.parsed.delta?.stop_reason ??
        null;
      return { ...message, content: blocks.filter(Boolean), stop_reason: stop, usage };
    },

    nextRound() {
      earlierUsage = addUsage(earlierUsage, usage);
      round += 1;
      content = [];
      json = new Map();
      parts.nextRound();
      closing = [];
      usage = undefined;
    },

    finish(end: StreamEnd) {
      const out = end === 'inline' ? releaseHeldEvents(parts, 'index') : [];
      for (const { event, parsed } of closing) {
        if (parsed.type !== 'message_delta') {
          out.push(event.raw);
          continue;
        }
        let next = parsed;
        if (
          end === 'limit' &&
          parsed.delta?.stop_reason === 'tool_use' &&
          !content.some((b, i) => b?.type === 'tool_use' && !parts.isOurs(i))
        ) {
          next = { ...next, delta: { ...next.delta, stop_reason: 'end_turn' } };
        }
        if (round > 0 && parsed.usage)
          next = { ...next, usage: addUsage(earlierUsage, parsed.usage) };
        out.push(next === parsed ? event.raw : formatSse(JSON.stringify(next), event.event));
      }
      return out;
    },
  };
}
