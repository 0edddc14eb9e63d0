import type { Segment, SegmentEdit } from '../pipeline/segment.js';

/** Maps one message format to neutral segments and writes edits back in the same shape. */
export interface MessageAdapter<M> {
  readonly format: string;
  /** Where system prompts live: in system messages (OpenAI, AI SDK) or in the request's own `system` field (Anthropic). */
  readonly systemIn: 'messages' | 'request';
  /** Throws a `HeadroomError` (`invalid_messages`) on anything that isn't this format. */
  extract(messages: readonly M[]): Segment[];
  /** New array; messages without edits are returned as the same objects. */
  apply(messages: readonly M[], edits: readonly SegmentEdit[]): M[];
  /** A user message holding `text`: the CacheAligner's block of moved volatile values. */
  userMessage(text: string): M;
}
