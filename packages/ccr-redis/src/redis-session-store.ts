import {
  namespacedKey,
  sha256Hex,
  type SegmentDecision,
  type SessionStore,
  type SessionStoreCallOptions,
} from '@headroom/core/internal';
import { RedisBackedStore } from './redis-backed-store.js';
import { nodeRedisBackend, type RedisCcrStoreOptions } from './redis-ccr-store.js';
import { upstashBackend, type UpstashCcrStoreOptions } from './upstash-ccr-store.js';

/**
 * Conversations' compression decisions in Redis, shared by every instance that serves them. One key per
 * decision, `headroom:{namespace}:session:{hash of the conversation id}:{segment key}`, with a TTL, read
 * for a whole request with one `MGET` and written with one pipelined round trip. A decision carries its
 * originals, so a later turn on another instance can store them again (refreshing their TTL).
 */
export class RedisBackedSessionStore extends RedisBackedStore implements SessionStore {
  async getDecisions(
    conversationId: string,
    keys: readonly string[],
    options: SessionStoreCallOptions = {},
  ): Promise<Array<SegmentDecision | undefined>> {
    if (keys.length === 0) return [];
    const ids = keys.map((key) => this.#id(conversationId, key));
    const raw = await this.call('session get', options.signal, (commands, signal) =>
      commands.getMany(ids, signal),
    );
    return raw.map((value) =>
      typeof value === 'string' ? parseDecision(value) : isDecision(value) ? value : undefined,
    );
  }

  async setDecisions(
    conversationId: string,
    decisions: ReadonlyArray<readonly [string, SegmentDecision]>,
    options: SessionStoreCallOptions = {},
  ): Promise<void> {
    // A decision too large to store is left out: another instance then decides afresh, nothing is lost.
    const entries = decisions
      .map(([key, decision]) => [this.#id(conversationId, key), JSON.stringify(decision)] as const)
      .filter(([, value]) => this.valueBytes(value) <= this.maxOriginalBytes);
    if (entries.length === 0) return;
    await this.call('session set', options.signal, (commands, signal) =>
      commands.setMany(entries, Math.ceil(this.ttlSeconds), signal),
    );
  }

  #id(conversationId: string, key: string): string {
    return namespacedKey(
      this.namespace,
      `session:${sha256Hex(conversationId).slice(0, 32)}:${key}`,
    );
  }
}

/** Conversations' decisions in Upstash Redis over REST (edge-safe); connects like {@link UpstashCcrStore}. */
export class UpstashSessionStore extends RedisBackedSessionStore {
  constructor(options: UpstashCcrStoreOptions = {}) {
    super(upstashBackend(options), options);
  }
}

/** Conversations' decisions in Redis over TCP (node-redis); connects like {@link RedisCcrStore}. */
export class RedisSessionStore extends RedisBackedSessionStore {
  constructor(options: RedisCcrStoreOptions) {
    super(nodeRedisBackend(options), options);
  }
}

function parseDecision(value: string): SegmentDecision | undefined {
  try {
    const parsed: unknown = JSON.parse(value);
    return isDecision(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function isDecision(value: unknown): value is SegmentDecision {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as SegmentDecision).stored)
  );
}
