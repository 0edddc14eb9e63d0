import type { BaseMessage } from '@langchain/core/messages';
import { compressSegments, createTokenCounter, findMarkerKeys, type CcrStore, type HeadroomSession, type PipelineOptions, type Segment, type SegmentsResult, type Stats } from '@headroom/core';
import { langchainAdapter } from './message-adapter.js';

/** Compressed messages and what the pipeline did to them. */
export interface CompressedMessages {
  messages: BaseMessage[];
  result: SegmentsResult;
  /** Whether the messages carried CCR markers before this call (compressed text kept in history). */
  hadMarkers: boolean;
}

/** Runs LangChain messages through the one pipeline; unchanged messages stay the same objects. */
export async function compressMessages(
  messages: readonly BaseMessage[],
  options: PipelineOptions & { model: string; store: CcrStore; stats: Stats; session: (segments: readonly Segment[]) => HeadroomSession },
): Promise<CompressedMessages> {
  const started = performance.now();
  const segments = langchainAdapter.extract(messages);
  const counter = await createTokenCounter(options.model);
  const { model: _, store, stats, session, ...pipeline } = options;
  const result = await compressSegments(segments, pipeline, { counter, store, stats, session: session(segments), messageCount: messages.length });
  stats.recordCall(result.tokensBefore, result.tokensAfter, performance.now() - started);
  return {
    messages: result.edits.length > 0 ? langchainAdapter.apply(messages, result.edits) : [...messages],
    result,
    hadMarkers: segments.some((segment) => findMarkerKeys(segment.text).length > 0),
  };
}
