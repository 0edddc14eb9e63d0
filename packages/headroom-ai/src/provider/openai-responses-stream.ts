import { addUsage } from './add-usage.js';
import { outputItems } from './openai-responses-items.js';
import type { Json, StreamEnd, StreamTracker } from './provider-format.js';
import { createHeldParts, releaseHeldEvents } from './held-parts.js';
import { formatSse, parseData, type SseEvent } from './sse.js';

interface StreamEvent {
  type: string;
  output_index?: number;
  item?: { type?: string; name?: string };
  response?: Json;
  [k: string]: unknown;
}

const closingTypes = new Set(['response.completed', 'response.incomplete', 'response.failed']);

/**
 * Responses stream events across rounds: `headroom_retrieve` items are held back, the other items keep
 * contiguous `output_index`es, later rounds' `response.created`/`in_progress` are dropped, and the closing
 * `response.completed` carries every round's output and summed usage.
 */
export function createOpenAIResponsesStreamTracker(): StreamTracker {
  const parts = createHeldParts<StreamEvent>();
  let earlierOutput: unknown[] = [];
  let earlierUsage: unknown;
  let round = 0;
  let closing: { event: SseEvent; parsed: StreamEvent } | undefined;

  const current = (): Json => closing?.parsed.response ?? {};

  return {
    accept(event) {
      const parsed = parseData<StreamEvent>(event);
      if (!parsed) return [event.raw];
      if (parsed.type === 'response.created' || parsed.type === 'response.in_progress')
        return round === 0 ? [event.raw] : [];
      if (closingTypes.has(parsed.type)) {
        closing = { event, parsed };
        return [];
      }
      if (typeof parsed.output_index !== 'number') return [event.raw];
      if (parsed.type === 'response.output_item.added' && outputItems.isRetrieveCall(parsed.item))
        parts.claim(parsed.output_index);
      if (parts.isOurs(parsed.output_index)) {
        parts.hold(parsed);
        return [];
      }
      const index = parts.outIndex(parsed.output_index);
      return [
        index === parsed.output_index
          ? event.raw
          : formatSse(JSON.stringify({ ...parsed, output_index: index }), event.event),
      ];
    },

    response: current,

    nextRound() {
      const response = current();
      earlierOutput = [
        ...earlierOutput,
        ...outputItems.of(response).filter((item) => !outputItems.isRetrieveCall(item)),
      ];
      earlierUsage = addUsage(earlierUsage, response.usage);
      round += 1;
      parts.nextRound();
      closing = undefined;
    },

    finish(end: StreamEnd) {
      const out = end === 'inline' ? releaseHeldEvents(parts, 'output_index') : [];
      if (!closing) return out;
      const { event, parsed } = closing;
      const response = current();
      const kept = outputItems
        .of(response)
        .filter((item) => end === 'inline' || !outputItems.isRetrieveCall(item));
      if (round === 0 && kept.length === outputItems.of(response).length)
        return [...out, event.raw];
      const usage = round > 0 ? addUsage(earlierUsage, response.usage) : response.usage;
      const merged = {
        ...response,
        output: [...earlierOutput, ...kept],
        ...(usage !== undefined ? { usage } : {}),
      };
      return [...out, formatSse(JSON.stringify({ ...parsed, response: merged }), event.event)];
    },
  };
}
