import type { Segment } from '../pipeline/segment.js';
import { isRecord } from '../util/is-record.js';
import { invalidMessage } from './invalid.js';

/** A tool call made earlier in the conversation: what a later tool result answers. */
export interface SeenCall {
  name: string;
  args: unknown;
}

/** What an adapter's reader gets beside each message: the calls made so far (by id) and the segments to add to. */
export interface ExtractState {
  calls: Map<string, SeenCall>;
  segments: Segment[];
}

/**
 * The shared part of the chat adapters' `extract`: every message must be an object with one of `roles`
 * (else an `invalid_messages` error says `problem`, naming the message); `read` sees them in order, adds
 * their segments and records their tool calls for the tool results that follow.
 */
export function extractSegments<M extends { role: string }>(
  messages: readonly M[],
  { roles, problem }: { roles: ReadonlySet<string>; problem: string },
  read: (message: M & Record<string, unknown>, index: number, state: ExtractState) => void,
): Segment[] {
  const state: ExtractState = { calls: new Map(), segments: [] };
  messages.forEach((message, index) => {
    if (!isRecord(message) || typeof message.role !== 'string' || !roles.has(message.role))
      invalidMessage(index, problem);
    read(message as M & Record<string, unknown>, index, state);
  });
  return state.segments;
}
