import type { Headroom } from '../create-headroom.js';
import type { CompressResult } from '../pipeline/create-pipeline.js';
import type { RetrievalExhaustion } from '../ccr/retrieval-limit.js';
import type { HeadroomOptions } from './headroom-options.js';

/** What one compression of a call's messages did, for `onCompress`: the savings fields of the pipeline's result. */
export type CompressEvent = Pick<
  CompressResult<never>,
  'tokensBefore' | 'tokensAfter' | 'tokensSaved' | 'ratio' | 'compressed' | 'transforms' | 'ccrKeys'
> & {
  /** The model id the tokens were counted for. */
  model: string;
  /** Whether `headroom_retrieve` was offered to the model on this call. */
  retrievalTool: boolean;
  /**
   * Set only on the event sent when a call's retrieval rounds ran out, after that call's compression
   * event; this one reports no compression (its token fields are 0, its lists empty).
   */
  retrievalExhausted?: RetrievalExhaustion;
};

/**
 * Options of the integrations that wrap a model (the AI SDK middleware, the LangChain model and agent
 * middleware): a Headroom instance to build on, or the options of the one they create, plus the hooks
 * every integration has. One type, so the integrations take the same options under the same names.
 */
export interface IntegrationOptions<Request = unknown> extends Omit<HeadroomOptions, 'scope'> {
  /**
   * Retrieval scope of each call: `headroom_retrieve` answers only keys stored under the caller's scope,
   * so one conversation or tenant can never read another's originals, even with a leaked key. A string
   * (one tenant per integration), or a function of the call (return the tenant or user id). A per-call
   * scope wins over this; without either the scope is the call's conversation (the instance's `scope`
   * when it has one). Set a tenant or user id wherever conversations of different people share an instance.
   */
  scope?: string | ((request: Request) => string | undefined);
  /** The instance to build on (its store, stats, compressors and sessions); then pass no other Headroom options. */
  headroom?: Headroom;
  /** Called after each call's messages are compressed, with what was saved. A callback that throws is ignored. */
  onCompress?: (event: CompressEvent) => void;
  /** `false` turns the integration into a pass-through. Default true. */
  enabled?: boolean;
}

/** The event for one pipeline result. */
export function compressEvent(
  result: CompressResult<unknown>,
  { model, retrievalTool }: { model: string; retrievalTool: boolean },
): CompressEvent {
  const { tokensBefore, tokensAfter, tokensSaved, ratio, compressed, transforms, ccrKeys } = result;
  return {
    tokensBefore,
    tokensAfter,
    tokensSaved,
    ratio,
    compressed,
    transforms,
    ccrKeys,
    model,
    retrievalTool,
  };
}

/** The event for a call whose retrieval rounds ran out: no compression of its own, so sums stay right. */
export function exhaustionEvent(
  exhaustion: RetrievalExhaustion,
  { model }: { model: string },
): CompressEvent {
  return {
    tokensBefore: 0,
    tokensAfter: 0,
    tokensSaved: 0,
    ratio: 1,
    compressed: false,
    transforms: [],
    ccrKeys: [],
    model,
    retrievalTool: true,
    retrievalExhausted: exhaustion,
  };
}
