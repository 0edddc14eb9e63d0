import { describe } from 'vitest';
import { RedisCcrStore } from './redis-ccr-store.js';
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
        const store = new RedisCcrStore({ url: 'redis://127.0.0.1:6379', ...options });
        stores.push(store);
        return store;
      },
      dispose: async () => {
        await Promise.all(stores.map((store) => store.close()));
      },
    });
  },
);
