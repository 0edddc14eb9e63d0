import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { FileCcrStore } from '@headroom/core/node';
import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const example = fileURLToPath(
  new URL('../../../../examples/tool-outputs/code-search.json', import.meta.url),
);
/** The built package, as another program would import it (the test task builds first). */
const entry = new URL('../../dist/index.js', import.meta.url).href;
const REDIS_URL = 'redis://127.0.0.1:6379';

/** Runs an ES module in a fresh Node process with a shared context over the store `storeCode` builds. */
async function agent(storeImport: string, storeCode: string, body: string): Promise<string> {
  const script = `
    import { createSharedContext } from ${JSON.stringify(entry)};
    import { readFile } from 'node:fs/promises';
    ${storeImport}
    const store = ${storeCode};
    const ctx = createSharedContext({ store });
    ${body}
    await store.close?.();
  `;
  return (
    await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: import.meta.dirname,
      timeout: 120_000,
    })
  ).stdout;
}

const write = (key: string, who: string) =>
  `await ctx.put(${JSON.stringify(key)}, await readFile(${JSON.stringify(example)}, 'utf8'), { agent: '${who}' });`;
const readAll = `console.log(JSON.stringify({ keys: await ctx.keys(), entry: await ctx.getEntry('search'), compressed: await ctx.get('search'), full: await ctx.get('search-again', { full: true }), stats: await ctx.stats() }));`;
type Read = {
  keys: string[];
  entry: { agent: string };
  compressed: string;
  full: string;
  stats: { entries: number; uniqueContents: number };
};

/** Writer process, a duplicate from a second writer (must add no store key), then a reader process. */
async function shareAcrossProcesses(
  storeImport: string,
  storeCode: string,
  countKeys: () => Promise<number>,
) {
  const original = await readFile(example, 'utf8');
  await agent(storeImport, storeCode, write('search', 'researcher'));
  const afterFirst = await countKeys();
  await agent(storeImport, storeCode, write('search-again', 'reviewer'));
  expect(await countKeys()).toBe(afterFirst);
  const read = JSON.parse(await agent(storeImport, storeCode, readAll)) as Read;
  expect(read.keys).toEqual(['search', 'search-again']);
  expect(read.entry.agent).toBe('researcher');
  expect(read.compressed.length).toBeLessThan(original.length);
  expect(read.full).toBe(original);
  expect(read.stats).toMatchObject({ entries: 2, uniqueContents: 1 });
  return afterFirst;
}

const redis = createClient({
  url: REDIS_URL,
  socket: { connectTimeout: 1000, reconnectStrategy: false },
});
redis.on('error', () => {});
const redisUp = await redis.connect().then(
  () => true,
  () => false,
);

describe('SharedContext across processes', () => {
  it('over the file store: one process writes, another reads; the duplicate adds no store key', {
    timeout: 240_000,
  }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'headroom-shared-'));
    const keys = await shareAcrossProcesses(
      `import { FileCcrStore } from '@headroom/core/node';`,
      `new FileCcrStore({ dir: ${JSON.stringify(dir)}, namespace: 'team' })`,
      async () => (await new FileCcrStore({ dir, namespace: 'team' }).keys()).length,
    );
    expect(keys).toBeGreaterThanOrEqual(2);
  });

  it.skipIf(!redisUp)(
    'over the real Redis at 127.0.0.1:6379 (skipped: nothing answers there)',
    { timeout: 240_000 },
    async () => {
      const namespace = `shared-context-test-${randomBytes(4).toString('hex')}`;
      try {
        const keys = await shareAcrossProcesses(
          `import { RedisCcrStore } from '@headroom/ccr-redis';`,
          // Not a test of the deadline: each fresh process's first call imports node-redis and
          // connects, which a loaded machine can make slower than the 2 s default.
          `new RedisCcrStore({ url: '${REDIS_URL}', namespace: '${namespace}', timeoutMs: 30000 })`,
          async () => (await redis.keys(`headroom:${namespace}:*`)).length,
        );
        // The content, the index, and the originals the compressor's markers point to.
        expect(keys).toBeGreaterThanOrEqual(3);
      } finally {
        const keys = await redis.keys(`headroom:${namespace}:*`);
        if (keys.length > 0) await redis.del(keys);
        await redis.close();
      }
    },
  );
});
