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
