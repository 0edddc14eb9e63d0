import type {
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3Prompt,
} from '@ai-sdk/provider';
import { throwIfAborted } from '@headroom/core/internal';
import {
  answerCalls,
  nextPrompt,
  roundOutcome,
  type RetrievalContext,
  type RetrieveAnswer,
} from './retrieval-round.js';
import { finalCallOptions, reportExhausted, unansweredCalls } from './round-limit.js';

/** What a finished round of the retrieval loop leads to. */
export type RoundStep =
  /** The round's content is the caller's: no retrieval call in it. */
  | { outcome: 'done' }
  /** The model called `headroom_retrieve` in the final call, where no tool was callable. */
  | { outcome: 'over' }
  /** The calls were answered for the caller to show in place (the application handles tool calls). */
  | { outcome: 'inline'; answers: RetrieveAnswer[] }
  /** Another call: with the answers appended, or (`limit`) the final one, in which no tool is callable. */
  | {
      outcome: 'continue' | 'limit';
      prompt: LanguageModelV3Prompt;
      options: LanguageModelV3CallOptions;
    };

/**
 * The step both sides of the retrieval loop (generate and stream) take after a round: decide what it
 * leads to, answer its retrieval calls (with the limit note once the rounds ran out), count the round,
 * and build the next call's options.
 */
export async function nextRound(
  content: readonly LanguageModelV3Content[],
  {
    round,
    prompt,
    params,
    ctx,
  }: {
    round: number;
    /** This round's prompt. */
    prompt: LanguageModelV3Prompt;
    params: LanguageModelV3CallOptions;
    ctx: RetrievalContext;
  },
): Promise<RoundStep> {
  const outcome = roundOutcome(content, round, ctx.maxRounds);
  if (outcome === 'done') return { outcome };
  if (outcome === 'limit' && round > ctx.maxRounds) return { outcome: 'over' };
  throwIfAborted(params.abortSignal);
  const answers =
    outcome === 'limit' ? unansweredCalls(content, ctx) : await answerCalls(content, ctx);
  if (outcome === 'inline') return { outcome, answers };
  const next = { ...params, prompt: nextPrompt(prompt, content, answers) };
  if (outcome === 'limit') reportExhausted(ctx, answers.length);
  else ctx.stats.recordRetrievalRound();
  return {
    outcome,
    prompt: next.prompt,
    options: outcome === 'limit' ? finalCallOptions(next) : next,
  };
}
