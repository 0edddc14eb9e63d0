import { RedisCcrStore, UpstashCcrStore } from '@headroom/ccr-redis';
import type { CcrStore } from '@headroom/core/internal';

/** The store `--store` names, with a way to let go of its connection. */
export interface ProxyStore {
  /** Undefined for `memory`: the instance's own in-memory store. */
  store?: CcrStore;
  /** How the store is named in the start-up line (no credentials). */
  label: string;
  close(): Promise<void>;
}

/**
 * `memory` (default), a `redis://` / `rediss://` URL (node-redis over TCP), or `upstash` (REST, from
 * `UPSTASH_REDIS_REST_URL` / `UPSTASH_REDIS_REST_TOKEN`). Redis lets several proxies, or a proxy that
 * restarts, answer retrievals for markers another one emitted. Undefined for a value it does not know.
 */
export function proxyStore(
  value: string,
  env: Readonly<Record<string, string | undefined>>,
): ProxyStore | undefined {
  if (value === 'memory') return { label: 'memory', close: async () => {} };
  if (value === 'upstash') {
    const store = new UpstashCcrStore({
      url: env.UPSTASH_REDIS_REST_URL ?? '',
      token: env.UPSTASH_REDIS_REST_TOKEN ?? '',
    });
    return { store, label: 'upstash', close: async () => {} };
  }
  if (!/^rediss?:\/\//.test(value) || !URL.canParse(value)) return undefined;
  const store = new RedisCcrStore({ url: value });
  const url = new URL(value);
  return {
    store,
    label: `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`,
    close: () => store.close(),
  };
}
