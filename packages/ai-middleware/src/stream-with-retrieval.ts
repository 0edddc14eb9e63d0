import type {
  LanguageModelV3CallOptions,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import { throwIfAborted } from '@headroom/core/internal';
import { nextRound } from './next-round.js';
import {
  inlineAnswer,
  isRetrieveCall,
  isRetrieveToolInput,
  roundLimitReason,
  type RetrievalContext,
} from './retrieval-round.js';
import { createContentCollector } from './stream-content.js';
import { addUsage } from './usage.js';

type Part = LanguageModelV3StreamPart;
type FinishPart = Extract<Part, { type: 'finish' }>;
type Stream = (options: LanguageModelV3CallOptions) => PromiseLike<LanguageModelV3StreamResult>;

/**
 * The stream side of the retrieval loop: one stream for the caller across all rounds. Text and reasoning
 * pass through as they arrive; `headroom_retrieve` tool parts are held back and swallowed; when a round
 * finishes with only retrieval calls, they are answered and the next round's stream continues this one
 * (past `maxRounds`, they get a note and the final round is one in which the model can call no tool).
 * The caller sees one `stream-start`, one `response-metadata` and one `finish` with the summed usage.
 */
export function streamWithRetrieval(
  first: LanguageModelV3StreamResult,
  params: LanguageModelV3CallOptions,
  doStream: Stream,
  ctx: RetrievalContext,
): LanguageModelV3StreamResult {
  let reader = first.stream.getReader();
  let round = 0;
  let prompt = params.prompt;
  let usage: LanguageModelV3Usage | undefined;
  let collector = createContentCollector();
  let swallowed = new Set<string>();
  const signal = params.abortSignal;

  /** The part as the caller sees it, or undefined to hold it back. */
  function forward(part: Part): Part | undefined {
    collector.add(part);
    switch (part.type) {
      case 'stream-start':
      case 'response-metadata':
        return round === 0 ? part : undefined;
      case 'tool-input-start':
        if (isRetrieveToolInput(part)) {
          swallowed.add(part.id);
          return undefined;
        }
        return renamed(part);
      case 'tool-input-delta':
      case 'tool-input-end':
        return swallowed.has(part.id) ? undefined : renamed(part);
      case 'text-start':
      case 'text-delta':
      case 'text-end':
      case 'reasoning-start':
      case 'reasoning-delta':
      case 'reasoning-end':
        return renamed(part);
      case 'tool-call':
        return isRetrieveCall(part) ? undefined : part;
      default:
        return part;
    }
  }

  // Providers number blocks per response ("0", "1", …); later rounds get distinct ids so none collide.
  function renamed<T extends Part & { id: string }>(part: T): T {
    return round === 0 ? part : { ...part, id: `${part.id}:${round}` };
  }

  /** Ends a round; returns true when it emitted the final parts, false when the next round has started. */
  async function finishRound(
    finish: FinishPart,
    controller: ReadableStreamDefaultController<Part>,
  ): Promise<boolean> {
    usage = usage ? addUsage(usage, finish.usage) : finish.usage;
    const step = await nextRound(collector.content, { round, prompt, params, ctx });
    if (step.outcome === 'done' || step.outcome === 'over') {
      const over = step.outcome === 'over';
      controller.enqueue({ ...finish, usage, ...(over ? { finishReason: roundLimitReason } : {}) });
      return true;
    }
    if (step.outcome === 'inline') {
      // Content parts and stream parts share their shape for tool calls and tool results.
      for (const part of step.answers.flatMap(inlineAnswer)) controller.enqueue(part as Part);
      controller.enqueue({ ...finish, usage });
      return true;
    }
    prompt = step.prompt;
    void reader.cancel().catch(() => undefined);
    const next = await doStream(step.options);
    throwIfAborted(signal);
    reader = next.stream.getReader();
    round += 1;
    collector = createContentCollector();
    swallowed = new Set();
    return false;
  }

  const stream = new ReadableStream<Part>({
    // Each pull emits at least one part (or closes): a pull that enqueues nothing would stall the stream.
    async pull(controller) {
      try {
        for (;;) {
          throwIfAborted(signal);
          const { done, value } = await reader.read();
          if (done) return controller.close();
          if (value.type === 'finish') {
            if (await finishRound(value, controller)) return;
            continue;
          }
          const out = forward(value);
          if (out) return controller.enqueue(out);
        }
      } catch (error) {
        void reader.cancel(error).catch(() => undefined);
        controller.error(error);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { ...first, stream };
}
