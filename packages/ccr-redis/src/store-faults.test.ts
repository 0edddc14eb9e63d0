import {
  answerRetrieveCall,
  compress,
  createHeadroom,
  createStats,
  type CcrStore,
} from '@headroom/core/internal';
import { afterEach, describe, expect, it } from 'vitest';
import { RedisCcrStore } from './redis-ccr-store.js';
import { UpstashCcrStore } from './upstash-ccr-store.js';
import { entry, logConversation, patient, uniqueNamespace } from './test-utils/fixtures.js';
import { hasRedisServerBinary, startPrivateRedis } from './test-utils/redis-server.node.js';
import { startSilentServer, unusedPort } from './test-utils/silent-server.node.js';
import { startUpstashRestServer } from './test-utils/upstash-rest-server.node.js';

const KEY = 'abcdef0123456789abcdef01';
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** The two stores, pointed at a TCP endpoint (Redis protocol) or an HTTP one (Upstash REST). */
const targets = {
  RedisCcrStore: (port: number) => {
    const store = new RedisCcrStore({ url: `redis://127.0.0.1:${port}`, timeoutMs: 300 });
    cleanups.push(() => store.close());
    return store;
  },
  UpstashCcrStore: (port: number) =>
    new UpstashCcrStore({ url: `http://127.0.0.1:${port}`, token: 't', timeoutMs: 300 }),
} satisfies Record<string, (port: number) => CcrStore>;

/** A request through a store that cannot work: it still succeeds, sends the originals, and says why. */
async function expectUncompressedRequest(store: CcrStore) {
  const stats = createStats();
  const messages = logConversation(2);
  const result = await compress(messages, { store, stats });
  expect(result.messages).toEqual(messages);
  expect(result.ccrKeys).toEqual([]);
  const fallbacks = stats.snapshot().fallbacks;
  expect((fallbacks.store_error ?? 0) + (fallbacks.store_timeout ?? 0)).toBe(2);
}

describe.each(Object.entries(targets))('%s when the backend cannot be used', (_, make) => {
  it('with nothing listening on the port: writes and reads fail with a HeadroomError, requests go out uncompressed', async () => {
    const store = make(await unusedPort());
    await expect(store.put(KEY, entry('x'))).rejects.toMatchObject({ name: 'HeadroomError' });
    await expect(store.get(KEY)).rejects.toMatchObject({ name: 'HeadroomError' });
    await expectUncompressedRequest(store);
  });

  it('with a server that accepts and never answers: operations give up with store_timeout, requests go out uncompressed', async () => {
    const silent = await startSilentServer();
    cleanups.push(() => silent.close());
    const store = make(silent.port);
    await expect(store.put(KEY, entry('x'))).rejects.toMatchObject({ code: 'store_timeout' });
    await expect(store.get(KEY)).rejects.toMatchObject({ code: 'store_timeout' });
    await expectUncompressedRequest(store);
    const answer = await answerRetrieveCall(store, { key: KEY });
    expect(answer).toEqual({
      isError: true,
      content: expect.stringMatching(
        /^Error: The store could not read key abcdef0123456789abcdef01: Store get on .* took longer than 300 ms$/,
      ),
    });
  });
});

describe.skipIf(!hasRedisServerBinary)(
  'Redis stopped mid-conversation (skipped: no redis-server binary to start a private server with)',
  () => {
    it.each(['RedisCcrStore', 'UpstashCcrStore'] as const)(
      '%s: later turns still succeed, uncompressed, and retrieval answers with a tool error',
      async (kind) => {
        const redis = await startPrivateRedis();
        cleanups.push(() => redis.stop());
        let store: CcrStore;
        if (kind === 'RedisCcrStore') {
          const tcp = new RedisCcrStore({
            url: redis.url,
            timeoutMs: 5_000,
            namespace: uniqueNamespace('stop'),
          });
          cleanups.push(() => tcp.close());
          store = tcp;
        } else {
          const rest = await startUpstashRestServer({ redisUrl: redis.url });
          cleanups.push(() => rest.close().catch(() => {}));
          store = new UpstashCcrStore({
            url: rest.url,
            token: rest.token,
            timeoutMs: 5_000,
            namespace: uniqueNamespace('stop'),
          });
        }
        // A long deadline so the first turn is stored even on a loaded machine: once Redis is down,
        // operations fail at once (connection refused, no offline queue), they don't wait for it.
        const headroom = createHeadroom({ store, ...patient });
        const first = await headroom.compress(logConversation(1));
        expect(first.ccrKeys).toHaveLength(1);
        expect((await headroom.retrieve(first.ccrKeys[0]!)).content).toMatch(/^\$ npm run build/);

        await redis.stop();
        const later = logConversation(3);
        const second = await headroom.compress(later);
        // Nothing compressed that could not be fetched back: every tool output goes out whole.
        expect(second.messages).toEqual(later);
        expect(second.ccrKeys).toEqual([]);
        const fallbacks = headroom.stats().fallbacks;
        expect((fallbacks.store_error ?? 0) + (fallbacks.store_timeout ?? 0)).toBe(3);
        const answer = await answerRetrieveCall(store, { key: first.ccrKeys[0] });
        expect(answer.isError).toBe(true);
        expect(answer.content).toMatch(/^Error: /);
      },
    );

    it('RedisCcrStore with a wrong password: a config_error at the first call', async () => {
      const redis = await startPrivateRedis({ password: 'right-password' });
      cleanups.push(() => redis.stop());
      const store = new RedisCcrStore({
        url: `redis://:wrong-password@127.0.0.1:${redis.port}`,
        // The refusal comes at once; the deadline only has to cover importing node-redis on a slow machine.
        timeoutMs: 10_000,
      });
      cleanups.push(() => store.close());
      await expect(store.put(KEY, entry('x'))).rejects.toMatchObject({
        code: 'config_error',
        message: expect.stringMatching(/^Redis rejected the credentials/),
      });
    });
  },
);
