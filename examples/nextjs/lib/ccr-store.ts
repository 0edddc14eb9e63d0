import { MemoryCcrStore, UpstashCcrStore, type CcrStore } from 'headroom-ai';

/**
 * Where dropped originals wait for `headroom_retrieve`: Upstash Redis when `UPSTASH_REDIS_REST_URL` and
 * `UPSTASH_REDIS_REST_TOKEN` are set (shared by every instance), in-process memory otherwise — enough for
 * the retrieval loop itself, which compresses and answers the model's retrievals within one request.
 */
export function ccrStore(
  env: Readonly<Record<string, string | undefined>> = process.env,
): CcrStore {
  const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token } = env;
  return url && token
    ? new UpstashCcrStore({ url, token, namespace: 'nextjs-chat' })
    : new MemoryCcrStore();
}
