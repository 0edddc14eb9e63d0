import { appendFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ledgerPath, type LedgerSummary } from '../../stats-ledger/index.js';
import { runCli } from '../run-cli.js';
import { captureIo } from '../test-utils/capture-io.js';
import { headroomCli } from './index.js';

const example = fileURLToPath(
  new URL('../../../../../examples/tool-outputs/code-search.json', import.meta.url),
);

async function cli(argv: string[], env?: Record<string, string>) {
  const { io, out } = captureIo(env ? { env } : {});
  const code = await runCli(headroomCli, argv, io);
  return { code, ...out };
}

describe('headroom stats', () => {
  it('reports what headroom compress recorded, as JSON a program can parse', async () => {
    const env = { HEADROOM_HOME: await mkdtemp(join(tmpdir(), 'headroom-stats-')) };
    const empty = await cli(['stats'], env);
    expect(empty).toEqual({
      code: 0,
      stdout: 'No compressions recorded (all time).\n',
      stderr: '',
    });

    const compressed = JSON.parse((await cli(['compress', example, '--json'], env)).stdout) as {
      tokensBefore: number;
      tokensAfter: number;
      transforms: { kind: string }[];
    };
    await cli(['compress', example, '--model', 'claude-sonnet-4-5'], env);
    const summary = JSON.parse(
      (await cli(['stats', '--json', '--since', '1h'], env)).stdout,
    ) as LedgerSummary;
    expect(summary.compressions).toBe(2);
    expect(summary.byModel.map((r) => r.name).sort()).toEqual(['claude-sonnet-4-5', 'gpt-4o']);
    expect(summary.byModel.find((r) => r.name === 'gpt-4o')).toMatchObject({
      compressions: 1,
      tokensBefore: compressed.tokensBefore,
      tokensAfter: compressed.tokensAfter,
    });
    expect(summary.byKind.map((r) => r.name)).toEqual([
      ...new Set(compressed.transforms.map((t) => t.kind)),
    ]);
    expect(summary.bySource.map((r) => [r.name, r.compressions])).toEqual([['cli', 2]]);
    expect(summary.estimatedCostSavedUsd).toBeGreaterThan(0);

    const text = await cli(['stats'], env);
    expect(text.stdout).toMatch(
      /^Headroom stats, all time: 2 compressions\ntokens [\d,]+ → [\d,]+, saved [\d,]+ \(\d+\.\d%, ratio 0\.\d{3}\)\nestimated input cost saved \$\d+\.\d{4} at list prices\n/,
    );
  });

  it('warns about a damaged line on stderr and still reports the rest', async () => {
    const env = { HEADROOM_HOME: await mkdtemp(join(tmpdir(), 'headroom-stats-')) };
    await cli(['compress', example], env);
    await appendFile(ledgerPath(env), '{"broken\n');
    const out = await cli(['stats'], env);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Headroom stats, all time: 1 compressions\n/);
    expect(out.stderr).toBe(
      `warning: ${ledgerPath(env)}:2: skipped a line that is not a stats record\n`,
    );
  });

  it('refuses a --since it cannot read', async () => {
    const env = { HEADROOM_HOME: await mkdtemp(join(tmpdir(), 'headroom-stats-')) };
    const out = await cli(['stats', '--since', 'yesterday'], env);
    expect(out).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^headroom stats: --since takes a span like 7d/),
    });
  });
});
