import type { RetrieveAnswer } from '@headroom/ai-middleware';
import type { AnthropicSystem, CompressOptions, CompressResult } from '@headroom/core/internal';
import type { SseEvent } from './sse.js';

/** A request or response body: a parsed JSON object. */
export type Json = Record<string, unknown>;

/** A tool call the model made, in the AI SDK's shape, so the middleware's retrieval policy can read it. */
export interface ToolCallPart {
  type: 'tool-call';
  toolCallId: string;
  toolName: string;
  /** The arguments as a JSON string. */
  input: string;
}

/** A {@link ToolCallPart} from the call id, tool name and JSON arguments a format keeps in its own fields. */
export function toolCallPart(toolCallId: string, toolName: string, input: string): ToolCallPart {
  return { type: 'tool-call', toolCallId, toolName, input };
}

/** Where one request keeps its conversation and tools, in its provider format. */
export interface RequestShape {
  /** The request's conversation (`messages`, `input`); anything but a list leaves nothing to compress. */
  conversation: unknown;
  format: NonNullable<CompressOptions['format']>;
  /** Anthropic's top-level `system`. */
  system?: AnthropicSystem;
  /** The conversation as messages the pipeline reads, when the format's own are not (default: itself). */
  view?: (conversation: unknown[]) => unknown[];
  /** The request with the compressed messages put back; `view` is what was compressed. */
  withCompressed(result: CompressResult<unknown>, view: readonly unknown[]): Json;
  /** The format's `headroom_retrieve` definition. */
  definition: object;
  /** Where its tool definitions keep name and description (default: at the top, as in Anthropic's and Responses' tools). */
  describe?: DescribeTool;
}

/** A tool definition's name and description, wherever its format keeps them. */
export type DescribeTool = (tool: unknown) => { name?: string; description?: string } | undefined;

/** What compressing one request did. */
export interface CompressedRequest {
  body: Json;
  /** Undefined when the request had nothing the pipeline reads (or it could not run). */
  result?: CompressResult<unknown>;
  /** Whether `headroom_retrieve` is among the request's tools, so its calls are ours to answer. */
  offersRetrieve: boolean;
}

/** How a stream round ends: as in the middleware's `roundOutcome`, except `continue`, which starts the next round. */
export type StreamEnd = 'done' | 'limit' | 'inline';

/**
 * Follows one SSE response across retrieval rounds: which events to relay (as received, or rewritten),
 * which to hold back, and what the round amounts to as a complete, non-streamed response.
 */
export interface StreamTracker {
  /** The text to send downstream for this event now; empty when held back. */
  accept(event: SseEvent): string[];
  /** The current round as the complete response a non-streaming call would have returned. */
  response(): Json;
  /** Starts the next round (after the retrieval calls were answered). */
  nextRound(): void;
  /** The held-back closing events (with usage summed over rounds), and for `inline` the held retrieval calls. */
  finish(end: StreamEnd): string[];
}

/** One provider API: how its requests are compressed and how its responses carry tool calls. */
export interface ProviderFormat {
  readonly name: 'openai-chat' | 'openai-responses' | 'anthropic-messages';
  /** Where a request keeps its conversation and tools, so the handler can compress it and put it back. */
  requestShape(body: Json): RequestShape;
  /** The tool calls in a complete response. */
  toolCalls(response: Json): ToolCallPart[];
  /** The request for the next round: the model's turn and the answers appended to the conversation. */
  nextRequest(body: Json, response: Json, answers: readonly RetrieveAnswer[]): Json;
  /**
   * The request for the final call after the retrieval rounds ran out: the same tools (tool calls in the
   * history need their definitions, on Anthropic at least) but a tool choice of none, so the model answers.
   */
  finalRequest(body: Json): Json;
  /** The caller's response after retrieval rounds: earlier rounds' output first, usage summed, retrieval calls removed. */
  finalResponse(response: Json, earlier: readonly Json[]): Json;
  createStreamTracker(): StreamTracker;
  /** An error body in this API's own shape, which its SDKs turn into a typed error. */
  errorBody(
    message: string,
    type: 'invalid_request_error' | 'request_too_large' | 'api_error',
  ): Json;
}
