import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import {
  compressEvent,
  exhaustionEvent,
  findMarkerKeys,
  integration,
  type CcrStore,
  type CompressResult,
  type RetrievalExhaustion,
  type Stats,
} from '@headroom/core/internal';
import { openingId } from './conversations.js';
import { restoreRetrievals } from './inline-retrievals.js';
import { langchainAdapter } from './message-adapter.js';
import { isRetrieveCall, type RetrievalContext } from './retrieval-calls.js';
import type { HeadroomLangChainOptions, PreparedCall } from './types.js';

/** One model's or middleware's Headroom: the instance it builds on, and the integration's hooks. */
export interface HeadroomRuntime {
  readonly store: CcrStore;
  readonly stats: Stats;
  readonly enabled: boolean;
  /** The retrieval loop's context for a prepared call: answers only keys stored in the call's scope. */
  retrieval(call: { signal?: AbortSignal; scope: string }): RetrievalContext;
  /**
   * Restores inline retrievals, compresses the messages and decides whether to offer `headroom_retrieve`.
   * `config` is the run's configurable values: `headroom_scope` there names the call's retrieval scope.
   */
  prepare(
    messages: readonly BaseMessage[],
    call: {
      model: string;
      threadId?: string;
      config?: Readonly<Record<string, unknown>>;
      signal?: AbortSignal;
    },
  ): Promise<PreparedCall>;
}

/**
 * Creates the runtime both LangChain entry points share: the one options type of every integration,
 * checked once by `createHeadroom()` (or the instance given as `headroom`), whose pipeline, store, stats
 * and per-conversation sessions it uses — the thread id names the conversation, else its opening.
 */
export function createRuntime(options: HeadroomLangChainOptions = {}): HeadroomRuntime {
  const { headroom, enabled, notify, scopeFor } = integration(options);
  const { store, stats, retrieval, model: tokenizerModel } = headroom.options;
  return {
    store,
    stats,
    enabled,
    retrieval: ({ signal, scope }) => ({
      answer: (input) => headroom.answerRetrieveCall(input, { scope }),
      stats,
      maxRounds: retrieval.maxRounds,
      signal,
    }),
    async prepare(input, { model, threadId, config = {}, signal }) {
      const restored = restoreRetrievals(input);
      const segments = langchainAdapter.extract(restored);
      const conversationId = threadId === undefined ? openingId(segments) : `thread:${threadId}`;
      const scope = scopeFor(
        { messages: input, threadId, config },
        { given: config.headroom_scope, option: 'configurable.headroom_scope', conversationId },
      );
      if (!enabled) return { messages: restored, offer: false, scope };
      const modelId = tokenizerModel ?? model;
      let result: CompressResult<BaseMessage> | undefined;
      try {
        result = await headroom.compressWith(langchainAdapter, restored, {
          model: modelId,
          signal,
          conversationId,
          scope,
        });
      } catch (error) {
        // Compression is an optimisation: when it cannot run (e.g. no tokenizer), the call goes out as it came,
        // and stats say so.
        if (signal?.aborted) throw error;
        stats.recordFallback('pipeline_error');
      }
      const messages = result?.messages ?? restored;
      const session = headroom.sessionFor(conversationId, { scope });
      // Markers already in the history (compressed earlier, maybe by another instance) need the tool too.
      const offer =
        Boolean(result?.retrieveTool) ||
        segments.some((segment) => findMarkerKeys(segment.text).length > 0) ||
        messages.some(
          (message) =>
            AIMessage.isInstance(message) && (message.tool_calls ?? []).some(isRetrieveCall),
        );
      if (offer) session.markRetrieveToolInjected();
      const event = result && compressEvent(result, { model: modelId, retrievalTool: offer });
      if (event) notify(event);
      const onExhausted = (exhaustion: RetrievalExhaustion) =>
        notify(exhaustionEvent(exhaustion, { model: modelId }));
      return { messages, offer, event, onExhausted, scope };
    },
  };
}
