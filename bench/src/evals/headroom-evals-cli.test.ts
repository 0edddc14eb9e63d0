import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { findDataDir, noDataReason } from '../data-dir.js';
import type { EvalReport } from './run-evals.js';

const run = promisify(execFile);
/** The built `headroom` CLI (the bench depends on headroom-ai, so it is built before these tests run). */
const bin = fileURLToPath(
  new URL('../../../packages/headroom-ai/dist/cli/main.js', import.meta.url),
);
const dataDir = findDataDir();

async function headroom(...argv: string[]) {
  return run(process.execPath, [bin, ...argv], { timeout: 300_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

describe.skipIf(!dataDir)(
  `headroom evals, the CLI loading this bench (${dataDir ? 'shared/data' : noDataReason})`,
  () => {
    it('runs a workload offline and prints JSON with no lost probe', {
      timeout: 300_000,
    }, async () => {
      const out = await headroom('evals', '--workload', 'code-search', '--json');
      expect(out.code).toBe(0);
      const report = JSON.parse(out.stdout) as EvalReport;
      expect(report.workloads.map((w) => w.id)).toEqual(['code-search']);
      expect(report.probes.lost).toBe(0);
      expect(out.stderr).toBe('evals: code-search\n');
    });

    it('refuses an unknown workload with exit 2, naming the known ones', async () => {
      const out = await headroom('evals', '--workload', 'nope');
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(/^headroom evals: unknown workload nope \(known: code-search, /);
    });
  },
);
