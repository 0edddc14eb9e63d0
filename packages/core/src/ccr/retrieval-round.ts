import type { Stats } from '../stats/stats.js';
import { answerRetrieveCall } from './retrieve.js';
import type { CcrStore } from './store.js';

/**
 * What an integration does after a model round: `done` (no retrieval call), `continue` (only retrieval
 * calls: answer them and ask again), `inline` (mixed with the application's own calls: answer ours
 * inline, hand the rest to the caller), or `limit` (only retrieval calls, rounds used up: drop them, stop).
 */
export type RetrievalOutcome = 'done' | 'continue' | 'inline' | 'limit';

/** Decides how a round goes on from the number of retrieval and other tool calls it made. */
export function retrievalOutcome(round: {
  retrieveCalls: number;
  otherCalls: number;
  answered: number;
  maxRounds: number;
}): RetrievalOutcome {
  if (round.retrieveCalls === 0) return 'done';
  if (round.otherCalls > 0) return 'inline';
  return round.answered < round.maxRounds ? 'continue' : 'limit';
}

/** One answered `headroom_retrieve` call; a bad or expired key is an error answer, never an exception. */
export interface AnsweredRetrieveCall<C> {
  call: C;
  content: string;
  isError: boolean;
}

/** Answers retrieval calls from the store, in order, counting hits and misses in `stats`. */
export async function answerRetrieveCalls<C>(
  calls: readonly C[],
  options: { store: CcrStore; stats: Stats; input: (call: C) => unknown },
): Promise<Array<AnsweredRetrieveCall<C>>> {
  const answers = await Promise.all(
    calls.map(async (call) => ({
      call,
      ...(await answerRetrieveCall(options.store, options.input(call))),
    })),
  );
  for (const answer of answers) options.stats.recordCcr(answer.isError ? 'miss' : 'hit');
  return answers;
}
