import {
  compress,
  createHeadroom,
  createStats,
  HeadroomError,
  retrieve,
  type CcrStore,
} from '@headroom/core';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisStoreOptions } from '../redis-backed-store.js';
import {
  buildLog,
  entry,
  largeOriginal,
  logConversation,
  patient,
  trickyText,
  uniqueNamespace,
} from './fixtures.js';

/** How a contract run builds the store under test. */
export interface StoreUnderTest {
  name: string;
  /** Builds a store with these options against the Redis at 127.0.0.1:6379. */
  make(options: RedisStoreOptions & { namespace: string }): CcrStore;
  /** Releases what `make` opened. */
  dispose?(): Promise<void>;
}

const KEY = 'abcdef0123456789abcdef01';

/** Behaviour every Redis-backed CCR store must show against the real Redis at 127.0.0.1:6379. */
export function describeStoreContract(target: StoreUnderTest): void {
  const raw = createClient({ url: 'redis://127.0.0.1:6379' });
  beforeAll(async () => {
    await raw.connect();
  });
  afterAll(async () => {
    await raw.close();
    await target.dispose?.();
  });

  describe(`${target.name}: stored originals`, () => {
    it('gives back a 5 MB original, non-ASCII text and lone surrogates byte for byte', async () => {
      const store = target.make({ namespace: uniqueNamespace('bytes'), ttlSeconds: 120 });
      const big = largeOriginal(5);
      await store.put(KEY, entry(big, 'log'));
      await store.put('abcdef0123456789abcdef02', {
        original: trickyText,
        meta: { kind: 'code', language: 'python', count: 3, toolName: 'read' },
        createdAt: 42,
      });
      const [back, tricky] = await Promise.all([
        store.get(KEY),
        store.get('abcdef0123456789abcdef02'),
      ]);
      expect(back!.original.length).toBe(big.length);
      expect(back!.original === big).toBe(true);
      expect(back!.meta).toEqual({ kind: 'log' });
      expect(tricky).toEqual({
        original: trickyText,
        meta: { kind: 'code', language: 'python', count: 3, toolName: 'read' },
        createdAt: 42,
      });
    });

    it('sets a time to live on every key and forgets the entry when it runs out', async () => {
      const namespace = uniqueNamespace('ttl');
      const store = target.make({ namespace, ttlSeconds: 90 });
      await store.put(KEY, entry('kept for a while'));
      await store.put('abcdef0123456789abcdef03', entry('short-lived'), { ttlSeconds: 1 });
      const ttl = await raw.ttl(`headroom:${namespace}:${KEY}`);
      expect(ttl).toBeGreaterThan(80);
      expect(ttl).toBeLessThanOrEqual(90);
      expect(await store.has('abcdef0123456789abcdef03')).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect(await store.get('abcdef0123456789abcdef03')).toBeUndefined();
      expect(await store.has('abcdef0123456789abcdef03')).toBe(false);
      expect((await store.get(KEY))?.original).toBe('kept for a while');
    });

    it("keeps namespaces apart: tenant B can't read or see tenant A's key", async () => {
      const a = target.make({ namespace: uniqueNamespace('tenant-a'), ttlSeconds: 120 });
      const b = target.make({ namespace: uniqueNamespace('tenant-b'), ttlSeconds: 120 });
      await a.put(KEY, entry("tenant A's secret log"));
      expect(await b.get(KEY)).toBeUndefined();
      expect(await b.has(KEY)).toBe(false);
      await expect(retrieve(b, KEY)).rejects.toMatchObject({ code: 'not_found' });
      expect((await retrieve(a, KEY)).content).toBe("tenant A's secret log");
    });

    it('stores a scoped call under its scope: only that scope retrieves it, and Redis keys name no tenant', async () => {
      const namespace = uniqueNamespace('scope');
      const store = target.make({ namespace, ttlSeconds: 120 });
      const headroom = createHeadroom({ store, stats: createStats(), ...patient });
      const result = await headroom.compress(logConversation(3), { scope: 'tenant-a@example.com' });
      const [key] = result.ccrKeys;
      expect(key).toBeDefined();
      expect((await headroom.retrieve(key!, { scope: 'tenant-a@example.com' })).content).toMatch(
        /^\$ npm run build/,
      );
      await expect(headroom.retrieve(key!, { scope: 'tenant-b' })).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(headroom.retrieve(key!)).rejects.toMatchObject({ code: 'not_found' });
      const keys = await raw.keys(`headroom:${namespace}:*`);
      expect(keys.length).toBeGreaterThan(0);
      for (const stored of keys) {
        expect(stored).toMatch(new RegExp(`^headroom:${namespace}:s[0-9a-f]{32}\\.[0-9a-f]{24}$`));
        expect(stored).not.toContain('tenant');
      }
    });

    it('refuses an original over the size cap with store_full and writes nothing', async () => {
      const namespace = uniqueNamespace('cap');
      const store = target.make({ namespace, ttlSeconds: 120, maxOriginalBytes: 1_000 });
      await store.put(KEY, entry('x'.repeat(500)));
      await expect(
        store.put('abcdef0123456789abcdef04', entry('y'.repeat(2_000))),
      ).rejects.toMatchObject({ code: 'store_full' });
      expect(await raw.exists(`headroom:${namespace}:abcdef0123456789abcdef04`)).toBe(0);
      expect(await store.has(KEY)).toBe(true);
    });

    it('answers retrieve() with a query from the stored units', async () => {
      const store = target.make({ namespace: uniqueNamespace('query'), ttlSeconds: 120 });
      await store.put(KEY, entry(buildLog(3), 'log'));
      const hit = await retrieve(store, KEY, { query: 'cannot resolve import' });
      expect(hit.content).toContain("cannot resolve import './missing-3.js'");
      expect(hit.matched).toBeGreaterThan(0);
      expect(hit.matched).toBeLessThan(hit.total!);
    });

    it('deletes a key', async () => {
      const store = target.make({ namespace: uniqueNamespace('delete'), ttlSeconds: 120 });
      await store.put(KEY, entry('to delete'));
      await store.delete!(KEY);
      expect(await store.has(KEY)).toBe(false);
    });

    it('rejects a time to live of 0, below 0 or NaN, at construction and per write', async () => {
      for (const ttlSeconds of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => target.make({ namespace: uniqueNamespace('bad-ttl'), ttlSeconds })).toThrow(
          /`ttlSeconds`: expected a positive, finite number/,
        );
      }
      const store = target.make({ namespace: uniqueNamespace('bad-ttl'), ttlSeconds: 120 });
      const rejected = await store
        .put(KEY, entry('x'), { ttlSeconds: 0 })
        .catch((error: unknown) => error);
      expect(HeadroomError.isInstance(rejected) && rejected.code).toBe('invalid_option');
    });

    it('backs compress(): every marker it emits can be retrieved through the store', async () => {
      const store = target.make({ namespace: uniqueNamespace('compress'), ttlSeconds: 120 });
      const stats = createStats();
      const result = await compress(logConversation(3), { store, stats, ...patient });
      expect(result.ccrKeys.length).toBeGreaterThan(0);
      expect(result.tokensAfter).toBeLessThan(result.tokensBefore / 2);
      for (const key of result.ccrKeys)
        expect((await retrieve(store, key)).content).toMatch(/^\$ npm run build/);
      expect(stats.snapshot().fallbacks).toEqual({});
    });
  });
}
