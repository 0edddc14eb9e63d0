import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { adversarialCases } from '../adversarial-cases.js';
import { int, ms, table } from '../report.js';
import type { BenchSection } from './section.js';

/** Past this, a case counts as a hang (and fails the run). */
const LIMIT_MS = 60_000;

/** Hostile inputs, each in a fresh process with a time limit: time and outcome now, beside what was measured before the fixes. */
export const adversarialSection: BenchSection = {
  title: 'Adversarial inputs',
  async run(ctx) {
    const script = fileURLToPath(new URL('../adversarial-case.js', import.meta.url));
    const rows: string[][] = [];
    for (const [index, hostile] of adversarialCases.entries()) {
      ctx.log(`  adversarial: ${hostile.name}`);
      const started = performance.now();
      const child = spawnSync(process.execPath, [script, String(index)], {
        encoding: 'utf8',
        timeout: LIMIT_MS,
        maxBuffer: 1 << 20,
      });
      if (child.status !== 0) {
        const why = child.error
          ? `no answer in ${LIMIT_MS / 1000} s`
          : `exit ${child.status}: ${child.stderr.trim().split('\n').at(-1) ?? ''}`;
        ctx.problem(`adversarial input "${hostile.name}": ${why}`);
        rows.push([
          hostile.name,
          '—',
          hostile.before,
          `**${ms(performance.now() - started)}+**`,
          why,
        ]);
        continue;
      }
      const run = JSON.parse(child.stdout) as {
        ms: number;
        chars: number;
        outcome: string;
        tokens: { before: number; after: number };
      };
      const tokens =
        run.tokens.before > 0
          ? `, ${int(run.tokens.before)} → ${int(run.tokens.after)} tokens`
          : '';
      rows.push([
        hostile.name,
        int(run.chars),
        hostile.before,
        ms(run.ms),
        `${run.outcome}${tokens}`,
      ]);
    }
    return [
      'Inputs that made earlier builds hang, crawl or mangle content (issues 15 and 16), each sent once through',
      '`compress()` in a fresh process with a 60 s limit (a case over the limit fails the bench). *Before*: as measured',
      'when the problem was reported. *Now*: the `compress()` call alone, excluding process start and building the input.',
      '',
      table(['Input', 'Characters', 'Before', 'Now', 'Outcome'], rows, ['l', 'r', 'l', 'r', 'l']),
    ].join('\n');
  },
};
