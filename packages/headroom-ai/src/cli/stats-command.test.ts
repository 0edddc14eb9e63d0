import { appendFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompressResult } from '@headroom/core';
import { describe, expect, it } from 'vitest';
import { ledgerPath, type LedgerSummary } from '../stats-ledger/index.js';
import { runCompress } from './compress-command.js';
import { runStats } from './stats-command.js';

describe('headroom stats', () => {
  it('reports what headroom compress recorded, as JSON a program can parse', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'headroom-stats-'));
    const file = join(dir, 'build.log');
    const lines = Array.from({ length: 400 }, (_, i) => `2026-11-30T10:${String(i % 60).padStart(2, '0')}:00Z INFO worker-${i % 7} processed batch ${i} in ${i * 3} ms`);
    lines.splice(250, 0, '2026-11-30T10:10:10Z ERROR worker-3 failed: connection reset by peer (db-primary:5432)');
    await appendFile(file, lines.join('\n'));
    const before = JSON.parse((await runStats({ json: true })).stdout) as LedgerSummary;

    const compressed = JSON.parse((await runCompress({ source: file, json: true })).stdout) as CompressResult<unknown>;
    expect(compressed.compressed).toBe(true);
    const { tokensBefore, tokensAfter } = compressed;

    const after = JSON.parse((await runStats({ json: true, since: '1h' })).stdout) as LedgerSummary;
    expect(after.compressions).toBe(before.compressions + 1);
    expect(after.tokensBefore - before.tokensBefore).toBe(tokensBefore);
    expect(after.tokensAfter - before.tokensAfter).toBe(tokensAfter);
    expect(after.byKind.map((r) => r.name)).toEqual([...new Set(compressed.transforms.map((t) => t.kind))]);
    expect(after.byModel.map((r) => r.name)).toContain('gpt-4o');
    expect(after.bySource.map((r) => r.name)).toEqual(['cli']);
    expect(after.estimatedCostSavedUsd).toBeGreaterThan(0);
  });

  it('warns about a damaged line and still reports the rest', async () => {
    await runCompress({ source: join(import.meta.dirname, '../../../../examples/tool-outputs/code-search.json') });
    await appendFile(ledgerPath(), '{"broken\n');
    const out = await runStats();
    expect(out.stdout).toMatch(/^Headroom stats, all time: \d+ compressions\n/);
    expect(out.stderr).toMatch(/^warning: .*stats\.jsonl:\d+: skipped a line that is not a stats record$/);
  });
});
