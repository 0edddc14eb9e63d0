import type { MessageAdapter } from './adapters/adapter.js';
import type { ChatMessage } from './adapters/chat-message.js';
import type { AnthropicSystem } from './cache/align-request.js';
import { createSession, type HeadroomSession } from './cache/session.js';
import { createSharedDecisionCache, type SessionStore } from './cache/session-store.js';
import { MemoryCcrStore } from './ccr/memory-store.js';
import type { ScopedRetrieval } from './ccr/retrieve.js';
import type { CcrStore } from './ccr/store.js';
import { chatAdapter } from './compress.js';
import { checkMessages } from './options/check-messages.js';
import { scopedKey } from './ccr/scope.js';
import { checkNumber, checkScope, checkString } from './options/checks.js';
import type { CallOptions, HeadroomOptions } from './options/headroom-options.js';
import {
  checkCallOptions,
  resolveOptions,
  type ResolvedOptions,
} from './options/resolve-options.js';
import { createPipeline, type CompressResult } from './pipeline/create-pipeline.js';
import { createStats, type StatsSnapshot } from './stats/stats.js';
import { createBoundedLru } from './util/bounded-lru.js';

/** Options of {@link createHeadroom}: the one options type, plus how many conversations it remembers. */
export interface CreateHeadroomOptions extends HeadroomOptions {
  /** The session used by calls that name no conversation. Default: a new one. */
  session?: HeadroomSession;
  /** Conversations whose sessions are kept (least recently used go first). Default 1,000. */
  maxSessions?: number;
  /**
   * Where conversations' decisions live when several instances serve one conversation (serverless):
   * a conversation's session then reuses what any instance decided on its earlier turns.
   */
  sessionStore?: SessionStore;
}

/** One call of an instance: {@link CallOptions}, plus the conversation it belongs to. */
export interface HeadroomCallOptions extends CallOptions {
  /** Uses this conversation's session (created on first use); ignored when `session` is given. */
  conversationId?: string;
}

/**
 * A configured Headroom: the object every integration builds on (the AI SDK middleware, the
 * LangChain model, the proxy, the MCP server). It owns one store, one set of stats, the
 * compressors, and a session per conversation; its options were checked once, when it was made.
 */
export interface Headroom extends ScopedRetrieval {
  /** The checked options with defaults filled in: `store`, `stats`, `compressors`, `retrieval.maxRounds`… */
  readonly options: ResolvedOptions;
  readonly store: CcrStore;
  /** Compresses OpenAI or Anthropic messages with this instance's store, stats, compressors and session. */
  compress<M extends ChatMessage, S extends AnthropicSystem = AnthropicSystem>(
    messages: readonly M[],
    options?: HeadroomCallOptions & { system?: S },
  ): Promise<CompressResult<M, S>>;
  /** The same, for another message format: integrations pass their own adapter (AI SDK prompts, LangChain messages). */
  compressWith<M>(
    adapter: MessageAdapter<M>,
    messages: readonly M[],
    options?: HeadroomCallOptions,
  ): Promise<CompressResult<M>>;
  /** Counters of every call made through this instance. */
  stats(): StatsSnapshot;
  /** The session of calls that name no conversation. */
  readonly session: HeadroomSession;
  /**
   * The session of one conversation, created on first use. Decisions are reused per conversation,
   * so a segment compresses to the same bytes on every later turn of it. Conversations are kept apart
   * per retrieval `scope`: two tenants that both call a conversation `1` never share its session.
   */
  sessionFor(conversationId: string, options?: { scope?: string }): HeadroomSession;
}

/** Creates a Headroom instance with its own store (in-memory unless given), stats and sessions. */
export function createHeadroom(options: CreateHeadroomOptions = {}): Headroom {
  const resolved = resolveOptions(options, {
    store: () => new MemoryCcrStore(),
    stats: createStats,
  });
  const maxSessions =
    checkNumber('maxSessions', options.maxSessions, { min: 1, integer: true }) ?? 1_000;
  const pipeline = createPipeline(resolved);
  const session = options.session ?? createSession();
  const sessions = createBoundedLru<string, HeadroomSession>({ maxEntries: maxSessions });

  function sessionFor(conversationId: string, { scope }: { scope?: string } = {}): HeadroomSession {
    checkString('conversationId', conversationId);
    const id = scopedKey(conversationId, checkScope('scope', scope) ?? resolved.scope);
    let found = sessions.get(id);
    if (!found) {
      found = options.sessionStore
        ? createSession({ decisionCache: createSharedDecisionCache(options.sessionStore, id) })
        : createSession();
      sessions.set(id, found);
    }
    return found;
  }

  function callOptions(options: HeadroomCallOptions | undefined): CallOptions {
    const call = checkCallOptions(options) as HeadroomCallOptions;
    const { conversationId, ...rest } = call;
    return {
      ...rest,
      session:
        rest.session ?? (conversationId === undefined ? session : sessionFor(conversationId, rest)),
    };
  }

  return {
    options: resolved,
    store: resolved.store,
    session,
    sessionFor,
    // Async, so a bad option rejects the returned promise rather than throwing at the call site.
    async compress<M extends ChatMessage, S extends AnthropicSystem>(
      messages: readonly M[],
      options?: HeadroomCallOptions & { system?: S },
    ) {
      const call = callOptions(options) as CallOptions & { system?: S };
      checkMessages(messages);
      return pipeline.run(chatAdapter(messages, call), messages, call);
    },
    compressWith: async (adapter, messages, options) =>
      pipeline.run(adapter, messages, callOptions(options)),
    retrieve: (key, options) => pipeline.retrieve(key, options),
    answerRetrieveCall: (input, options) => pipeline.answerRetrieveCall(input, options),
    stats: () => resolved.stats.snapshot(),
  };
}
