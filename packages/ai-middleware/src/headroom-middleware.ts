import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import type { CompressResult } from '@headroom/core';
import {
  compressEvent,
  exhaustionEvent,
  findMarkerKeys,
  integration,
} from '@headroom/core/internal';
import { conversationIdOf } from './conversation-id.js';
import { generateWithRetrieval } from './generate-with-retrieval.js';
import { aiSdkPromptAdapter } from './prompt-adapter.js';
import { isWellFormedPrompt } from './prompt-shape.js';
import { restoreRetrievals } from './restore-retrievals.js';
import { hasRetrieveCalls, offersRetrieveTool, withRetrieveTool } from './retrieve-tool.js';
import { streamWithRetrieval } from './stream-with-retrieval.js';
import type { RetrievalContext } from './retrieval-round.js';
import type { CallOptionsLike, HeadroomMiddleware, HeadroomMiddlewareOptions } from './types.js';

/**
 * A side of the retrieval loop (generate or stream) as the hooks call it: the loops are written against
 * the V3 types, whose every part they touch has the same shape in V4.
 */
type RetrievalLoop<R, P> = (
  first: R,
  params: P,
  again: (next: P) => PromiseLike<R>,
  ctx: RetrievalContext,
) => R | Promise<R>;
type AnyRetrievalLoop = (
  first: never,
  params: never,
  again: never,
  ctx: RetrievalContext,
) => unknown;

/**
 * Compresses tool results in every AI SDK call and answers the model's `headroom_retrieve` calls itself,
 * in `generateText` and `streamText` alike: `wrapLanguageModel({ model, middleware: headroomMiddleware() })`.
 * Each conversation gets its own Headroom session (earlier turns keep their bytes) and the CacheAligner
 * runs on the system prompt; `headroom_retrieve` is offered from the first turn, so the tool list never changes.
 */
export function headroomMiddleware(options: HeadroomMiddlewareOptions = {}): HeadroomMiddleware {
  const { headroom, enabled, notify, scopeFor } = integration(options, { retrieveTool: 'always' });
  // The scope transformParams resolved for the params it returned, which the AI SDK hands to wrapGenerate/wrapStream.
  const scopes = new WeakMap<object, string>();
  const scopeOf = (params: CallOptionsLike, prompt: LanguageModelV3Prompt) => {
    const conversationId = conversationIdOf(params, prompt);
    const given = (params.providerOptions?.headroom as { scope?: unknown } | undefined)?.scope;
    return {
      conversationId,
      scope: scopeFor(params, {
        given,
        option: 'providerOptions.headroom.scope',
        conversationId,
      }),
    };
  };
  /**
   * The loop's context for one call to `model`: retrieval in the call's scope; `onCompress` hears of
   * exhaustion. Undefined when the call gets no loop (Headroom off, no `headroom_retrieve`, a prompt it cannot read).
   */
  const retrievalFor = (
    model: { modelId: string },
    params: CallOptionsLike,
  ): RetrievalContext | undefined => {
    if (!enabled || !offersRetrieveTool(params.tools) || !isWellFormedPrompt(params.prompt))
      return undefined;
    const scope =
      scopes.get(params) ??
      scopeOf(params, restoreRetrievals(params.prompt as unknown as LanguageModelV3Prompt)).scope;
    return {
      answer: (input) => headroom.answerRetrieveCall(input, { scope }),
      stats: headroom.options.stats,
      maxRounds: headroom.options.retrieval.maxRounds,
      onExhausted: (exhaustion) =>
        notify(exhaustionEvent(exhaustion, { model: headroom.options.model ?? model.modelId })),
    };
  };

  /** The first call's result as it is, or the retrieval loop over it when the call gets one. */
  const withRetrieval = <P extends CallOptionsLike, R>(
    first: R,
    params: P,
    model: { modelId: string },
    loop: AnyRetrievalLoop,
    again: (next: P) => PromiseLike<R>,
  ): R | Promise<R> => {
    const ctx = retrievalFor(model, params);
    return ctx ? (loop as unknown as RetrievalLoop<R, P>)(first, params, again, ctx) : first;
  };

  return {
    specificationVersion: 'v3',

    async transformParams({ params, model }) {
      if (!enabled || !isWellFormedPrompt(params.prompt)) return params;
      // Every part the middleware touches has the same shape in V3 and V4 prompts.
      const original = params.prompt as unknown as LanguageModelV3Prompt;
      const restored = restoreRetrievals(original);
      const modelId = headroom.options.model ?? model.modelId;
      const always = headroom.options.retrieveTool === 'always';
      const { conversationId, scope } = scopeOf(params, restored);
      const session = headroom.sessionFor(conversationId, { scope });
      let result: CompressResult<LanguageModelV3Prompt[number]> | undefined;
      try {
        result = await headroom.compressWith(aiSdkPromptAdapter, restored, {
          model: modelId,
          session,
          scope,
          signal: params.abortSignal,
          tools: always ? withRetrieveTool(params.tools) : params.tools,
        });
      } catch (error) {
        // Compression is an optimisation: when it cannot run (e.g. no tokenizer), the call goes out as it came,
        // and stats say so (no onCompress event: nothing was compressed).
        if (params.abortSignal?.aborted) throw error;
        headroom.options.stats.recordFallback('pipeline_error');
      }
      const prompt = result?.compressed ? result.messages : restored;
      const offer =
        result?.retrieveTool === true ||
        session.retrieveToolInjected ||
        hasRetrieveCalls(prompt) ||
        hasMarkers(prompt);
      if (offer) session.markRetrieveToolInjected();
      if (result) notify(compressEvent(result, { model: modelId, retrievalTool: offer }));
      const next =
        prompt === original && !offer
          ? params
          : ({
              ...params,
              prompt,
              ...(offer ? { tools: withRetrieveTool(params.tools) } : {}),
            } as typeof params);
      scopes.set(next, scope);
      return next;
    },

    async wrapGenerate({ doGenerate, params, model }) {
      return withRetrieval(await doGenerate(), params, model, generateWithRetrieval, (next) =>
        model.doGenerate(next),
      );
    },

    async wrapStream({ doStream, params, model }) {
      return withRetrieval(await doStream(), params, model, streamWithRetrieval, (next) =>
        model.doStream(next),
      );
    },
  };
}

/** Markers kept in history from earlier turns (e.g. a process restart lost the session): the model may still retrieve them. */
function hasMarkers(prompt: LanguageModelV3Prompt): boolean {
  return aiSdkPromptAdapter
    .extract(prompt)
    .some((segment) => segment.source === 'tool_result' && findMarkerKeys(segment.text).length > 0);
}
