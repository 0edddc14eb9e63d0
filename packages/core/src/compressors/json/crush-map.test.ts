import { describe, expect, it } from 'vitest';
import { MARKER_PATTERN } from '../../ccr/marker.js';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { retrieve } from '../../test-utils/retrieve.js';
import { installedLockfile, type LockedPackage } from './__fixtures__/records.node.js';
import { smartCrusher } from './smart-crusher.js';

async function crush(value: unknown, query = '') {
  const { ctx, stashed, store } = await createTestContext({ query });
  const text = JSON.stringify(value, null, 2);
  const output = await smartCrusher.compress(text, ctx);
  return { ...output, text: output.text, input: text, stashed, store };
}

const markerKey = (marker: string): string => [...marker.matchAll(MARKER_PATTERN)][0]![1]!;

describe('SmartCrusher on maps of records', () => {
  const lock = installedLockfile();
  const names = Object.keys(lock.packages);

  it('crushes a lockfile map, keeps the entry the query names, and stashes the original', async () => {
    expect(names.length).toBeGreaterThan(100);
    const unprompted = await crush(lock);
    const dropped = names.filter(
      (name) => !(name in JSON.parse(unprompted.text).packages) && !name.includes('@types'),
    );
    const wanted = dropped[Math.floor(dropped.length / 2)]!;
    const asked = wanted.slice('node_modules/'.length);

    const { text, strategy, stashed, input } = await crush(lock, `Which version of ${asked}?`);
    expect(strategy).toBe('smart_crush:crush');
    expect(text.length).toBeLessThan(input.length / 5);
    const out = JSON.parse(text) as { packages: Record<string, LockedPackage | string> };
    expect(out.packages[wanted]).toEqual(lock.packages[wanted]);
    const keys = Object.keys(out.packages);
    expect(keys.at(-1)).toBe('_headroom');
    const kept = keys.slice(0, -1);
    expect(kept).toEqual(names.filter((name) => kept.includes(name)));
    for (const name of kept) expect(out.packages[name]).toEqual(lock.packages[name]);

    const marker = out.packages._headroom as string;
    expect(marker).toBe(
      `<<ccr:${markerKey(marker)} ${names.length - kept.length} items omitted; call headroom_retrieve>>`,
    );
    const stash = stashed.get(markerKey(marker))!;
    expect(JSON.parse(stash.original)).toEqual(lock.packages);
    expect(stash.meta).toEqual({ kind: 'json', count: names.length });
  });

  it('gives a dropped entry back to a query', async () => {
    const { text, store } = await crush(lock);
    const out = JSON.parse(text) as { packages: Record<string, unknown> };
    const dropped = names.filter((name) => !(name in out.packages));
    const wanted = dropped.find((name) => name.endsWith('/zod')) ?? dropped[0]!;
    const found = await retrieve(store, markerKey(out.packages._headroom as string), {
      query: wanted,
    });
    expect(found.total).toBe(names.length);
    const entries = found.content.split('\n').map((line) => JSON.parse(line) as object);
    expect(entries).toContainEqual({ [wanted]: lock.packages[wanted] });
  });

  it('is deterministic', async () => {
    const first = await crush(lock, 'zod');
    const second = await crush(lock, 'zod');
    expect(second.text).toBe(first.text);
  });

  it('leaves a map of distinct records with nothing unusual whole', async () => {
    const people = Object.fromEntries(
      [
        ['ada', 'Ada Lovelace', 'wrote the first published program for the Analytical Engine'],
        ['alan', 'Alan Turing', 'defined computability with a machine of tape and states'],
        ['grace', 'Grace Hopper', 'built the first compiler and championed readable languages'],
        ['edsger', 'Edsger Dijkstra', 'found shortest paths and argued against goto statements'],
        ['barbara', 'Barbara Liskov', 'gave subtyping its substitution principle'],
        ['donald', 'Donald Knuth', 'analysed algorithms at length and typeset them with TeX'],
        ['margaret', 'Margaret Hamilton', 'led the onboard flight software of Apollo'],
        ['ken', 'Ken Thompson', 'co-created Unix, the B language and later Go'],
        ['john', 'John McCarthy', 'coined artificial intelligence and invented Lisp'],
        ['frances', 'Frances Allen', 'pioneered optimising compilers and parallel analysis'],
        ['tony', 'Tony Hoare', 'devised quicksort and a logic for program correctness'],
        ['leslie', 'Leslie Lamport', 'explained clocks in distributed systems and wrote LaTeX'],
      ].map(([login, name, known]) => [login, { name, known_for: known }]),
    );
    const { text, stashed } = await crush(people);
    expect(stashed.size).toBe(0);
    expect(JSON.parse(text)).toEqual(people);
  });

  it('leaves a map of up to 8 records whole, however alike', async () => {
    const few = Object.fromEntries(names.slice(0, 8).map((name) => [name, lock.packages[name]]));
    const { text, stashed } = await crush({ packages: few });
    expect(stashed.size).toBe(0);
    expect(JSON.parse(text)).toEqual({ packages: few });
  });

  it('leaves maps with duplicate keys or a _headroom key alone', async () => {
    const entries = names.slice(0, 40).map((name) => `${JSON.stringify(name)}:{"version":"1.0.0"}`);
    const { ctx, stashed } = await createTestContext();
    const duplicate = `{${entries.join(',')},${entries[3]}}`;
    expect((await smartCrusher.compress(duplicate, ctx)).text).toBe(duplicate);
    const marked = `{${entries.join(',')},"_headroom":{"note":"kept"}}`;
    expect((await smartCrusher.compress(marked, ctx)).text).toBe(marked);
    expect(stashed.size).toBe(0);
  });

  it('walks into a map of big subtrees and crushes the maps inside', async () => {
    expect(names.length).toBeGreaterThan(300);
    const workspaces = Object.fromEntries(
      Array.from({ length: 10 }, (_, w) => [
        `packages/app-${w}`,
        {
          version: `1.${w}.0`,
          dependencies: Object.fromEntries(
            names.slice(w * 20, w * 20 + 100).map((name) => [name, lock.packages[name]]),
          ),
        },
      ]),
    );
    const { text, stashed } = await crush(workspaces);
    const out = JSON.parse(text) as Record<string, { version: string; dependencies: object }>;
    expect(Object.keys(out)).toEqual(Object.keys(workspaces));
    for (const [name, workspace] of Object.entries(out)) {
      expect(workspace.version).toBe(workspaces[name]!.version);
      const marker = (workspace.dependencies as { _headroom: string })._headroom;
      expect(JSON.parse(stashed.get(markerKey(marker))!.original)).toEqual(
        workspaces[name]!.dependencies,
      );
    }
  });

  it('keeps the big subtrees beside records and crushes the records', async () => {
    const entries = (from: number, to: number) =>
      Object.fromEntries(names.slice(from, to).map((name) => [name, lock.packages[name]]));
    const records = entries(0, 40);
    const big = { ...records, 'node_modules/.tree': { dependencies: entries(40, 140) } };
    const { text, stashed } = await crush(big);
    const out = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(out).slice(-2)).toEqual(['node_modules/.tree', '_headroom']);
    const stash = stashed.get(markerKey(out._headroom as string))!;
    expect(JSON.parse(stash.original)).toEqual(records);
    expect(stash.meta).toEqual({ kind: 'json', count: 40 });
    const inner = (out['node_modules/.tree'] as { dependencies: Record<string, unknown> })
      .dependencies;
    expect(inner._headroom).toMatch(MARKER_PATTERN);
  });
});
