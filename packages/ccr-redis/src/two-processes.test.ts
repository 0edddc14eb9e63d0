import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { RedisCcrStore } from './redis-ccr-store.js';
import { uniqueNamespace, relaxed } from './test-utils/fixtures.js';

const run = promisify(execFile);
/** The run's loopback Upstash REST server in front of the shared Redis; null when no Redis answers. */
const rest = inject('upstashRest');
const COUNT = 150;
// The child processes load the TypeScript sources with the Vite that vitest runs on.
const vitest = realpathSync(
  fileURLToPath(new URL('../../../node_modules/vitest', import.meta.url)),
);
const vite = join(dirname(vitest), 'vite', 'dist', 'node', 'index.js');
const child = fileURLToPath(new URL('./test-utils/concurrent-client.mjs', import.meta.url));

async function twoProcesses(kind: string, namespace: string, url: string, token = '') {
  const start = (role: string, peer: string) =>
    run(process.execPath, [child, vite, kind, namespace, role, peer, String(COUNT), url, token], {
      timeout: 150_000,
    });
  const outputs = await Promise.all([start('a', 'b'), start('b', 'a')]);
  return outputs.map(
    ({ stdout }) =>
      JSON.parse(stdout) as { role: string; wrote: number; seen: number; mismatches: number },
  );
}

// Two Node processes starting up and loading TypeScript: slow on a loaded machine, so a long timeout.
describe.skipIf(!rest)(
  'two processes writing and reading one namespace at once, on the real Redis at 127.0.0.1:6379 (skipped: nothing answers there)',
  () => {
    it('RedisCcrStore: each process reads every entry the other wrote, byte for byte', {
      timeout: 180_000,
    }, async () => {
      const namespace = uniqueNamespace('procs');
      const results = await twoProcesses('RedisCcrStore', namespace, 'redis://127.0.0.1:6379');
      expect(results).toEqual([
        { role: 'a', wrote: COUNT, seen: COUNT, mismatches: 0 },
        { role: 'b', wrote: COUNT, seen: COUNT, mismatches: 0 },
      ]);
      const store = new RedisCcrStore({ ...relaxed, url: 'redis://127.0.0.1:6379', namespace });
      expect((await store.get(`aaaa${'0'.repeat(18)}42`))?.original).toMatch(/^a:42:/);
      await store.close();
    });

    it('UpstashCcrStore: the same over REST', { timeout: 180_000 }, async () => {
      const results = await twoProcesses(
        'UpstashCcrStore',
        uniqueNamespace('procs-rest'),
        rest!.url,
        rest!.token,
      );
      expect(results).toEqual([
        { role: 'a', wrote: COUNT, seen: COUNT, mismatches: 0 },
        { role: 'b', wrote: COUNT, seen: COUNT, mismatches: 0 },
      ]);
    });
  },
);
