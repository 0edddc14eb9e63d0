import { DEFAULT_CCR_TTL_SECONDS, namespacedKey, type CcrEntry, type CcrStore } from '@headroom/core';
import type { Redis } from '@upstash/redis';

/**
 * A `CcrStore` on Upstash Redis (REST, so it also runs on the edge): originals live under
 * `headroom:{namespace}:{key}` with a time to live, shared by every instance of the app.
 */
export function upstashCcrStore({ redis, namespace = 'default', ttlSeconds = DEFAULT_CCR_TTL_SECONDS }: { redis: Redis; namespace?: string; ttlSeconds?: number }): CcrStore {
  const id = (key: string) => namespacedKey(namespace, key);
  return {
    async put(key, entry, options = {}) {
      await redis.set(id(key), entry, { ex: options.ttlSeconds ?? ttlSeconds });
    },
    // The client stores objects as JSON and parses them back.
    async get(key) {
      return (await redis.get<CcrEntry>(id(key))) ?? undefined;
    },
    async has(key) {
      return (await redis.exists(id(key))) > 0;
    },
    async delete(key) {
      await redis.del(id(key));
    },
  };
}
