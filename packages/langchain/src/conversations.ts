import { createSession, sha256Hex, type HeadroomSession, type Segment } from '@headroom/core';

/** Conversations remembered per model; the least recently used are forgotten first. */
const LIMIT = 1_000;

/** One session per conversation, so what a conversation already sent compresses to the same bytes every turn. */
export interface Conversations {
  /** The session of the conversation `threadId` names, or, without one, of the conversation that opens like `segments`. */
  session(threadId: string | undefined, segments: readonly Segment[]): HeadroomSession;
}

/** Sessions by thread id (LangGraph's `configurable.thread_id`), else by the conversation's opening. */
export function createConversations(): Conversations {
  const sessions = new Map<string, HeadroomSession>();
  return {
    session(threadId, segments) {
      const key = threadId === undefined ? `opening:${openingKey(segments)}` : `thread:${threadId}`;
      const session = sessions.get(key) ?? createSession();
      sessions.delete(key);
      sessions.set(key, session);
      if (sessions.size > LIMIT) sessions.delete(sessions.keys().next().value as string);
      return session;
    },
  };
}

/** A conversation without an id is known by its opening: the system text and the first user message. */
function openingKey(segments: readonly Segment[]): string {
  const firstUser = segments.find((segment) => segment.role === 'user')?.ref.message;
  const opening = segments.filter((segment) => (segment.role === 'system' && (firstUser === undefined || segment.ref.message < firstUser)) || segment.ref.message === firstUser);
  return sha256Hex(opening.map((segment) => `${segment.role}:${segment.text}`).join('\n'));
}
