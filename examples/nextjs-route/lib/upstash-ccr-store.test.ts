import { Redis } from '@upstash/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstash } from './test-utils/fake-upstash';
import { upstashCcrStore } from './upstash-ccr-store';

let upstash: Awaited<ReturnType<typeof startFakeUpstash>>;
beforeAll(async () => (upstash = await startFakeUpstash()));
afterAll(() => upstash.close());

describe('upstashCcrStore', () => {
  it('stores entries as JSON under namespaced keys with a time to live, and reads them back', async () => {
    const store = upstashCcrStore({ redis: new Redis({ url: upstash.url, token: 'test' }), namespace: 'tests', ttlSeconds: 600 });
    const entry = { original: 'line 1\nline 2 "quoted" ✓', meta: { kind: 'log' as const, count: 2 }, createdAt: 1_700_000_000_000 };
    await store.put('0123456789abcdef01234567', entry);
    await store.put('89abcdef0123456789abcdef', entry, { ttlSeconds: 5 });

    expect(upstash.data.get('headroom:tests:0123456789abcdef01234567')).toEqual({ value: JSON.stringify(entry), ex: 600 });
    expect(upstash.data.get('headroom:tests:89abcdef0123456789abcdef')?.ex).toBe(5);
    expect(await store.get('0123456789abcdef01234567')).toEqual(entry);
    expect(await store.has('0123456789abcdef01234567')).toBe(true);
    await store.delete!('0123456789abcdef01234567');
    expect(await store.get('0123456789abcdef01234567')).toBeUndefined();
    expect(await store.has('0123456789abcdef01234567')).toBe(false);
  });
});
