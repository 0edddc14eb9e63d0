import { describe, expect, it } from 'vitest';
import { MemoryCcrStore } from './memory-store.js';

const entry = (original: string) => ({ original, meta: { kind: 'text' as const }, createdAt: 0 });

describe('MemoryCcrStore', () => {
  it('returns what was put and forgets it after its TTL', async () => {
    let now = 1_000;
    const store = new MemoryCcrStore({ ttlSeconds: 10, now: () => now });
    await store.put('k1', entry('original'));
    expect((await store.get('k1'))?.original).toBe('original');
    now += 9_999;
    expect(await store.has('k1')).toBe(true);
    now += 2;
    expect(await store.get('k1')).toBeUndefined();
  });

  it('evicts the least recently used entry when over its byte cap', async () => {
    const store = new MemoryCcrStore({ maxBytes: 50 });
    await store.put('a', entry('x'.repeat(10)));
    await store.put('b', entry('y'.repeat(10)));
    await store.get('a');
    await store.put('c', entry('z'.repeat(10)));
    expect(await store.has('a')).toBe(true);
    expect(await store.has('b')).toBe(false);
    expect(await store.has('c')).toBe(true);
  });

  it('refuses an original larger than its cap with a typed error', async () => {
    const store = new MemoryCcrStore({ maxBytes: 10 });
    await expect(store.put('big', entry('x'.repeat(100)))).rejects.toMatchObject({ code: 'store_error' });
  });

  it('keeps namespaces apart', async () => {
    const shared = new MemoryCcrStore({ namespace: 'tenant-a' });
    await shared.put('k', entry('secret'));
    expect(await shared.has('k')).toBe(true);
    expect(await new MemoryCcrStore({ namespace: 'tenant-b' }).has('k')).toBe(false);
  });
});
