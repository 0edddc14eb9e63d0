import type { Segment } from '../pipeline/segment.js';
import { isRecord } from '../util/is-record.js';
import type { MessageAdapter } from './adapter.js';
import { applyEdits } from './apply-edits.js';
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

/** What one provider's chat format adds to the parts every chat format shares. */
export interface ChatFormat<M extends { role: string }> {
  format: string;
  systemIn: MessageAdapter<M>['systemIn'];
  /** The roles a message may have; anything else is an `invalid_messages` error naming them. */
  roles: readonly string[];
  /** Adds one message's segments, in order, and records its tool calls for the results that follow. */
  read(message: M & Record<string, unknown>, index: number, state: ExtractState): void;
  /** A copy of a message whose content is an array, with the text of part `part` (and `sub`) replaced. */
  editPart(message: M, at: { part: number; sub?: number }, text: string): M;
}

/**
 * A message adapter for a chat API whose messages are objects with a `role` and a `content` that is either
 * a string or an array of parts (OpenAI Chat Completions, Anthropic Messages): the role check, the calls
 * seen so far, whole-string edits and the user message are the same for every such format.
 */
export function chatAdapter<M extends { role: string }>(spec: ChatFormat<M>): MessageAdapter<M> {
  const roles = new Set(spec.roles);
  const problem = `expected an object with role ${spec.roles.slice(0, -1).join(', ')} or ${spec.roles.at(-1)}`;
  return {
    format: spec.format,
    systemIn: spec.systemIn,
    userMessage: (text) => ({ role: 'user', content: text }) as unknown as M,
    extract: (messages) => {
      const state: ExtractState = { calls: new Map(), segments: [] };
      messages.forEach((message, index) => {
        if (!isRecord(message) || typeof message.role !== 'string' || !roles.has(message.role))
          invalidMessage(index, problem);
        spec.read(message as M & Record<string, unknown>, index, state);
      });
      return state.segments;
    },
    apply: (messages, edits) =>
      applyEdits(messages, edits, (message, { part, sub }, text) =>
        part === undefined
          ? { ...message, content: text }
          : spec.editPart(message, { part, sub }, text),
      ),
  };
}
