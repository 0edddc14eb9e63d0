import type { AIMessage, BaseMessage, ToolCall } from '@langchain/core/messages';
import type { AnsweredRetrieveCall } from '@headroom/core/internal';
import {
  answerCalls,
  answerMessages,
  outcomeOf,
  unansweredCalls,
  type RetrievalContext,
  type RoundCall,
} from './retrieval-calls.js';

/** What a finished round of the retrieval loop leads to. */
export type RoundStep =
  /** The round's message is the caller's: no retrieval call in it. */
  | { outcome: 'done' }
  /** The model called `headroom_retrieve` in the final call, where no tool was callable. */
  | { outcome: 'over' }
  /** The calls were answered for the caller to see inline (the model mixed them with the application's). */
  | { outcome: 'inline'; answers: Array<AnsweredRetrieveCall<ToolCall>> }
  /** Another call with the answers appended; the final one (`limit`) may call no tool. */
  | { outcome: 'continue' | 'limit'; history: BaseMessage[]; call?: RoundCall };

/**
 * The step both sides of the retrieval loop (invoke and stream) take after a round: decide what it leads
 * to, answer its retrieval calls (with the limit note once the rounds ran out), count the round, and
 * build the next call's history.
 */
export async function nextRound(
  message: AIMessage,
  {
    round,
    history,
    ctx,
  }: {
    round: number /** This round's input. */;
    history: readonly BaseMessage[];
    ctx: RetrievalContext;
  },
): Promise<RoundStep> {
  const outcome = outcomeOf(message, round, ctx.maxRounds);
  if (outcome === 'done') return { outcome };
  if (outcome === 'limit' && round > ctx.maxRounds) return { outcome: 'over' };
  ctx.signal?.throwIfAborted();
  const answers =
    outcome === 'limit' ? unansweredCalls(message, ctx) : await answerCalls(message, ctx);
  if (outcome === 'inline') return { outcome, answers };
  if (outcome === 'continue') ctx.stats.recordRetrievalRound();
  return {
    outcome,
    history: [...history, message, ...answerMessages(answers)],
    ...(outcome === 'limit' ? { call: { toolChoice: 'none' as const } } : {}),
  };
}
