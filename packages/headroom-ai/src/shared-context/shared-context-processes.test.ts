import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { FileCcrStore } from '@headroom/core/node';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const example = fileURLToPath(new URL('../../../../examples/tool-outputs/code-search.json', import.meta.url));
/** The built package, as another program would import it (the test task builds first). */
const entry = new URL('../../dist/index.js', import.meta.url).href;

/** Runs an ES module in a fresh Node process with the shared context over a file store in `dir`. */
async function agent(dir: string, body: string): Promise<string> {
  const script = `
    import { createSharedContext } from ${JSON.stringify(entry)};
    import { FileCcrStore } from '@headroom/core/node';
    const ctx = createSharedContext({ store: new FileCcrStore({ dir: ${JSON.stringify(dir)}, namespace: 'team' }) });
    ${body}
  `;
  return (await run(process.execPath, ['--input-type=module', '-e', script], { cwd: import.meta.dirname })).stdout;
}

describe('SharedContext across processes, over the file store', () => {
  it('one process writes, another reads the compressed and the full content; the duplicate adds no store key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'headroom-shared-'));
    const original = await readFile(example, 'utf8');
    await agent(dir, `await ctx.put('search', await (await import('node:fs/promises')).readFile(${JSON.stringify(example)}, 'utf8'), { agent: 'researcher' });`);
    const storeKeys = (await new FileCcrStore({ dir, namespace: 'team' }).keys()).length;
    await agent(dir, `await ctx.put('search-again', await (await import('node:fs/promises')).readFile(${JSON.stringify(example)}, 'utf8'), { agent: 'reviewer' });`);
    expect((await new FileCcrStore({ dir, namespace: 'team' }).keys()).length).toBe(storeKeys);

    const read = JSON.parse(
      await agent(dir, `console.log(JSON.stringify({ keys: await ctx.keys(), entry: await ctx.getEntry('search'), compressed: await ctx.get('search'), full: await ctx.get('search-again', { full: true }), stats: await ctx.stats() }));`),
    ) as { keys: string[]; entry: { agent: string }; compressed: string; full: string; stats: { entries: number; uniqueContents: number } };
    expect(read.keys).toEqual(['search', 'search-again']);
    expect(read.entry.agent).toBe('researcher');
    expect(read.compressed.length).toBeLessThan(original.length);
    expect(read.full).toBe(original);
    expect(read.stats).toMatchObject({ entries: 2, uniqueContents: 1 });
  });
});
