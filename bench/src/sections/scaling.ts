import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compress, MemoryCcrStore, type OpenAIMessage } from '@headroom/core/internal';
import { BENCH_MODEL } from '../context.js';
import { int, ms, pct, table } from '../report.js';
import type { ScaleKind } from '../scale/inputs.js';
import type { BenchSection } from './section.js';
import { toolTurn } from '../tool-turn.js';

const SIZES_MB = [2, 4, 8, 16];
const KINDS: { kind: ScaleKind; name: string }[] = [
  { kind: 'logs', name: 'Log text' },
  { kind: 'json', name: 'JSON array' },
  { kind: 'code', name: 'Source code (Python)' },
];

interface ChildResult {
  ms: number;
  /** CPU time of the process during the call (all its threads: GC and compiler included). */
  cpuMs: number;
  chars: number;
  peakRssMb: number;
  baseRssMb: number;
  tokensBefore: number;
  tokensAfter: number;
  strategy: string;
}

function runChild(dataDir: string, kind: ScaleKind, bytes: number): ChildResult {
  const script = fileURLToPath(new URL('../scale-child.js', import.meta.url));
  const child = spawnSync(process.execPath, [script, dataDir, kind, String(bytes)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0)
    throw new Error(`scale child (${kind}, ${bytes} B) failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ChildResult;
}

function toolMessages(content: string): OpenAIMessage[] {
  return [
    { role: 'user', content: 'What is in there?' },
    ...toolTurn({ name: 'read_output', output: content }),
  ];
}

/** compress() time, peak memory and savings as one tool output grows from 2 to 16 MB; hostile shapes that must stay fast. */
export const scalingSection: BenchSection = {
  title: 'Scaling and hostile input',
  async run(ctx) {
    const rows: string[][] = [];
    for (const { kind, name } of KINDS) {
      let previous: ChildResult | undefined;
      for (const mb of SIZES_MB) {
        ctx.log(`scaling: ${kind} ${mb} MB`);
        const r = runChild(ctx.dataDir, kind, mb * 1024 * 1024);
        // Growth on CPU time: on a shared machine the wall clock mostly measures the other jobs.
        const growth = previous ? `${(r.cpuMs / previous.cpuMs).toFixed(2)}×` : '—';
        rows.push([
          name,
          `${mb} MB`,
          int(r.tokensBefore),
          ms(r.ms),
          ms(r.cpuMs),
          growth,
          `${(r.chars / 1e6 / (r.ms / 1000)).toFixed(1)} MB/s`,
          `${Math.round(r.peakRssMb)} MB`,
          pct(1 - r.tokensAfter / r.tokensBefore),
          `\`${r.strategy}\``,
        ]);
        previous = r;
      }
    }

    // The bar: deep JSON and long whitespace under 1 s. The others are shown for scale.
    const hostile: { name: string; text: string; limitMs?: number }[] = [
      {
        name: '100k-deep JSON (`[[[…]]]`)',
        text: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
        limitMs: 1000,
      },
      {
        name: '100k-deep JSON objects (`{"a":{"a":…}}`)',
        text: `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`,
        limitMs: 1000,
      },
      { name: '100k spaces', text: ' '.repeat(100_000), limitMs: 1000 },
      { name: '1 MB single line of letters', text: 'x'.repeat(1 << 20) },
      // One pre-tokenizer piece of 16 MB: merged in 64 KiB windows, so linear (it took 12–29 s as one heap merge).
      { name: '16 MB of one letter (one piece)', text: 'x'.repeat(16 << 20) },
      { name: '16 MB of spaces (one piece)', text: ' '.repeat(16 << 20) },
      { name: '1 MB of `[{},{},…]`', text: `[${'{},'.repeat(349_525)}{}]` },
      { name: '100k emoji', text: '😀'.repeat(100_000) },
      {
        name: '100k-item array of numbers',
        text: JSON.stringify(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 100_003)),
      },
    ];
    const hostileRows: string[][] = [];
    for (const { name, text, limitMs } of hostile) {
      ctx.log(`hostile: ${name}`);
      const started = performance.now();
      const result = await compress(toolMessages(text), {
        model: BENCH_MODEL,
        store: new MemoryCcrStore(),
      });
      const took = performance.now() - started;
      if (limitMs !== undefined && took > limitMs)
        ctx.problem(`hostile input "${name}" took ${Math.round(took)} ms (limit ${limitMs} ms)`);
      hostileRows.push([
        name,
        int(text.length),
        int(result.tokensBefore),
        int(result.tokensAfter),
        ms(took),
        limitMs === undefined ? '—' : ms(limitMs),
      ]);
    }

    return [
      "One `compress()` of one tool output of each size, each in a fresh `node` process (peak RSS is that process's",
      'maximum resident set, including the input itself). The inputs are real corpora grown to size: every loghub',
      'sample in turn (each round tagged `seq=N`), a JSON array of records made of those lines, and the Python',
      "sources of requests (each round headed `# copy N`). *CPU*: the process's CPU time during the call (GC and",
      "compiler threads included). *Growth*: CPU time over the previous size's — doubling the input should not much",
      'more than double it (CPU, not wall time: on a shared machine the wall clock mostly measures the other jobs).',
      'Default options: segments up to `maxSegmentChars` (32 MiB) are compressed.',
      '',
      table(
        [
          'Input',
          'Size',
          'Tokens',
          'compress()',
          'CPU',
          'Growth',
          'Rate',
          'Peak RSS',
          'Saved',
          'Strategy',
        ],
        rows,
        ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
      ),
      '',
      'Hostile shapes, in this process, counted exactly (js-tiktoken needs seconds to hours on these: its merge is',
      'quadratic in the length of one pre-tokenizer piece). Rows with a limit fail the run when they exceed it.',
      '',
      table(['Input', 'Characters', 'Tokens', 'After', 'compress()', 'Limit'], hostileRows),
    ].join('\n');
  },
};
