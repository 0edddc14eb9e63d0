import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLedgerRecord } from './ledger-record.js';
import { recordCompression } from './record-compression.js';

describe('recordCompression', () => {
  it("appends one line with the handed-over text's counts and the result's transforms and keys", async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'headroom-ledger-')), 'ledger.jsonl');
    const transform = {
      messageIndex: 1,
      kind: 'log',
      strategy: 'log:dedupe',
      tokensBefore: 900,
      tokensAfter: 90,
      ccrKeys: ['k1'],
    } as const;
    const done = await recordCompression(
      {
        tokensBefore: 1000,
        tokensAfter: 120,
        result: { transforms: [transform], ccrKeys: ['k1'] },
      },
      { source: 'mcp', model: 'gpt-4o', ms: 12.34, path },
    );
    expect(done).toEqual({ ok: true });
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(parseLedgerRecord(JSON.parse(lines[0]!))).toMatchObject({
      source: 'mcp',
      model: 'gpt-4o',
      tokensBefore: 1000,
      tokensAfter: 120,
      ms: 12.3,
      ccrKeys: 1,
      parts: [{ kind: 'log', strategy: 'log:dedupe', tokensBefore: 900, tokensAfter: 90 }],
    });
  });

  it('returns the failure instead of throwing when the ledger cannot be written', async () => {
    // A file stands where the ledger's folder should be.
    const blocker = join(await mkdtemp(join(tmpdir(), 'headroom-ledger-')), 'blocker');
    await writeFile(blocker, '');
    const done = await recordCompression(
      { tokensBefore: 10, tokensAfter: 10, result: { transforms: [], ccrKeys: [] } },
      { source: 'cli', path: join(blocker, 'ledger.jsonl') },
    );
    expect(done.ok).toBe(false);
  });
});
