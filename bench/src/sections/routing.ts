import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compress,
  detectContent,
  MemoryCcrStore,
  type OpenAIMessage,
} from '@headroom/core/internal';
import { BENCH_MODEL } from '../context.js';
import { benchRepoRoot } from '../data-dir.js';
import { int, pct, table } from '../report.js';
import { warnTemplatesVisible } from '../sources/warn-templates.js';
import type { BenchSection } from './section.js';
import { toolTurn } from '../tool-turn.js';

interface CorpusEntry {
  file: string;
  expected: 'diff' | 'log' | 'search' | 'table' | 'text';
  origin: string;
}

const CORPUS = join(benchRepoRoot, 'packages/core/src/router/__fixtures__/corpus');
/** The savings a log must reach; logs under MIN_LINES pass through by design and are reported, not judged. */
const LOG_TARGET = 0.75;
const MIN_LINES = 50;

/** One tool result as an agent's `bash` call returns it. */
function asToolResult(file: string, text: string): OpenAIMessage[] {
  return [
    { role: 'user', content: 'What went wrong on this machine?' },
    ...toolTurn({ name: 'bash', args: { command: `cat ${file}` }, output: text }),
    { role: 'user', content: 'Summarise the problems with their times.' },
  ];
}

export const routingSection: BenchSection = {
  title: 'Routing corpus: logs from other programs',
  async run(ctx) {
    const entries = JSON.parse(
      readFileSync(join(CORPUS, 'manifest.json'), 'utf8'),
    ) as CorpusEntry[];
    const rows: string[][] = [];
    let misroutes = 0;
    let logs = 0;
    let judged = 0;
    let onTarget = 0;
    let missingTemplates = 0;
    for (const entry of entries) {
      const text = readFileSync(join(CORPUS, entry.file), 'utf8');
      const lines = text.split('\n').length;
      const detection = detectContent(text);
      const result = await compress(asToolResult(entry.file, text), {
        model: BENCH_MODEL,
        store: new MemoryCcrStore(),
      });
      const output = String(result.messages[2]!.content);
      const before = ctx.countTokens(text);
      const after = ctx.countTokens(output);
      const saved = 1 - after / before;
      const routedOk = detection.kind === entry.expected;
      if (!routedOk) {
        misroutes++;
        ctx.problem(
          `routing corpus: ${entry.file} (${entry.expected}) was routed as ${detection.kind}`,
        );
      }
      let templates = '';
      if (entry.expected === 'log') {
        logs++;
        const { total, visible } = warnTemplatesVisible(text, output);
        templates = total === 0 ? 'none' : `${visible} of ${total}`;
        missingTemplates += total - visible;
        if (lines >= MIN_LINES) {
          judged++;
          if (saved >= LOG_TARGET) onTarget++;
        }
      }
      const strategy = result.transforms.map((t) => t.strategy).join(', ') || 'unchanged';
      rows.push([
        `\`${entry.file}\``,
        entry.origin,
        int(lines),
        `${detection.kind} (${detection.confidence.toFixed(2)})${routedOk ? '' : ' **misroute**'}`,
        strategy,
        int(before),
        int(after),
        pct(saved),
        templates,
      ]);
    }
    if (missingTemplates > 0)
      ctx.problem(
        `routing corpus: ${missingTemplates} WARN+ template(s) not visible after compression`,
      );
    return [
      "Texts an agent's `bash` tool returns that the rest of the bench never sees, kept in",
      '`packages/core/src/router/__fixtures__/corpus/`: logs real programs wrote on the bench machine (redis-server,',
      'npm, node, dpkg, MariaDB, PostgreSQL, RabbitMQ, NATS, mosquitto), logs written from format descriptions',
      '(including every shape issue 10 lists), and non-log controls (a plain git log; space-aligned tables as ps aux and dpkg -l; code search as grep, git grep, ripgrep JSON/heading/',
      'file-list/count output and GitHub, Sourcegraph and GitLab API answers; a changelog, a licence). Each goes',
      "through one `compress()` call as a `bash` tool result. *Routed as*: `detectContent`'s kind and confidence.",
      "*WARN+ templates*: distinct plain-word messages after a WARN/ERROR/FATAL level word (found by the bench's own",
      "pattern, not core's classifier) still visible in the output. Logs under 50 lines pass through by design.",
      '',
      table(
        [
          'Sample',
          'Source',
          'Lines',
          'Routed as',
          'What happened',
          'Tokens',
          'After',
          'Saved',
          'WARN+ templates visible',
        ],
        rows,
        ['l', 'l', 'r', 'l', 'l', 'r', 'r', 'r', 'r'],
      ),
      '',
      `**Misroutes:** ${misroutes} of ${entries.length} (${logs} logs). **Logs of ${MIN_LINES}+ lines at ≥ ${pct(LOG_TARGET, 0)} saved:** ${onTarget} of ${judged}. ` +
        `**WARN+ templates not visible:** ${missingTemplates}.`,
    ].join('\n');
  },
};
