import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.js';
import { captureIo } from '../test-utils/capture-io.js';
import { benchEvalsUrl } from './evals.js';
import { headroomCli } from './index.js';

const hasData = existsSync(fileURLToPath(new URL('../../../../../../shared/data/logs', import.meta.url)));
const hasBench = existsSync(benchEvalsUrl);

async function cli(...argv: string[]) {
  const { io, out } = captureIo();
  return { code: await runCli(headroomCli, ['evals', ...argv], io), ...out };
}

describe.skipIf(!hasBench)('headroom evals (skipped: bench not built, run pnpm build)', () => {
  it('refuses an unknown workload with exit 2', async () => {
    const out = await cli('--workload', 'nope');
    expect(out.code).toBe(hasData ? 2 : 1);
  });

  it.skipIf(!hasData)('runs a workload offline and prints JSON with no lost probe (skipped without shared/data)', { timeout: 300_000 }, async () => {
    const out = await cli('--workload', 'code-search', '--json');
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout) as { workloads: { id: string }[]; probes: { lost: number } };
    expect(report.workloads.map((w) => w.id)).toEqual(['code-search']);
    expect(report.probes.lost).toBe(0);
    expect(out.stderr).toBe('evals: code-search\n');
  });
});
