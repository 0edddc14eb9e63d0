import { createSession, type HeadroomSession } from './cache/session.js';
import { createSharedDecisionCache, type SessionStore } from './cache/session-store.js';
import { MemoryCcrStore } from './ccr/memory-store.js';
import { retrieve, type RetrieveResult } from './ccr/retrieve.js';
import type { CcrStore } from './ccr/store.js';
import { compress, type CompressOptions, type CompressResult } from './compress.js';
import { createStats, type StatsSnapshot } from './stats/stats.js';
import type { AnthropicMessage } from './adapters/anthropic.js';
import type { OpenAIMessage } from './adapters/openai.js';

/** Configuration shared by every call of one {@link createHeadroom} instance. */
export type HeadroomConfig = Omit<CompressOptions, 'stats' | 'signal' | 'system' | 'tools'> & {
  /**
   * Where conversations' decisions live when several instances serve one conversation (serverless):
   * calls that name a `conversationId` reuse what any instance decided on earlier turns.
   */
  sessionStore?: SessionStore;
};

/** One call of an instance: `compress()`'s options plus the conversation it belongs to. */
export type HeadroomCallOptions = CompressOptions & {
  /** With a `sessionStore`, this conversation's shared session is used (ignored when `session` is given). */
  conversationId?: string;
};

/** Shared sessions kept per instance; each is only a view on the store, so dropping one loses nothing. */
const MAX_SHARED_SESSIONS = 1_000;

/** A configured Headroom: one store, one set of stats, one conversation session by default. */
export interface Headroom {
  /** Compresses with this instance's store, stats and session (a call may pass another `session`). */
  compress<M extends OpenAIMessage | AnthropicMessage>(messages: readonly M[], options?: HeadroomCallOptions): Promise<CompressResult<M>>;
  retrieve(key: string, options?: { query?: string }): Promise<RetrieveResult>;
  stats(): StatsSnapshot;
  readonly store: CcrStore;
  /**
   * The session every call uses unless it passes its own: earlier decisions are reused, so a
   * segment compresses to the same bytes on every later turn. One per conversation is ideal;
   * sharing one is safe (decisions are keyed by content), only the prefix stats then mix.
   */
  readonly session: HeadroomSession;
}

/** Creates a Headroom instance with its own store (in-memory unless given), stats and session. */
export function createHeadroom(config: HeadroomConfig = {}): Headroom {
  const store = config.store ?? new MemoryCcrStore();
  const stats = createStats();
  const { sessionStore, ...shared } = config;
  const session = config.session ?? createSession();
  const sharedSessions = new Map<string, HeadroomSession>();
  const sessionOf = (conversationId: string | undefined): HeadroomSession => {
    if (!sessionStore || conversationId === undefined) return session;
    let found = sharedSessions.get(conversationId);
    if (!found) {
      found = createSession({ decisionCache: createSharedDecisionCache(sessionStore, conversationId) });
      if (sharedSessions.size >= MAX_SHARED_SESSIONS) sharedSessions.delete(sharedSessions.keys().next().value as string);
      sharedSessions.set(conversationId, found);
    }
    return found;
  };
  return {
    store,
    session,
    compress: (messages, { conversationId, ...options } = {}) =>
      compress(messages, { ...shared, store, stats, session: sessionOf(conversationId), ...options }),
    async retrieve(key, options = {}) {
      try {
        const result = await retrieve(store, key, { query: options.query });
        stats.recordCcr('hit');
        return result;
      } catch (error) {
        stats.recordCcr('miss');
        throw error;
      }
    },
    stats: () => stats.snapshot(),
  };
}
