/** A call's retrieval rounds ran out: after `maxRounds` answered rounds the model asked again. */
export interface RetrievalExhaustion {
  maxRounds: number;
  /** `headroom_retrieve` calls of the last round, answered with {@link retrievalLimitNote} instead of originals. */
  unanswered: number;
}

/**
 * The tool answer for retrieval calls made after the last allowed round. The calls get an answer (every
 * provider wants one result per call) and the model one more turn, with no tool it may call, to answer.
 */
export function retrievalLimitNote(maxRounds: number): string {
  return `Not retrieved: the ${maxRounds} retrieval rounds of this request are used up. Answer with what you have; originals can be retrieved again on a later turn.`;
}
