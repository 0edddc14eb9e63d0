import type { ProbeOutcome } from '../probes/classify.js';
import type { ProbeKind } from '../probes/probe.js';
import { workloadRetention } from '../probes/workload-retention.js';
import { int, table } from '../report.js';
import { stepsOf } from '../workloads/workload.js';
import type { BenchSection } from './section.js';

const KINDS: ProbeKind[] = ['number', 'artifact', 'error', 'focus'];

const LOST_LISTED = 100;

function lostReport(lines: readonly string[]): string {
  const more =
    lines.length > LOST_LISTED
      ? [`- … and ${int(lines.length - LOST_LISTED)} more (all of them are printed by the run)`]
      : [];
  return [
    `**${int(lines.length)} lost probes (bugs to fix):**`,
    '',
    ...lines.slice(0, LOST_LISTED),
    ...more,
  ].join('\n');
}

/** Retention probes (DESIGN §14): is every fact of the original still there, or at least retrievable? */
export const retentionSection: BenchSection = {
  title: 'Retention probes',
  async run(ctx) {
    const rows: string[][] = [];
    const lostLines: string[] = [];
    let foundTotal = 0;
    let checkedTotal = 0;
    for (const workload of ctx.workloads) {
      const { result, store } = await ctx.compressed(workload);
      const { outcomes, found, checked } = await workloadRetention(workload, result, store);
      foundTotal += found;
      checkedTotal += checked;
      for (const kind of KINDS) {
        const of = outcomes.filter((o) => o.probe.kind === kind);
        const count = (status: ProbeOutcome['status']): number =>
          of.filter((o) => o.status === status).length;
        rows.push([
          workload.title,
          kind,
          int(of.length),
          int(count('retained')),
          int(count('recoverable')),
          count('lost') ? `**${int(count('lost'))}**` : '0',
        ]);
      }
      for (const lost of outcomes.filter((o) => o.status === 'lost')) {
        const where = `${workload.id} / ${stepsOf(workload)[lost.probe.step]?.name} #${lost.probe.step}`;
        const what = lost.probe.key ? `${lost.probe.key}: ${lost.probe.needle}` : lost.probe.needle;
        lostLines.push(
          `- ${where} (${lost.probe.kind}): \`${what.slice(0, 160).replace(/`/g, "'")}\``,
        );
        ctx.problem(`lost probe in ${where}: ${what.slice(0, 200)}`);
      }
    }
    return [
      'Facts extracted from the original tool outputs, then looked for after compression. **Retained**: still in the',
      'compressed text (ignoring quoting). **Recoverable**: not there, but a `<<ccr:KEY …>>` marker in that tool result',
      'points to a stored original that holds it, and `retrieve(store, KEY, { query: probe })` returns it. **Lost**:',
      'neither — must be 0. Kinds: *number* = a numeric JSON value with its key (only values that occur once in the',
      'output); *artifact* = paths, URLs, hex hashes, ids like `job_1445144423722_0020`, IP:port; *error* = error-worded',
      'strings and lines, and messages of WARN/ERROR records; *focus* = the items the final question is about.',
      `Up to 300 probes per kind and tool result are checked, spread evenly (${int(checkedTotal)} of ${int(foundTotal)} extracted, plus focus probes).`,
      '',
      table(['Workload', 'Probe kind', 'Probes', 'Retained', 'Recoverable', 'Lost'], rows, [
        'l',
        'l',
        'r',
        'r',
        'r',
        'r',
      ]),
      '',
      lostLines.length === 0 ? 'No probe was lost.' : lostReport(lostLines),
    ].join('\n');
  },
};
