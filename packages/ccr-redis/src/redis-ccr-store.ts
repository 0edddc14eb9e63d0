import {
  DEFAULT_STORE_TIMEOUT_MS,
  REDIS_MAX_ORIGINAL_BYTES,
  RedisBackedCcrStore,
  type RedisBackend,
  type RedisStoreOptions,
} from './redis-backed-store.js';
import { nodeRedisCommands, type NodeRedisClient } from './node-redis-commands.js';
import { connectNodeRedis } from './connect-node-redis.js';
import { utf8Length } from '@headroom/core/internal';

/** Options for {@link RedisCcrStore}: a connected node-redis client, or a `redis://` URL. */
export type RedisCcrStoreOptions = RedisStoreOptions &
  ({ client: NodeRedisClient; url?: never } | { url: string; client?: never });

/**
 * CCR store on Redis over TCP with node-redis (`redis` package), for long-lived servers, the proxy
 * and the CLI. Given a URL it loads `redis` and connects as it is created, failing fast while
 * Redis is down (no offline queue) so a request goes out uncompressed instead of waiting.
 */
export class RedisCcrStore extends RedisBackedCcrStore {
  constructor(options: RedisCcrStoreOptions) {
    super(nodeRedisBackend(options), options);
  }
}

/** The node-redis client of `options` (given, or connected now from its URL) as a store backend that closes what it opened. */
export function nodeRedisBackend(options: RedisCcrStoreOptions): RedisBackend {
  const connection = options.client
    ? undefined
    : connectNodeRedis(options.url!, options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS);
  // Connect now, so the first request's writes don't pay for loading the client and the handshake.
  connection?.client().catch(() => {});
  const commands = nodeRedisCommands(options.client ?? connection!.client);
  return {
    commands,
    name: 'Redis',
    credentialHint: 'the password in the Redis URL',
    maxValueBytes: REDIS_MAX_ORIGINAL_BYTES,
    // The RESP protocol sends a value's bytes as they are.
    valueBytes: utf8Length,
    ...(connection ? { close: connection.close } : {}),
  };
}
