import {
  callStore,
  checkTtlSeconds,
  DEFAULT_CCR_TTL_SECONDS,
  HeadroomError,
  namespacedKey,
  type CcrEntry,
  type CcrGetOptions,
  type CcrPutOptions,
  type CcrStore,
} from '@headroom/core/internal';
import { decodeEntry, encodeEntry } from './entry-codec.js';
import type { RedisCommands } from './redis-commands.js';
import { toStoreError } from './store-errors.js';

/** Options both Redis stores share. */
export interface RedisStoreOptions {
  /** Tenant or app name: keys are `headroom:{namespace}:{key}`. Default `default`. */
  namespace?: string;
  /** Time to live of every key, in seconds (positive, finite). Default 30 minutes. */
  ttlSeconds?: number;
  /** Largest stored entry in UTF-8 bytes; a larger original is refused and sent uncompressed. Default 8 MiB. */
  maxOriginalBytes?: number;
  /** Milliseconds one operation may take before it fails with `store_timeout`. Default 2,000. */
  timeoutMs?: number;
}

/** What a concrete store hands the shared implementation. */
export interface RedisBackend {
  commands: RedisCommands;
  /** Backend name for error messages, e.g. `Upstash Redis`. */
  name: string;
  /** Where wrong credentials come from, for the error message. */
  credentialHint: string;
}

export const DEFAULT_MAX_ORIGINAL_BYTES = 8 * 1024 * 1024;
export const DEFAULT_STORE_TIMEOUT_MS = 2_000;

const encoder = new TextEncoder();

/** The limits of a Redis-backed store (CCR or sessions), checked, with their defaults. */
export function storeSettings(options: RedisStoreOptions): {
  namespace: string;
  ttlSeconds: number;
  maxOriginalBytes: number;
  timeoutMs: number;
} {
  return {
    namespace: options.namespace ?? 'default',
    ttlSeconds: checkTtlSeconds(options.ttlSeconds ?? DEFAULT_CCR_TTL_SECONDS),
    maxOriginalBytes: options.maxOriginalBytes ?? DEFAULT_MAX_ORIGINAL_BYTES,
    timeoutMs: options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS,
  };
}

/** The CCR store logic both Redis clients share: namespacing, TTL on every key, size cap, timeouts, typed errors. */
export class RedisBackedCcrStore implements CcrStore {
  readonly namespace: string;
  readonly ttlSeconds: number;
  readonly maxOriginalBytes: number;
  readonly timeoutMs: number;
  readonly #backend: RedisBackend;

  constructor(backend: RedisBackend, options: RedisStoreOptions = {}) {
    this.#backend = backend;
    ({
      namespace: this.namespace,
      ttlSeconds: this.ttlSeconds,
      maxOriginalBytes: this.maxOriginalBytes,
      timeoutMs: this.timeoutMs,
    } = storeSettings(options));
  }

  async put(key: string, entry: CcrEntry, options: CcrPutOptions = {}): Promise<void> {
    const ttl =
      options.ttlSeconds === undefined ? this.ttlSeconds : checkTtlSeconds(options.ttlSeconds);
    const value = encodeEntry(entry);
    const bytes = encoder.encode(value).byteLength;
    if (bytes > this.maxOriginalBytes) {
      throw new HeadroomError({
        code: 'store_full',
        message: `Entry of ${bytes} bytes exceeds the store's cap of ${this.maxOriginalBytes} bytes`,
      });
    }
    await this.#call('put', options.signal, (signal) =>
      this.#backend.commands.setMany([[this.#id(key), value]], Math.ceil(ttl), signal),
    );
  }

  async get(key: string, options: CcrGetOptions = {}): Promise<CcrEntry | undefined> {
    const [raw] = await this.#call('get', options.signal, (signal) =>
      this.#backend.commands.getMany([this.#id(key)], signal),
    );
    return raw === null || raw === undefined ? undefined : decodeEntry(raw, key);
  }

  async has(key: string): Promise<boolean> {
    return this.#call('has', undefined, (signal) =>
      this.#backend.commands.exists(this.#id(key), signal),
    );
  }

  async delete(key: string): Promise<void> {
    await this.#call('delete', undefined, (signal) =>
      this.#backend.commands.del([this.#id(key)], signal),
    );
  }

  #id(key: string): string {
    return namespacedKey(this.namespace, key);
  }

  #call<T>(
    operation: string,
    signal: AbortSignal | undefined,
    run: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    return callBackend(this.#backend, { operation, signal, timeoutMs: this.timeoutMs }, run);
  }
}

/** One backend operation under a deadline and the caller's signal, its failures as typed `HeadroomError`s. */
export async function callBackend<T>(
  backend: RedisBackend,
  {
    operation,
    signal,
    timeoutMs,
  }: { operation: string; signal: AbortSignal | undefined; timeoutMs: number },
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  try {
    return await callStore(run, {
      timeoutMs,
      signal,
      operation: `${operation} on ${backend.name}`,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw toStoreError(error, backend.name, backend.credentialHint);
  }
}
