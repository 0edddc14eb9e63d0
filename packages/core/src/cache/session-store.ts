import {
  createDecisionCache,
  type DecisionCache,
  type DecisionCacheOptions,
  type SegmentDecision,
} from './decision-cache.js';

/** Options of one session-store call. */
export interface SessionStoreCallOptions {
  signal?: AbortSignal;
}

/**
 * Where conversations' compression decisions live when several instances serve one conversation
 * (serverless functions, several proxies): an instance that sees turn N+1 reuses what another
 * decided on turn N, so the history keeps its bytes and the provider's prompt cache keeps hitting.
 */
export interface SessionStore {
  /** The decisions stored for these segment keys of one conversation, in the same order (undefined where none). */
  getDecisions(
    conversationId: string,
    keys: readonly string[],
    options?: SessionStoreCallOptions,
  ): Promise<Array<SegmentDecision | undefined>>;
  /** Saves the decisions one call made. */
  setDecisions(
    conversationId: string,
    decisions: ReadonlyArray<readonly [key: string, decision: SegmentDecision]>,
    options?: SessionStoreCallOptions,
  ): Promise<void>;
}

/** An in-process {@link SessionStore}: instances in one process share it (tests, one long-lived server). */
export function createMemorySessionStore(options: DecisionCacheOptions = {}): SessionStore {
  const cache = createDecisionCache(options);
  // The conversation id is length-prefixed so no id/key pair can collide with another.
  const id = (conversationId: string, key: string) =>
    `${conversationId.length}:${conversationId}:${key}`;
  return {
    async getDecisions(conversationId, keys) {
      return keys.map((key) => cache.get(id(conversationId, key)));
    },
    async setDecisions(conversationId, decisions) {
      for (const [key, decision] of decisions) cache.set(id(conversationId, key), decision);
    },
  };
}

/** A session's decision cache that reads from and writes to a {@link SessionStore} around each call. */
export interface SharedDecisionCache extends DecisionCache {
  /** Fetches what the store holds for these keys (one round trip) before the call looks them up. */
  load(keys: readonly string[], options?: SessionStoreCallOptions): Promise<void>;
  /** Writes the decisions made since the last save (one round trip). */
  save(options?: SessionStoreCallOptions): Promise<void>;
}

/** Decisions loaded and not yet reused are dropped past this many, so a long-lived session stays bounded. */
const MAX_LOADED = 5_000;

/** Creates the decision cache of one conversation whose decisions live in `store`. */
export function createSharedDecisionCache(
  store: SessionStore,
  conversationId: string,
): SharedDecisionCache {
  let loaded = new Map<string, SegmentDecision>();
  let made = new Map<string, SegmentDecision>();
  return {
    get: (key) => made.get(key) ?? loaded.get(key),
    set(key, decision) {
      made.set(key, decision);
    },
    get size() {
      return loaded.size + made.size;
    },
    async load(keys, options) {
      const wanted = keys.filter((key) => !made.has(key) && !loaded.has(key));
      if (wanted.length === 0) return;
      const found = await store.getDecisions(conversationId, wanted, options);
      if (loaded.size + wanted.length > MAX_LOADED) loaded = new Map();
      wanted.forEach((key, i) => {
        const decision = found[i];
        if (decision) loaded.set(key, decision);
      });
    },
    async save(options) {
      if (made.size === 0) return;
      const batch = made;
      made = new Map();
      for (const [key, decision] of batch) loaded.set(key, decision);
      await store.setDecisions(conversationId, [...batch], options);
    },
  };
}

/** Whether a session's decision cache is backed by a {@link SessionStore}. */
export function isSharedDecisionCache(cache: DecisionCache): cache is SharedDecisionCache {
  return (
    typeof (cache as Partial<SharedDecisionCache>).load === 'function' &&
    typeof (cache as Partial<SharedDecisionCache>).save === 'function'
  );
}
