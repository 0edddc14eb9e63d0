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
  /**
   * Largest stored entry in bytes, as the backend's write request carries it; a larger original is refused
   * and its tool output goes out uncompressed. Default 128 MiB on Redis over TCP, 9 MiB on Upstash.
   */
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
  /** The default of `maxOriginalBytes`: how large a value this backend takes in one write. */
  maxValueBytes: number;
  /** Bytes a value takes in the request that writes it, as `maxOriginalBytes` counts them. */
  valueBytes: (value: string) => number;
  /** Closes the connection the backend opened (node-redis from a URL); absent when it opened none. */
  close?: () => Promise<void>;
}

/**
 * Redis over TCP: core compresses segments of up to 32 Mi characters by default (`maxSegmentChars`), which
 * is up to 96 MiB of UTF-8, more once JSON-escaped in the entry; a Redis string holds up to 512 MB
 * (`proto-max-bulk-len`), so 128 MiB keeps the originals of ordinary text of any size core compresses.
 */
export const REDIS_MAX_ORIGINAL_BYTES = 128 * 1024 * 1024;
export const DEFAULT_STORE_TIMEOUT_MS = 2_000;

/**
 * What both Redis-backed stores (CCR entries and conversations' decisions) share: their limits, checked,
 * with their defaults, and one backend call under the store's deadline.
 */
export class RedisBackedStore {
  readonly namespace: string;
  readonly ttlSeconds: number;
  readonly maxOriginalBytes: number;
  readonly timeoutMs: number;
  /**
   * Closes the connection this store opened from a URL; a client you passed in stays yours to close,
   * and a store over REST (Upstash) holds none.
   */
  readonly close: () => Promise<void>;
  readonly #backend: RedisBackend;

  constructor(backend: RedisBackend, options: RedisStoreOptions = {}) {
    this.#backend = backend;
    this.close = backend.close ?? (async () => {});
    this.namespace = options.namespace ?? 'default';
    this.ttlSeconds = checkTtlSeconds(options.ttlSeconds ?? DEFAULT_CCR_TTL_SECONDS);
    this.maxOriginalBytes = options.maxOriginalBytes ?? backend.maxValueBytes;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
  }

  /** Bytes `value` takes in the backend's write request, to compare with `maxOriginalBytes`. */
  protected valueBytes(value: string): number {
    return this.#backend.valueBytes(value);
  }

  /** One backend operation under the store's deadline and the caller's signal, its failures as typed `HeadroomError`s. */
  protected async call<T>(
    operation: string,
    signal: AbortSignal | undefined,
    run: (commands: RedisCommands, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const backend = this.#backend;
    try {
      return await callStore((deadline) => run(backend.commands, deadline), {
        timeoutMs: this.timeoutMs,
        signal,
        operation: `${operation} on ${backend.name}`,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw toStoreError(error, backend.name, backend.credentialHint);
    }
  }
}

/** The CCR store logic both Redis clients share: namespacing, TTL on every key, size cap, timeouts, typed errors. */
export class RedisBackedCcrStore extends RedisBackedStore implements CcrStore {
  async put(key: string, entry: CcrEntry, options: CcrPutOptions = {}): Promise<void> {
    const ttl =
      options.ttlSeconds === undefined ? this.ttlSeconds : checkTtlSeconds(options.ttlSeconds);
    const value = encodeEntry(entry);
    const bytes = this.valueBytes(value);
    if (bytes > this.maxOriginalBytes) {
      throw new HeadroomError({
        code: 'store_full',
        message: `Entry of ${bytes} bytes exceeds the store's cap of ${this.maxOriginalBytes} bytes`,
      });
    }
    await this.call('put', options.signal, (commands, signal) =>
      commands.setMany([[this.#id(key), value]], Math.ceil(ttl), signal),
    );
  }

  async get(key: string, options: CcrGetOptions = {}): Promise<CcrEntry | undefined> {
    const [raw] = await this.call('get', options.signal, (commands, signal) =>
      commands.getMany([this.#id(key)], signal),
    );
    return raw === null || raw === undefined ? undefined : decodeEntry(raw, key);
  }

  async has(key: string): Promise<boolean> {
    return this.call('has', undefined, (commands, signal) =>
      commands.exists(this.#id(key), signal),
    );
  }

  async delete(key: string): Promise<void> {
    await this.call('delete', undefined, (commands, signal) =>
      commands.del([this.#id(key)], signal),
    );
  }

  #id(key: string): string {
    return namespacedKey(this.namespace, key);
  }
}
