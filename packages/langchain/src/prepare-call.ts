import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import { MemoryCcrStore, globalStats, type CcrStore, type HeadroomSession, type Stats } from '@headroom/core';
import { compressMessages, type CompressedMessages } from './compress-messages.js';
import { createConversations } from './conversations.js';
import { restoreRetrievals } from './inline-retrievals.js';
import { isRetrieveCall, type RetrievalContext } from './retrieval-calls.js';
import type { CompressEvent, HeadroomLangChainOptions, PreparedCall } from './types.js';

/** One model's or middleware's Headroom: its store, stats and per-conversation sessions. */
export interface HeadroomRuntime {
  readonly store: CcrStore;
  readonly stats: Stats;
  readonly enabled: boolean;
  retrieval(signal: AbortSignal | undefined): RetrievalContext;
  /** Restores inline retrievals, compresses the messages and decides whether to offer `headroom_retrieve`. */
  prepare(messages: readonly BaseMessage[], call: { model: string; threadId?: string; signal?: AbortSignal }): Promise<PreparedCall>;
}

/** Creates the runtime both LangChain entry points share. */
export function createRuntime(options: HeadroomLangChainOptions = {}): HeadroomRuntime {
  const { model: tokenizerModel, store = options.headroom?.store ?? new MemoryCcrStore(), retrieval, onCompress, enabled = true, stats = globalStats, headroom, ...pipeline } = options;
  const conversations = createConversations();
  const maxRounds = retrieval?.maxRounds ?? 3;
  return {
    store,
    stats,
    enabled,
    retrieval: (signal) => ({ store, stats, maxRounds, signal }),
    async prepare(input, { model, threadId, signal }) {
      const restored = restoreRetrievals(input);
      if (!enabled) return { messages: restored, offer: false };
      const modelId = tokenizerModel ?? model;
      let session: HeadroomSession | undefined;
      let compressed: CompressedMessages | undefined;
      try {
        compressed = await compressMessages(restored, {
          ...pipeline,
          model: modelId,
          store,
          stats,
          signal,
          session: (segments) => (session = threadId === undefined && headroom ? headroom.session : conversations.session(threadId, segments)),
        });
      } catch (error) {
        // Compression is an optimisation: when it cannot run (e.g. no tokenizer), the call goes out as it came.
        if (signal?.aborted) throw error;
      }
      const messages = compressed?.messages ?? restored;
      const offer =
        Boolean(compressed && (compressed.result.ccrKeys.length > 0 || compressed.hadMarkers || session?.retrieveToolInjected)) ||
        messages.some((message) => AIMessage.isInstance(message) && (message.tool_calls ?? []).some(isRetrieveCall));
      if (offer) session?.markRetrieveToolInjected();
      const event = compressed && compressEvent(compressed, modelId, offer);
      if (event && onCompress) {
        try {
          onCompress(event);
        } catch {
          // A metrics callback that throws must not fail the model call it observes.
        }
      }
      return { messages, offer, event };
    },
  };
}

function compressEvent({ result }: CompressedMessages, model: string, retrievalTool: boolean): CompressEvent {
  const { tokensBefore, tokensAfter, transforms, ccrKeys } = result;
  return {
    tokensBefore,
    tokensAfter,
    tokensSaved: tokensBefore - tokensAfter,
    ratio: tokensBefore === 0 ? 1 : tokensAfter / tokensBefore,
    compressed: transforms.length > 0,
    transforms,
    ccrKeys,
    model,
    retrievalTool,
  };
}
