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

/** Answers one call's input: a Headroom instance's `answerRetrieveCall` in the caller's scope (it counts hits and misses). */
export type AnswerRetrieveCall = (input: unknown) => Promise<{ content: string; isError: boolean }>;

/** Answers retrieval calls, in order, with the instance's store, unit splitters and the caller's scope. */
export function answerRetrieveCalls<C>(
  calls: readonly C[],
  options: { answer: AnswerRetrieveCall; input: (call: C) => unknown },
): Promise<Array<AnsweredRetrieveCall<C>>> {
  return Promise.all(
    calls.map(async (call) => ({ call, ...(await options.answer(options.input(call))) })),
  );
}
