import { createHeadroom, createStats } from '@headroom/core';
import { utf8Length } from '@headroom/core/internal';
import { describe, expect, it } from 'vitest';
import { REDIS_MAX_ORIGINAL_BYTES } from './redis-backed-store.js';
import { RedisCcrStore } from './redis-ccr-store.js';
import {
  largeOriginal,
  logConversation,
  patient,
  uniqueNamespace,
  relaxed,
} from './test-utils/fixtures.js';
import { sharedRedisAvailable } from './test-utils/redis-server.node.js';
import { describeStoreContract } from './test-utils/store-contract.node.js';

const redisUp = await sharedRedisAvailable();
const stores: RedisCcrStore[] = [];

describe.skipIf(!redisUp)(
  'RedisCcrStore on the real Redis at 127.0.0.1:6379 (skipped: nothing answers there; start redis-server)',
  () => {
    describeStoreContract({
      name: 'RedisCcrStore',
      make(options) {
        const store = new RedisCcrStore({ ...relaxed, url: 'redis://127.0.0.1:6379', ...options });
        stores.push(store);
        return store;
      },
      dispose: async () => {
        await Promise.all(stores.map((store) => store.close()));
      },
    });

    it('stores by default the original of a 16 MB tool output core compresses, and gives it back whole', async () => {
      const store = new RedisCcrStore({
        ...relaxed,
        url: 'redis://127.0.0.1:6379',
        namespace: uniqueNamespace('16mb'),
        ttlSeconds: 120,
      });
      stores.push(store);
      expect(store.maxOriginalBytes).toBe(REDIS_MAX_ORIGINAL_BYTES);
      const output = largeOriginal(16);
      expect(utf8Length(output)).toBeGreaterThan(16 * 1024 * 1024);
      const headroom = createHeadroom({ store, stats: createStats(), ...patient });
      const messages = logConversation(1);
      messages[2] = { role: 'tool', tool_call_id: 'call_svc_1', content: output };
      const result = await headroom.compress(messages);
      expect(result.ccrKeys).toHaveLength(1);
      const sent = result.messages[2]!.content as string;
      expect(sent.length).toBeLessThan(output.length / 10);
      const back = await store.get(result.ccrKeys[0]!);
      expect(back!.original.length).toBe(output.length);
      expect(back!.original === output).toBe(true);
    }, 120_000);
  },
);
