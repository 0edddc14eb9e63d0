import type { LanguageModelV3CallOptions, LanguageModelV3GenerateResult, LanguageModelV3Prompt, LanguageModelV3StreamResult } from '@ai-sdk/provider';
import { MemoryCcrStore, globalStats } from '@headroom/core';
import { compressPrompt, type CompressedPrompt } from './compress-prompt.js';
import { generateWithRetrieval } from './generate-with-retrieval.js';
import { restoreRetrievals } from './restore-retrievals.js';
import { hasRetrieveCalls, offersRetrieveTool, withRetrieveTool } from './retrieve-tool.js';
import { streamWithRetrieval } from './stream-with-retrieval.js';
import { createStickyConversations } from './sticky-conversations.js';
import type { HeadroomMiddleware, HeadroomMiddlewareOptions } from './types.js';

/**
 * Compresses tool results in every AI SDK call and answers the model's `headroom_retrieve` calls itself,
 * in `generateText` and `streamText` alike: `wrapLanguageModel({ model, middleware: headroomMiddleware() })`.
 */
export function headroomMiddleware(options: HeadroomMiddlewareOptions = {}): HeadroomMiddleware {
  const { model: tokenizerModel, store = new MemoryCcrStore(), retrieval, onCompress, enabled = true, stats = globalStats, ...pipeline } = options;
  const ctx = { store, stats, maxRounds: retrieval?.maxRounds ?? 3 };
  const sticky = createStickyConversations();

  return {
    specificationVersion: 'v3',

    async transformParams({ params, model }) {
      if (!enabled) return params;
      // Every part the middleware touches has the same shape in V3 and V4 prompts.
      const original = params.prompt as unknown as LanguageModelV3Prompt;
      const restored = restoreRetrievals(original);
      const modelId = tokenizerModel ?? model.modelId;
      let compressed: CompressedPrompt | undefined;
      try {
        compressed = await compressPrompt(restored, { ...pipeline, model: modelId, store, stats, signal: params.abortSignal });
      } catch (error) {
        // Compression is an optimisation: when it cannot run (e.g. no tokenizer), the call goes out as it came.
        if (params.abortSignal?.aborted) throw error;
      }
      const prompt = compressed?.prompt ?? restored;
      const offer = Boolean(compressed && (compressed.result.ccrKeys.length > 0 || compressed.hadMarkers)) || hasRetrieveCalls(prompt) || sticky.has(prompt);
      if (offer) sticky.add(prompt);
      if (compressed && onCompress) report(onCompress, compressed, modelId, offer);
      if (prompt === original && !offer) return params;
      return { ...params, prompt, ...(offer ? { tools: withRetrieveTool(params.tools) } : {}) } as typeof params;
    },

    async wrapGenerate({ doGenerate, params, model }) {
      const first = await doGenerate();
      if (!enabled || !offersRetrieveTool(params.tools)) return first;
      const result = await generateWithRetrieval(
        first as unknown as LanguageModelV3GenerateResult,
        params as unknown as LanguageModelV3CallOptions,
        (next) => model.doGenerate(next as unknown as typeof params) as unknown as PromiseLike<LanguageModelV3GenerateResult>,
        ctx,
      );
      return result as unknown as typeof first;
    },

    async wrapStream({ doStream, params, model }) {
      const first = await doStream();
      if (!enabled || !offersRetrieveTool(params.tools)) return first;
      const result = streamWithRetrieval(
        first as unknown as LanguageModelV3StreamResult,
        params as unknown as LanguageModelV3CallOptions,
        (next) => model.doStream(next as unknown as typeof params) as unknown as PromiseLike<LanguageModelV3StreamResult>,
        ctx,
      );
      return result as unknown as typeof first;
    },
  };
}

function report(onCompress: NonNullable<HeadroomMiddlewareOptions['onCompress']>, { result }: CompressedPrompt, model: string, retrievalTool: boolean): void {
  const { tokensBefore, tokensAfter, transforms, ccrKeys } = result;
  try {
    onCompress({
      tokensBefore,
      tokensAfter,
      tokensSaved: tokensBefore - tokensAfter,
      ratio: tokensBefore === 0 ? 1 : tokensAfter / tokensBefore,
      compressed: transforms.length > 0,
      transforms,
      ccrKeys,
      model,
      retrievalTool,
    });
  } catch {
    // A metrics callback that throws must not fail the model call it observes.
  }
}
