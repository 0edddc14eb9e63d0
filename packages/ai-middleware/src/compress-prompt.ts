import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { compressSegments, createTokenCounter, findMarkerKeys, type CcrStore, type PipelineOptions, type SegmentsResult, type Stats } from '@headroom/core';
import { aiSdkPromptAdapter } from './prompt-adapter.js';

/** A compressed prompt and what the pipeline did to it. */
export interface CompressedPrompt {
  prompt: LanguageModelV3Prompt;
  result: SegmentsResult;
  /** Whether the prompt carried CCR markers before this call (compressed text kept in history). */
  hadMarkers: boolean;
}

/** Runs an AI SDK prompt through the one pipeline; unchanged messages stay the same objects. */
export async function compressPrompt(
  prompt: LanguageModelV3Prompt,
  options: PipelineOptions & { model: string; store: CcrStore; stats: Stats },
): Promise<CompressedPrompt> {
  const started = performance.now();
  const segments = aiSdkPromptAdapter.extract(prompt);
  const counter = await createTokenCounter(options.model);
  const { model: _, store, stats, ...pipeline } = options;
  const result = await compressSegments(segments, pipeline, { counter, store, stats, messageCount: prompt.length });
  stats.recordCall(result.tokensBefore, result.tokensAfter, performance.now() - started);
  return {
    prompt: result.edits.length > 0 ? aiSdkPromptAdapter.apply(prompt, result.edits) : prompt,
    result,
    hadMarkers: segments.some((segment) => findMarkerKeys(segment.text).length > 0),
  };
}
