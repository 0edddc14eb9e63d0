import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HeadroomError } from '../errors/headroom-error.js';
import type { CcrEntry } from '../ccr/store.js';
import { FileCcrStore } from './file-ccr-store.js';

const entry = (original: string): CcrEntry => ({ original, meta: { kind: 'log' }, createdAt: 1 });
const tempDir = () => mkdtemp(join(tmpdir(), 'headroom-file-store-'));

describe('FileCcrStore', () => {
  it('gives back exactly what was put, from a second instance on the same directory', async () => {
    const dir = await tempDir();
    const original = 'line 1\r\nüñí 😀 \u0000 tail\n'.repeat(50);
    await new FileCcrStore({ dir }).put('k1', entry(original));
    const reader = new FileCcrStore({ dir });
    expect(await reader.get('k1')).toEqual(entry(original));
    expect(await reader.has('k1')).toBe(true);
    expect(await reader.get('k2')).toBeUndefined();
  });

  it('keeps namespaces apart and names files by hash, so keys cannot reach outside the directory', async () => {
    const dir = await tempDir();
    const a = new FileCcrStore({ dir, namespace: 'tenant-a' });
    const b = new FileCcrStore({ dir, namespace: 'tenant-b' });
    await a.put('../../etc/passwd', entry('secret of a'));
    expect(await b.get('../../etc/passwd')).toBeUndefined();
    expect(await a.get('../../etc/passwd')).toEqual(entry('secret of a'));
    expect(await readdir(dir)).toEqual([expect.stringMatching(/^[0-9a-f]{40}\.json$/)]);
    expect(await b.keys()).toEqual([]);
    expect(await a.keys()).toEqual(['../../etc/passwd']);
  });

  it('expires entries after their TTL and deletes their files', async () => {
    const dir = await tempDir();
    let now = 1_000_000;
    const store = new FileCcrStore({ dir, ttlSeconds: 60, now: () => now });
    await store.put('short', entry('a'), { ttlSeconds: 10 });
    await store.put('long', entry('b'));
    now += 11_000;
    expect(await store.get('short')).toBeUndefined();
    expect(await store.get('long')).toEqual(entry('b'));
    expect(await store.keys()).toEqual(['long']);
    expect(await readdir(dir)).toHaveLength(1);
  });

  it('sweeps expired files on the next put without reading them', async () => {
    const dir = await tempDir();
    let now = 1_000_000;
    const store = new FileCcrStore({ dir, ttlSeconds: 10, now: () => now });
    await store.put('old', entry('a'));
    now += 20_000;
    await store.put('new', entry('b'));
    expect(await readdir(dir)).toHaveLength(1);
    expect(await store.keys()).toEqual(['new']);
  });

  it('evicts the entries closest to expiry when over its entry or byte cap', async () => {
    const dir = await tempDir();
    let now = 1_000_000;
    const store = new FileCcrStore({ dir, maxEntries: 2, now: () => now });
    for (const key of ['a', 'b', 'c']) {
      await store.put(key, entry(key));
      now += 1000;
    }
    expect(await store.keys()).toEqual(['b', 'c']);

    const small = new FileCcrStore({ dir: await tempDir(), maxBytes: 600, now: () => now });
    await small.put('x', entry('x'.repeat(200)));
    now += 1000;
    await small.put('y', entry('y'.repeat(200)));
    expect(await small.keys()).toEqual(['y']);
  });

  it('never evicts what the current call pinned: refuses the write instead (store_full), keeping the pinned entries', async () => {
    let now = 1_000_000;
    const store = new FileCcrStore({
      dir: await tempDir(),
      maxEntries: 2,
      now: () => (now += 1000),
    });
    await store.put('a', entry('a'));
    await store.put('b', entry('b'));
    const error = await store
      .put('c', entry('c'), { pinned: new Set(['a', 'b', 'c']) })
      .catch((e: unknown) => e);
    expect(HeadroomError.isInstance(error) && error.code).toBe('store_full');
    expect(await store.keys()).toEqual(['a', 'b']);
    await store.put('d', entry('d'), { pinned: new Set(['b', 'd']) });
    expect(await store.keys()).toEqual(['b', 'd']);
  });

  it('refuses an entry larger than the whole cap with a typed error, leaving nothing behind', async () => {
    const dir = await tempDir();
    const store = new FileCcrStore({ dir, maxBytes: 100 });
    const error = await store.put('big', entry('z'.repeat(500))).catch((e: unknown) => e);
    expect(HeadroomError.isInstance(error) && error.code).toBe('store_error');
    expect(await readdir(dir).catch(() => [])).toEqual([]);
  });

  it('treats a damaged file as missing', async () => {
    const dir = await tempDir();
    const store = new FileCcrStore({ dir });
    await store.put('k', entry('fine'));
    const [file] = await readdir(dir);
    await writeFile(join(dir, file!), '{"key":"k","entr');
    expect(await store.get('k')).toBeUndefined();
    expect(await store.keys()).toEqual([]);
  });

  it('survives many concurrent writers of one key: every read is one whole entry', async () => {
    const dir = await tempDir();
    const writers = Array.from({ length: 8 }, () => new FileCcrStore({ dir }));
    const originals = writers.map((_, i) => String(i).repeat(20_000));
    const reads: Promise<CcrEntry | undefined>[] = [];
    await Promise.all(
      writers.map(async (store, i) => {
        await store.put('same', entry(originals[i]!));
        reads.push(store.get('same'));
      }),
    );
    for (const read of await Promise.all(reads)) expect(originals).toContain(read!.original);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const file = (await readdir(dir))[0]!;
    expect(originals).toContain(JSON.parse(await readFile(join(dir, file), 'utf8')).entry.original);
  });

  it('deletes an entry', async () => {
    const store = new FileCcrStore({ dir: await tempDir() });
    await store.put('k', entry('v'));
    await store.delete('k');
    expect(await store.has('k')).toBe(false);
  });
});
