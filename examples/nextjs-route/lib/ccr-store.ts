import { MemoryCcrStore, type CcrStore } from '@headroom/core';
import { Redis } from '@upstash/redis';
import { upstashCcrStore } from './upstash-ccr-store';

/** Upstash Redis when `UPSTASH_REDIS_REST_URL` (and `UPSTASH_REDIS_REST_TOKEN`) are set, in-process memory otherwise. */
export function ccrStore(env: Record<string, string | undefined> = process.env): CcrStore {
  if (!env.UPSTASH_REDIS_REST_URL) return new MemoryCcrStore();
  return upstashCcrStore({ redis: new Redis({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN ?? '' }), namespace: 'nextjs-chat' });
}
