import type { Redis } from '@upstash/redis';
import type { RedisCommands } from './redis-commands.js';

/**
 * Redis commands over an `@upstash/redis` client. Several writes go out as one `/pipeline` request.
 * Upstash commands take no per-call signal: the client's own timeout (set by `UpstashCcrStore` when it
 * builds the client) ends the HTTP request, and the store's deadline settles the call either way.
 */
export function upstashCommands(redis: Redis): RedisCommands {
  return {
    async setMany(entries, ttlSeconds) {
      if (entries.length === 1) {
        const [key, value] = entries[0]!;
        await redis.set(key, value, { ex: ttlSeconds });
        return;
      }
      const pipeline = redis.pipeline();
      for (const [key, value] of entries) pipeline.set(key, value, { ex: ttlSeconds });
      await pipeline.exec();
    },
    async getMany(keys) {
      if (keys.length === 0) return [];
      return redis.mget<Array<string | null>>(...keys);
    },
    async exists(key) {
      return (await redis.exists(key)) > 0;
    },
    async del(keys) {
      if (keys.length > 0) await redis.del(...keys);
    },
  };
}
