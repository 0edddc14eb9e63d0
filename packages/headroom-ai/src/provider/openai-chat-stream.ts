import { RETRIEVE_TOOL_NAME } from '@headroom/core/internal';
import { addUsage } from './add-usage.js';
import type { Json, StreamEnd, StreamTracker } from './provider-format.js';
import { createHeldParts } from './held-parts.js';
import { formatSse, parseData, type SseEvent } from './sse.js';

interface ToolCallDelta {
  index: number;
  id?: string;
  type?: string;
  function?: { name?: string; arguments?: string };
}

interface Chunk {
  choices?: Array<{
    index?: number;
    delta?: { content?: string | null; tool_calls?: ToolCallDelta[]; [k: string]: unknown };
    finish_reason?: string | null;
  }>;
  usage?: unknown;
  [k: string]: unknown;
}

/**
 * Chat Completions chunks across rounds. `headroom_retrieve` call deltas are held back, the application's
 * calls keep contiguous `index`es, and the closing chunks (finish reason, usage, `[DONE]`) wait for the
 * round's outcome. Chunks nothing changes in are relayed byte for byte.
 */
export function createOpenAIChatStreamTracker(): StreamTracker {
  const parts = createHeldParts<Chunk>();
  let earlierUsage: unknown;
  let text = '';
  let calls = new Map<number, { id: string; name: string; arguments: string }>();
  let closing: SseEvent[] = [];
  let template: Chunk = {};
  let finishReason: string | null = null;
  let usage: unknown;
  let round = 0;

  function record(delta: ToolCallDelta): void {
    const call = calls.get(delta.index) ?? { id: '', name: '', arguments: '' };
    if (delta.id) call.id = delta.id;
    if (delta.function?.name) call.name += delta.function.name;
    if (delta.function?.arguments) call.arguments += delta.function.arguments;
    calls.set(delta.index, call);
    if (call.name === RETRIEVE_TOOL_NAME) parts.claim(delta.index);
  }

  function withCalls(chunk: Chunk, toolCalls: ToolCallDelta[] | undefined): Chunk {
    const [choice] = chunk.choices!;
    const delta = { ...choice!.delta };
    if (toolCalls) delta.tool_calls = toolCalls;
    else delete delta.tool_calls;
    return { ...chunk, choices: [{ ...choice, delta }] };
  }

  return {
    accept(event) {
      if (event.data === '[DONE]') {
        closing.push(event);
        return [];
      }
      const chunk = parseData<Chunk>(event);
      if (!chunk) return [event.raw];
      const { choices: _c, usage: _u, ...meta } = chunk;
      template = meta;
      const choice = chunk.choices?.[0];
      if (chunk.usage) usage = chunk.usage;
      if (!choice || choice.finish_reason) {
        if (choice?.finish_reason) finishReason = choice.finish_reason;
        if (choice?.delta && typeof choice.delta.content === 'string') text += choice.delta.content;
        for (const delta of choice?.delta?.tool_calls ?? []) record(delta);
        closing.push(event);
        return [];
      }
      if (typeof choice.delta?.content === 'string') text += choice.delta.content;
      const deltas = choice.delta?.tool_calls;
      if (!deltas) return [event.raw];
      for (const delta of deltas) record(delta);
      const mine = deltas.filter((d) => parts.isOurs(d.index));
      if (mine.length > 0) parts.hold(withCalls(chunk, mine));
      const theirs = deltas
        .filter((d) => !parts.isOurs(d.index))
        .map((d) => ({ ...d, index: parts.outIndex(d.index) }));
      const unchanged = mine.length === 0 && theirs.every((d, i) => d.index === deltas[i]!.index);
      if (unchanged) return [event.raw];
      const { tool_calls: _t, role: _r, ...rest } = choice.delta!;
      const hasMore = Object.values(rest).some((v) => v !== undefined && v !== null && v !== '');
      if (theirs.length === 0 && !hasMore) return [];
      return [formatSse(JSON.stringify(withCalls(chunk, theirs.length > 0 ? theirs : undefined)))];
    },

    response() {
      const toolCalls = [...calls]
        .sort(([a], [b]) => a - b)
        .map(([, c]) => ({
          id: c.id,
          type: 'function',
          function: { name: c.name, arguments: c.arguments },
        }));
      const message = {
        role: 'assistant',
        content: text || null,
        ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
      };
      return {
        ...template,
        object: 'chat.completion',
        choices: [{ index: 0, message, finish_reason: finishReason }],
        ...(usage ? { usage } : {}),
      } as Json;
    },

    nextRound() {
      earlierUsage = addUsage(earlierUsage, usage);
      round += 1;
      text = '';
      calls = new Map();
      parts.nextRound();
      closing = [];
      finishReason = null;
      usage = undefined;
    },

    finish(end: StreamEnd) {
      const out: string[] = [];
      if (end === 'inline') {
        for (const chunk of parts.held) {
          const deltas = chunk.choices![0]!.delta!.tool_calls!.map((d) => ({
            ...d,
            index: parts.outIndex(d.index),
          }));
          out.push(formatSse(JSON.stringify(withCalls(chunk, deltas))));
        }
      }
      for (const event of closing) {
        if (event.data === '[DONE]') {
          out.push(event.raw);
          continue;
        }
        let chunk = parseData<Chunk>(event);
        if (!chunk) {
          out.push(event.raw);
          continue;
        }
        let changed = false;
        const choice = chunk.choices?.[0];
        if (choice?.delta?.tool_calls && end !== 'inline') {
          const theirs = choice.delta.tool_calls
            .filter((d) => !parts.isOurs(d.index))
            .map((d) => ({ ...d, index: parts.outIndex(d.index) }));
          chunk = withCalls(chunk, theirs.length > 0 ? theirs : undefined);
          changed = true;
        }
        if (choice?.finish_reason === 'tool_calls' && end === 'limit' && parts.relayed === 0) {
          chunk = { ...chunk, choices: [{ ...chunk.choices![0], finish_reason: 'stop' }] };
          changed = true;
        }
        if (chunk.usage && round > 0) {
          chunk = { ...chunk, usage: addUsage(earlierUsage, chunk.usage) };
          changed = true;
        }
        out.push(changed ? formatSse(JSON.stringify(chunk)) : event.raw);
      }
      return out;
    },
  };
}
