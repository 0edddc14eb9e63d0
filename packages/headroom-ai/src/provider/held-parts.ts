import { formatSse } from './sse.js';

/**
 * The bookkeeping every stream tracker keeps across retrieval rounds: which of a round's indexes
 * (blocks, output items, tool calls) are `headroom_retrieve`'s, their parts held back from the client,
 * and the contiguous index every other one gets in the stream the client sees.
 */
export interface HeldParts<P> {
  /** Marks a round index as a `headroom_retrieve` call's. */
  claim(index: number): void;
  isOurs(index: number): boolean;
  hold(part: P): void;
  /** This round's held parts, in arrival order. */
  readonly held: readonly P[];
  /** The index the client sees for a round index, assigned on first use and counting across rounds. */
  outIndex(index: number): number;
  /** How many indexes the client has seen, over all rounds. */
  readonly relayed: number;
  /** Forgets the round's claims, held parts and index map (indexes restart each round; `relayed` does not). */
  nextRound(): void;
}

export function createHeldParts<P>(): HeldParts<P> {
  let relayed = 0;
  let ours = new Set<number>();
  let renumber = new Map<number, number>();
  let held: P[] = [];
  return {
    claim: (index) => void ours.add(index),
    isOurs: (index) => ours.has(index),
    hold: (part) => void held.push(part),
    get held() {
      return held;
    },
    outIndex(index) {
      let mapped = renumber.get(index);
      if (mapped === undefined) renumber.set(index, (mapped = relayed++));
      return mapped;
    },
    get relayed() {
      return relayed;
    },
    nextRound() {
      ours = new Set();
      renumber = new Map();
      held = [];
    },
  };
}

/**
 * The held SSE events of a round whose retrieval calls go to the client after all (`inline`), with the
 * index field the format numbers its blocks or items by renumbered as the client sees them.
 */
export function releaseHeldEvents<E extends { type: string; [k: string]: unknown }>(
  parts: HeldParts<E>,
  indexField: 'index' | 'output_index',
): string[] {
  return parts.held.map((event) =>
    formatSse(
      JSON.stringify({
        ...event,
        [indexField]: parts.outIndex((event[indexField] as number | undefined) ?? 0),
      }),
      event.type,
    ),
  );
}
