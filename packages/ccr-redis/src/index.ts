export {
  UpstashCcrStore,
  UPSTASH_MAX_ORIGINAL_BYTES,
  createUpstashClient,
  type UpstashCcrStoreOptions,
  type UpstashConnection,
} from './upstash-ccr-store.js';
export { RedisCcrStore, type RedisCcrStoreOptions } from './redis-ccr-store.js';
export {
  RedisBackedCcrStore,
  REDIS_MAX_ORIGINAL_BYTES,
  DEFAULT_STORE_TIMEOUT_MS,
  type RedisStoreOptions,
} from './redis-backed-store.js';
export type { NodeRedisClient } from './node-redis-commands.js';
export {
  RedisBackedSessionStore,
  RedisSessionStore,
  UpstashSessionStore,
} from './redis-session-store.js';
