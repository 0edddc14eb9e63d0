import type { IntegrationOptions } from '@headroom/core';

/**
 * The slice of a model's call options the middleware relies on. AI SDK 6 (`LanguageModelV3CallOptions`)
 * and AI SDK 7 (`LanguageModelV4CallOptions`) both satisfy it, and every part the middleware reads or
 * writes (text, tool calls, tool results) has the same shape in both.
 */
export interface CallOptionsLike {
  prompt: ReadonlyArray<{ role: string; content: unknown }>;
  tools?: ReadonlyArray<{ type: string; name: string }>;
  abortSignal?: AbortSignal;
  /**
   * `providerOptions.headroom.conversationId` names the conversation (and so the Headroom session) of a
   * call; `providerOptions.headroom.scope` its retrieval scope (a tenant or user id).
   */
  providerOptions?: Record<string, Record<string, unknown> | undefined>;
}

/** The slice of a generate result the middleware relies on (V3 and V4 alike). */
export interface GenerateResultLike {
  content: ReadonlyArray<{ type: string }>;
}

/** The slice of a stream result the middleware relies on (V3 and V4 alike). */
export interface StreamResultLike {
  stream: ReadableStream<unknown>;
}

/** The wrapped model as the middleware sees it: the next model in the chain. */
export interface ModelLike<P, G = unknown, S = unknown> {
  readonly provider: string;
  readonly modelId: string;
  doGenerate(options: P): PromiseLike<G>;
  doStream(options: P): PromiseLike<S>;
}

/**
 * What `headroomMiddleware()` returns. The hooks are generic over the call options and results, so the
 * same object is a `LanguageModelMiddleware` for `wrapLanguageModel` in AI SDK 6 and in AI SDK 7.
 */
export interface HeadroomMiddleware {
  readonly specificationVersion: 'v3';
  transformParams: <P extends CallOptionsLike>(options: {
    type: 'generate' | 'stream';
    params: P;
    model: { readonly modelId: string };
  }) => Promise<P>;
  wrapGenerate: <P extends CallOptionsLike, G extends GenerateResultLike>(options: {
    doGenerate: () => PromiseLike<G>;
    params: P;
    model: ModelLike<P, G>;
  }) => Promise<G>;
  wrapStream: <P extends CallOptionsLike, S extends StreamResultLike>(options: {
    doStream: () => PromiseLike<S>;
    params: P;
    model: ModelLike<P, unknown, S>;
  }) => Promise<S>;
}

/** What one compression of a prompt did, for `onCompress` (core's type, shared with the LangChain integration). */
export type { CompressEvent } from '@headroom/core';

/**
 * Options for {@link headroomMiddleware}: core's integration options, the same for every integration — a
 * Headroom instance to build on, or the options of the one it creates (`retrieveTool` defaults to `always`
 * here, which keeps the tool list byte-stable from the first turn), plus `onCompress` and `enabled`. `scope`
 * (a string or a function of the call options) limits retrieval to one tenant; without it each conversation
 * is its own scope.
 */
export type HeadroomMiddlewareOptions = IntegrationOptions<CallOptionsLike>;
