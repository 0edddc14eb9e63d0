import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FileCcrStore } from '@headroom/core/node';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** A separate Node process that writes `count` entries, and its own version of one shared key. */
const writer = `
import { FileCcrStore } from '@headroom/core/node';
const [dir, name, count] = process.argv.slice(1);
const store = new FileCcrStore({ dir, namespace: 'agents' });
for (let i = 0; i < Number(count); i++) {
  await store.put(name + '-' + i, { original: name.repeat(1000) + i, meta: { kind: 'text' }, createdAt: Date.now() });
  await store.put('shared', { original: name.repeat(50_000), meta: { kind: 'text' }, createdAt: Date.now() });
}
`;

describe('FileCcrStore across processes', { timeout: 120_000 }, () => {
  it('lets separate processes write concurrently and another read every entry whole', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'headroom-processes-'));
    const names = ['alpha', 'bravo', 'charlie'];
    await Promise.all(
      names.map((name) =>
        run(process.execPath, ['--input-type=module', '-e', writer, dir, name, '20'], {
          cwd: import.meta.dirname,
        }),
      ),
    );
    const reader = new FileCcrStore({ dir, namespace: 'agents' });
    expect(await reader.keys()).toHaveLength(61);
    for (const name of names)
      expect((await reader.get(`${name}-19`))?.original).toBe(`${name.repeat(1000)}19`);
    const shared = (await reader.get('shared'))!.original;
    expect(names.map((name) => name.repeat(50_000))).toContain(shared);
  });
});
