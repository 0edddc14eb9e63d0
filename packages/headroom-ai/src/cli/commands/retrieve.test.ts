import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.js';
import { captureIo } from '../test-utils/capture-io.js';
import { headroomCli } from './index.js';

async function run(argv: string[], stdin?: string) {
  const { io, out } = captureIo({ stdin });
  const code = await runCli(headroomCli, argv, io);
  return { code, ...out };
}

const log = [
  ...Array.from({ length: 200 }, (_, i) => `[INFO] shard ${i % 4} synced ${i * 3} rows`),
  '[ERROR] shard 2 lost its lease: disk quota exceeded',
  ...Array.from({ length: 100 }, (_, i) => `[INFO] shard ${i % 4} synced ${i * 7} rows`),
].join('\n');

describe('headroom retrieve', () => {
  it('prints what compress stored, whole, or only the parts matching --query', async () => {
    const compressed = await run(['compress'], log);
    const key = /stored: ([0-9a-f]{24})/.exec(compressed.stderr)?.[1];
    expect(key).toBeDefined();
    expect(compressed.stdout).toContain(`<<ccr:${key}`);

    expect(await run(['retrieve', key!])).toEqual({ code: 0, stdout: `${log}\n`, stderr: '' });
    const json = JSON.parse((await run(['retrieve', key!, '--json'])).stdout);
    expect(json).toMatchObject({ key, content: log, meta: { kind: 'log' } });

    const query = await run([
      'retrieve',
      `<<ccr:${key} 290 lines omitted>>`,
      '--query',
      'lease quota',
    ]);
    expect(query.code).toBe(0);
    expect(query.stdout).toBe('[ERROR] shard 2 lost its lease: disk quota exceeded\n');
    expect(query.stderr).toMatch(/^1 of \d+ parts match "lease quota"\n$/);
  });

  it('pages the matches: stderr says how many matched and the --offset of the next page', async () => {
    const compressed = await run(['compress'], log);
    const key = /stored: ([0-9a-f]{24})/.exec(compressed.stderr)?.[1];
    const first = await run(['retrieve', key!, '--query', 'shard synced rows']);
    expect(first.stderr).toBe(
      '300 of 301 parts match "shard synced rows"; matches 1–50 follow (next: --offset 50)\n',
    );
    const pages = [first.stdout];
    let next: string | undefined = '50';
    while (next) {
      const page = await run(['retrieve', key!, '--query', 'shard synced rows', '--offset', next]);
      expect(page.code).toBe(0);
      pages.push(page.stdout);
      next = /--offset (\d+)\)/.exec(page.stderr)?.[1];
    }
    expect(pages).toHaveLength(6);
    const lines = pages.flatMap((page) => page.trimEnd().split('\n'));
    expect(lines.sort()).toEqual(
      log
        .split('\n')
        .filter((line) => line.includes('synced'))
        .sort(),
    );
    expect(await run(['retrieve', key!, '--query', 'shard', '--offset', '-1'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--offset must be a whole number of at least 0, not "-1"'),
    });
    expect(await run(['retrieve', key!, '--query', 'shard', '--offset', '301'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('offset 301 is past the last of the 301 matches'),
    });
  });

  it('fails with exit 1 for a key it does not have, and exit 2 for something that is not a key', async () => {
    expect(await run(['retrieve', 'abcdefabcdefabcdefabcdef'])).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'headroom: no stored original for abcdefabcdefabcdefabcdef (never stored here, or expired)\n',
    });
    expect(await run(['retrieve', '../../etc/passwd'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is not a key'),
    });
    expect(await run(['retrieve'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^headroom retrieve: missing key/),
    });
    expect(await run(['retrieve', 'a1b2c3d4', 'extra'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unexpected argument "extra"'),
    });
  });
});
