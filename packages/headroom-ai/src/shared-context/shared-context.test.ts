import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { MemoryCcrStore } from '@headroom/core/internal';
import { describe, expect, it } from 'vitest';
import { createSharedContext } from './shared-context.js';

const searchResults = await readFile(
  fileURLToPath(new URL('../../../../examples/tool-outputs/code-search.json', import.meta.url)),
  'utf8',
);

describe('SharedContext in one process', () => {
  it('compresses once: get gives the compressed form, get({ full }) the original byte for byte', async () => {
    const ctx = createSharedContext();
    const entry = await ctx.put('search', searchResults, { agent: 'researcher' });
    expect(entry).toMatchObject({
      key: 'search',
      agent: 'researcher',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(entry.tokensAfter).toBeLessThan(entry.tokensBefore * 0.85);
    const compressed = (await ctx.get('search'))!;
    expect(compressed.length).toBeLessThan(searchResults.length);
    expect(compressed).toMatch(/<<ccr:[0-9a-f]{24}/);
    expect(await ctx.get('search', { full: true })).toBe(searchResults);
    expect(await ctx.getEntry('search')).toEqual(entry);
    expect(await ctx.get('missing')).toBeUndefined();
  });

  it('dedupes by content hash: the same content under a second key adds no store key', async () => {
    const store = new MemoryCcrStore();
    const ctx = createSharedContext({ store });
    await ctx.put('a', searchResults, { agent: 'one' });
    const keysAfterFirst = store.size;
    await ctx.put('b', searchResults, { agent: 'two' });
    expect(store.size).toBe(keysAfterFirst);
    await ctx.put('c', 'a different, short note');
    expect(store.size).toBe(keysAfterFirst + 1);
    expect(await ctx.keys()).toEqual(['a', 'b', 'c']);
    expect(await ctx.stats()).toMatchObject({ entries: 3, uniqueContents: 2 });
    expect(await ctx.get('b', { full: true })).toBe(searchResults);
  });

  it('serialises non-string values as JSON', async () => {
    const ctx = createSharedContext();
    await ctx.put('plan', { steps: ['read', 'fix'], done: false });
    expect(await ctx.get('plan', { full: true })).toBe('{"steps":["read","fix"],"done":false}');
  });

  it('forgets entries after their TTL', async () => {
    let now = 1_000_000;
    const ctx = createSharedContext({ ttlSeconds: 60, now: () => now });
    await ctx.put('old', 'first note');
    now += 30_000;
    await ctx.put('new', 'second note');
    now += 31_000;
    expect(await ctx.keys()).toEqual(['new']);
    expect(await ctx.get('old')).toBeUndefined();
    expect(await ctx.get('new', { full: true })).toBe('second note');
  });

  it('keeps at most maxEntries keys, dropping the oldest and its content when no key uses it', async () => {
    let now = 1_000_000;
    const store = new MemoryCcrStore();
    const ctx = createSharedContext({ store, maxEntries: 2, now: () => (now += 1000) });
    await ctx.put('one', 'note one');
    await ctx.put('two', 'note two');
    const size = store.size;
    await ctx.put('three', 'note three');
    expect(await ctx.keys()).toEqual(['three', 'two']);
    expect(store.size).toBe(size);
    await ctx.delete('two');
    expect(await ctx.keys()).toEqual(['three']);
    expect(store.size).toBe(size - 1);
  });

  it('sums tokens over the live entries', async () => {
    const ctx = createSharedContext();
    const a = await ctx.put('a', searchResults);
    const stats = await ctx.stats();
    expect(stats).toEqual({
      entries: 1,
      uniqueContents: 1,
      tokensBefore: a.tokensBefore,
      tokensAfter: a.tokensAfter,
      tokensSaved: a.tokensBefore - a.tokensAfter,
      savingsPercent:
        Math.round((10_000 * (a.tokensBefore - a.tokensAfter)) / a.tokensBefore) / 100,
    });
  });
});
