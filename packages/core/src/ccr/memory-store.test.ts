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
    await expect(store.put('big', entry('x'.repeat(100)))).rejects.toMatchObject({
      code: 'store_full',
    });
  });

  it("never evicts a pinned key (the call's own originals): it refuses the new write instead", async () => {
    const store = new MemoryCcrStore({ maxEntries: 2 });
    await store.put('old', entry('from an earlier call'));
    const pinned = new Set(['a', 'b', 'c']);
    await store.put('a', entry('first'), { pinned });
    await store.put('b', entry('second'), { pinned });
    // Making room evicted only the earlier call's entry; now only pinned keys are left.
    expect(await store.has('old')).toBe(false);
    await expect(store.put('c', entry('third'), { pinned })).rejects.toMatchObject({
      code: 'store_full',
    });
    expect(await store.has('a')).toBe(true);
    expect(await store.has('b')).toBe(true);
    expect(await store.has('c')).toBe(false);
  });

  it('says why a key is missing: expired, evicted or never stored', async () => {
    let now = 0;
    const store = new MemoryCcrStore({ ttlSeconds: 1, maxEntries: 1, now: () => now });
    await store.put('gone-by-ttl', entry('a'));
    now += 1_500;
    expect(await store.get('gone-by-ttl')).toBeUndefined();
    await store.put('first', entry('b'));
    await store.put('second', entry('c'));
    expect(await store.explainMiss('gone-by-ttl')).toBe('expired');
    expect(await store.explainMiss('first')).toBe('evicted');
    expect(await store.explainMiss('never-put')).toBe('never_stored');
    // Expired but not yet touched: asking why finds the expiry.
    now += 1_500;
    expect(await store.explainMiss('second')).toBe('expired');
  });

  it('rejects a time to live of 0, below 0, NaN or Infinity', async () => {
    for (const ttlSeconds of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new MemoryCcrStore({ ttlSeconds })).toThrow(
        /`ttlSeconds`: expected a positive, finite number/,
      );
      await expect(new MemoryCcrStore().put('k', entry('x'), { ttlSeconds })).rejects.toMatchObject(
        { code: 'invalid_option' },
      );
    }
  });

  it('keeps namespaces apart', async () => {
    const shared = new MemoryCcrStore({ namespace: 'tenant-a' });
    await shared.put('k', entry('secret'));
    expect(await shared.has('k')).toBe(true);
    expect(await new MemoryCcrStore({ namespace: 'tenant-b' }).has('k')).toBe(false);
  });
});
