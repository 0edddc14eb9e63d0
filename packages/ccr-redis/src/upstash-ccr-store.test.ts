import { compress, createStats, retrieve } from '@headroom/core';
import { Redis } from '@upstash/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPSTASH_MAX_ORIGINAL_BYTES, UpstashCcrStore } from './upstash-ccr-store.js';
import {
  entry,
  logConversation,
  patient,
  trickyText,
  uniqueNamespace,
  relaxed,
} from './test-utils/fixtures.js';
import { sharedRedisAvailable } from './test-utils/redis-server.node.js';
import { describeStoreContract } from './test-utils/store-contract.node.js';
import {
  startUpstashRestServer,
  type UpstashRestServer,
} from './test-utils/upstash-rest-server.node.js';

const redisUp = await sharedRedisAvailable();
const KEY = 'abcdef0123456789abcdef01';

describe.skipIf(!redisUp)(
  'UpstashCcrStore over real HTTP to a loopback Upstash REST server backed by the Redis at 127.0.0.1:6379 (skipped: nothing answers there)',
  () => {
    let server: UpstashRestServer;
    beforeAll(async () => {
      server = await startUpstashRestServer();
    });
    afterAll(async () => {
      await server.close();
    });

    describeStoreContract({
      name: 'UpstashCcrStore',
      make: (options) =>
        new UpstashCcrStore({ ...relaxed, url: server.url, token: server.token, ...options }),
    });

    it('batches writes issued together into one /pipeline request', async () => {
      const store = new UpstashCcrStore({
        ...relaxed,
        url: server.url,
        token: server.token,
        namespace: uniqueNamespace('pipeline'),
        ttlSeconds: 120,
      });
      const before = server.requests.get('/pipeline') ?? 0;
      const keys = Array.from({ length: 6 }, (_, i) => `abcdef0123456789abcdef1${i}`);
      await Promise.all(keys.map((key) => store.put(key, entry(`original ${key}`))));
      expect((server.requests.get('/pipeline') ?? 0) - before).toBe(1);
      const back = await Promise.all(keys.map((key) => store.get(key)));
      expect(back.map((e) => e?.original)).toEqual(keys.map((key) => `original ${key}`));
    });

    it("refuses by default an original whose JSON-escaped request would pass Upstash's 10 MB limit", async () => {
      const store = new UpstashCcrStore({
        ...relaxed,
        url: server.url,
        token: server.token,
        namespace: uniqueNamespace('upstash-cap'),
        ttlSeconds: 120,
      });
      expect(store.maxOriginalBytes).toBe(UPSTASH_MAX_ORIGINAL_BYTES);
      // 3 MiB of quotes: 6 MiB once in the entry's JSON, 12 MiB escaped again in the REST body.
      const quotes = '"'.repeat(3 * 1024 * 1024);
      const before = server.requests.get('/pipeline') ?? 0;
      await expect(store.put(KEY, entry(quotes))).rejects.toMatchObject({ code: 'store_full' });
      expect(server.requests.get('/pipeline') ?? 0).toBe(before);
      expect(await store.has(KEY)).toBe(false);
    });

    it('works with a client the application built with @upstash/redis defaults (JSON parsing on, five retries)', async () => {
      const redis = new Redis({ url: server.url, token: server.token });
      const store = new UpstashCcrStore({
        ...relaxed,
        redis,
        namespace: uniqueNamespace('own-client'),
        ttlSeconds: 120,
      });
      await store.put(KEY, { original: trickyText, meta: { kind: 'text' }, createdAt: 7 });
      // A JSON-looking original must come back as the same string, not as a parsed value.
      await store.put('abcdef0123456789abcdef02', entry('{"a":1}'));
      expect(await store.get(KEY)).toEqual({
        original: trickyText,
        meta: { kind: 'text' },
        createdAt: 7,
      });
      expect((await store.get('abcdef0123456789abcdef02'))?.original).toBe('{"a":1}');
    });

    it('reads UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN when given nothing', async () => {
      const saved = {
        url: process.env.UPSTASH_REDIS_REST_URL,
        token: process.env.UPSTASH_REDIS_REST_TOKEN,
      };
      process.env.UPSTASH_REDIS_REST_URL = server.url;
      process.env.UPSTASH_REDIS_REST_TOKEN = server.token;
      try {
        const store = new UpstashCcrStore({
          ...relaxed,
          namespace: uniqueNamespace('env'),
          ttlSeconds: 120,
        });
        await store.put(KEY, entry('from env'));
        expect((await store.get(KEY))?.original).toBe('from env');
      } finally {
        process.env.UPSTASH_REDIS_REST_URL = saved.url;
        process.env.UPSTASH_REDIS_REST_TOKEN = saved.token;
        if (saved.url === undefined) delete process.env.UPSTASH_REDIS_REST_URL;
        if (saved.token === undefined) delete process.env.UPSTASH_REDIS_REST_TOKEN;
      }
    });

    it('says clearly that it has no credentials when neither options nor env vars give them', () => {
      const saved = process.env.UPSTASH_REDIS_REST_URL;
      delete process.env.UPSTASH_REDIS_REST_URL;
      try {
        expect(() => new UpstashCcrStore({ ...relaxed, token: 'x' } as never)).toThrow(
          /UPSTASH_REDIS_REST_URL/,
        );
      } finally {
        if (saved !== undefined) process.env.UPSTASH_REDIS_REST_URL = saved;
      }
    });

    it('turns a wrong token into a config_error at the first call, without quoting the stored original', async () => {
      const store = new UpstashCcrStore({
        ...relaxed,
        url: server.url,
        token: 'wrong-token',
        namespace: uniqueNamespace('auth'),
      });
      const error = (await store
        .put(KEY, entry('secret tool output'))
        .catch((e: unknown) => e)) as Error;
      expect(error).toMatchObject({ name: 'HeadroomError', code: 'config_error' });
      expect(error.message).toMatch(
        /Upstash Redis rejected the credentials \(Unauthorized\); check UPSTASH_REDIS_REST_URL \/ UPSTASH_REDIS_REST_TOKEN/,
      );
      expect(error.message).not.toContain('secret tool output');
      await expect(store.get(KEY)).rejects.toMatchObject({ code: 'config_error' });
    });

    it('sends the original when the token is wrong: compress() succeeds uncompressed and stats say why', async () => {
      const store = new UpstashCcrStore({
        ...relaxed,
        url: server.url,
        token: 'wrong-token',
        namespace: uniqueNamespace('auth-compress'),
      });
      const stats = createStats();
      const messages = logConversation(2);
      const result = await compress(messages, { store, stats });
      expect(result.messages).toEqual(messages);
      expect(result.ccrKeys).toEqual([]);
      expect(stats.snapshot().fallbacks.store_error).toBe(2);
    });

    it('serves retrieve() for keys compress() stored, across two store instances ("two serverless instances")', async () => {
      const namespace = uniqueNamespace('instances');
      const first = new UpstashCcrStore({
        ...relaxed,
        url: server.url,
        token: server.token,
        namespace,
      });
      const second = new UpstashCcrStore({
        ...relaxed,
        url: server.url,
        token: server.token,
        namespace,
      });
      const result = await compress(logConversation(2), {
        store: first,
        stats: createStats(),
        ...patient,
      });
      const hit = await retrieve(second, result.ccrKeys[0]!, { query: 'cannot resolve import' });
      expect(hit.content).toContain("cannot resolve import './missing-1.js'");
    });
  },
);
