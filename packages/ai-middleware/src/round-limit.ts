import type { LanguageModelV3CallOptions, LanguageModelV3Content } from '@ai-sdk/provider';
import { retrievalLimitNote } from '@headroom/core/internal';
import { isRetrieveCall, type RetrievalContext, type RetrieveAnswer } from './retrieval-round.js';

/**
 * The retrieval calls of a round past the last allowed one, answered with a note instead of originals:
 * every provider wants a result for each call before the model's next turn.
 */
export function unansweredCalls(
  content: readonly LanguageModelV3Content[],
  ctx: RetrievalContext,
): RetrieveAnswer[] {
  const note = retrievalLimitNote(ctx.maxRounds);
  return content.filter(isRetrieveCall).map((call) => ({ call, content: note, isError: true }));
}

/** Counts a call whose rounds ran out in the stats and tells the integration (`onCompress`). */
export function reportExhausted(ctx: RetrievalContext, unanswered: number): void {
  ctx.stats.recordRetrievalExhausted();
  ctx.onExhausted?.({ maxRounds: ctx.maxRounds, unanswered });
}

/**
 * The last call after the rounds ran out: the same tools, so the history's retrieval calls stay valid
 * (Anthropic and Bedrock reject tool calls without tool definitions) and the cached prefix unchanged,
 * but none the model may call, so it answers.
 */
export function finalCallOptions(params: LanguageModelV3CallOptions): LanguageModelV3CallOptions {
  return { ...params, toolChoice: { type: 'none' } };
}
