import type { BaseMessage } from '@langchain/core/messages';
import type { CcrStore, CompressResult, Headroom, PipelineOptions, Stats } from '@headroom/core';

/** What one compression of a call's messages did, for `onCompress` and for callbacks. */
export type CompressEvent = Pick<CompressResult<never>, 'tokensBefore' | 'tokensAfter' | 'tokensSaved' | 'ratio' | 'compressed' | 'transforms' | 'ccrKeys'> & {
  /** The model id the tokens were counted for. */
  model: string;
  /** Whether `headroom_retrieve` was offered to the model on this call. */
  retrievalTool: boolean;
};

/** Options for {@link HeadroomChatModel} and `headroomAgentMiddleware()`. */
export interface HeadroomLangChainOptions extends Omit<PipelineOptions, 'signal'> {
  /** Model id for token counting. Default: the wrapped model's (`ls_model_name`). */
  model?: string;
  /** Where dropped originals go, and where `headroom_retrieve` reads them. Default: the instance's, or a new in-memory store. */
  store?: CcrStore;
  retrieval?: {
    /** Most times one call answers `headroom_retrieve` and asks the model again. Default 3. */
    maxRounds?: number;
  };
  /** Called after each call's messages are compressed, with what was saved. */
  onCompress?: (event: CompressEvent) => void;
  /** `false` turns Headroom into a pass-through. Default true. */
  enabled?: boolean;
  /** Counters to record into. Default: the process-wide `globalStats`. */
  stats?: Stats;
  /** A `createHeadroom()` instance whose store this model shares with other entry points. */
  headroom?: Headroom;
}

/** Messages ready for the model, and whether `headroom_retrieve` must be offered with them. */
export interface PreparedCall {
  messages: BaseMessage[];
  offer: boolean;
  event?: CompressEvent;
}
