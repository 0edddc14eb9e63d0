import { HeadroomError } from '@headroom/core';
import { utf8Length } from '@headroom/core/internal';
import { Redis } from '@upstash/redis';
import {
  DEFAULT_STORE_TIMEOUT_MS,
  RedisBackedCcrStore,
  type RedisBackend,
  type RedisStoreOptions,
} from './redis-backed-store.js';
import { upstashCommands } from './upstash-commands.js';

/** Where an {@link UpstashCcrStore} connects: a client you made, a REST URL and token, or neither (env vars). */
export type UpstashConnection =
  | { redis: Redis; url?: never; token?: never }
  | { url: string; token: string; redis?: never }
  | { redis?: never; url?: never; token?: never };

/** Options for {@link UpstashCcrStore}. */
export type UpstashCcrStoreOptions = RedisStoreOptions & UpstashConnection;

/**
 * Upstash refuses a request over 10 MB on its Free and Pay-as-you-go plans ("ERR max request size exceeded",
 * https://upstash.com/docs/redis/troubleshooting/max_request_size_exceeded): 9 MiB (9,437,184 bytes) of
 * escaped value leaves room for the command and key around it.
 */
export const UPSTASH_MAX_ORIGINAL_BYTES = 9 * 1024 * 1024;

const CREDENTIALS = 'UPSTASH_REDIS_REST_URL / UPSTASH_REDIS_REST_TOKEN';

/**
 * CCR store on Upstash Redis over its REST API: for serverless and edge route handlers, where each
 * request may land on another instance. Imports nothing from `node:`. Built from an `@upstash/redis`
 * client, from `{ url, token }`, or from `UPSTASH_REDIS_REST_URL` / `UPSTASH_REDIS_REST_TOKEN`.
 */
export class UpstashCcrStore extends RedisBackedCcrStore {
  constructor(options: UpstashCcrStoreOptions = {}) {
    super(upstashBackend(options), options);
  }
}

/** The Upstash client of `options` (given, or built from `{ url, token }` or the environment) as a store backend. */
export function upstashBackend(options: UpstashCcrStoreOptions): RedisBackend {
  const redis =
    options.redis ??
    createUpstashClient(options.url, options.token, options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS);
  return {
    commands: upstashCommands(redis),
    name: 'Upstash Redis',
    credentialHint: CREDENTIALS,
    maxValueBytes: UPSTASH_MAX_ORIGINAL_BYTES,
    // The REST API takes the command as a JSON array: the value goes JSON-escaped, which can double it.
    valueBytes: (value) => utf8Length(JSON.stringify(value)),
  };
}

/**
 * A client that gives up on a stalled request (each HTTP request gets its own timeout signal), retries
 * a failed fetch once instead of five times with backoff, returns raw strings, and batches commands
 * issued together into one `/pipeline` request.
 */
export function createUpstashClient(
  url: string | undefined,
  token: string | undefined,
  timeoutMs = DEFAULT_STORE_TIMEOUT_MS,
): Redis {
  const env = processEnv();
  const restUrl = url ?? env.UPSTASH_REDIS_REST_URL;
  const restToken = token ?? env.UPSTASH_REDIS_REST_TOKEN;
  if (!restUrl || !restToken) {
    throw new HeadroomError({
      code: 'config_error',
      message: `UpstashCcrStore needs a client, { url, token }, or ${CREDENTIALS} in the environment`,
    });
  }
  return new Redis({
    url: restUrl,
    token: restToken,
    automaticDeserialization: false,
    enableAutoPipelining: true,
    enableTelemetry: false,
    retry: { retries: 1, backoff: () => 50 },
    signal: () => AbortSignal.timeout(timeoutMs),
  });
}

/** `process.env` where the runtime has one (Node, Vercel Edge), without naming Node's types. */
function processEnv(): Record<string, string | undefined> {
  return (
    (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {}
  );
}
