import type { BaseMessage } from '@langchain/core/messages';
import type { CompressEvent, IntegrationOptions, RetrievalExhaustion } from '@headroom/core';

/** What one compression of a call's messages did (core's type, shared with the AI SDK middleware). */
export type { CompressEvent } from '@headroom/core';

/**
 * Options for {@link HeadroomChatModel} and `headroomAgentMiddleware()`: core's integration options, the
 * same type `headroomMiddleware()` takes — a `headroom` instance, or the options of the one to create
 * (`model` for counting defaults to the wrapped model's), plus `onCompress` and `enabled`.
 */
export type HeadroomLangChainOptions = IntegrationOptions;

/** Messages ready for the model, and whether `headroom_retrieve` must be offered with them. */
export interface PreparedCall {
  messages: BaseMessage[];
  offer: boolean;
  event?: CompressEvent;
  /** Sends `onCompress` the event for a call whose retrieval rounds ran out. */
  onExhausted?: (exhaustion: RetrievalExhaustion) => void;
}
