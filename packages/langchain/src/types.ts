import type { BaseMessage } from '@langchain/core/messages';
import type { CompressEvent, IntegrationOptions, RetrievalExhaustion } from '@headroom/core';

/** What one compression of a call's messages did (core's type, shared with the AI SDK middleware). */
export type { CompressEvent } from '@headroom/core';

/**
 * Options for {@link HeadroomChatModel} and `headroomAgentMiddleware()`: core's integration options, the
 * same type `headroomMiddleware()` takes — a `headroom` instance, or the options of the one to create
 * (`model` for counting defaults to the wrapped model's), plus `onCompress` and `enabled`. `scope` (a
 * string, or a function of the call) limits retrieval to one tenant; a call names its own with
 * `configurable: { headroom_scope }`; without either each conversation (thread) is its own scope.
 */
export type HeadroomLangChainOptions = IntegrationOptions<LangChainScopeRequest>;

/** What a `scope` function is given: the call's messages, its thread id, and the run's configurable values. */
export interface LangChainScopeRequest {
  messages: readonly BaseMessage[];
  threadId?: string;
  config: Readonly<Record<string, unknown>>;
}

/** Messages ready for the model, and whether `headroom_retrieve` must be offered with them. */
export interface PreparedCall {
  messages: BaseMessage[];
  offer: boolean;
  event?: CompressEvent;
  /** Sends `onCompress` the event for a call whose retrieval rounds ran out. */
  onExhausted?: (exhaustion: RetrievalExhaustion) => void;
  /** The call's retrieval scope: its originals are stored, and its retrievals answered, only there. */
  scope: string;
}
