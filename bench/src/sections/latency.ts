import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compress,
  createTokenCounter,
  MemoryCcrStore,
  type OpenAIMessage,
} from '@headroom/core/internal';
import { barChart } from '../charts/bar-chart.js';
import { writeChart } from '../charts/write-chart.js';
import { BENCH_MODEL, messageText } from '../context.js';
import { int, median, ms, table } from '../report.js';
import type { Workload } from '../workloads/index.js';
import type { BenchSection } from './section.js';

const WARMUP = 2;
const RUNS = 7;
const COLD_RUNS = 3;

async function timed<T>(fn: () => Promise<T> | T): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** The workload with every tool output changed by `n` trailing newlines: same work, but new to every cache. */
function variant(messages: readonly OpenAIMessage[], n: number): OpenAIMessage[] {
  return messages.map((m) =>
    m.role === 'tool' && typeof m.content === 'string'
      ? { ...m, content: m.content + '\n'.repeat(n) }
      : m,
  );
}

interface Cold {
  importMs: number;
  tokenizerMs: number;
  firstCallMs: number;
  bootMs: number;
  wallMs: number;
}

function coldStart(messages: readonly OpenAIMessage[]): Cold {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-bench-'));
  try {
    const file = join(dir, 'messages.json');
    writeFileSync(file, JSON.stringify(messages));
    const script = fileURLToPath(new URL('../cold-start.js', import.meta.url));
    const started = performance.now();
    const child = spawnSync(process.execPath, [script, file], { encoding: 'utf8' });
    const wallMs = performance.now() - started;
    if (child.status !== 0) throw new Error(`cold-start child failed: ${child.stderr}`);
    return { ...(JSON.parse(child.stdout) as Omit<Cold, 'wallMs'>), wallMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(
  workload: Workload,
  countTokens: (text: string) => number,
): Promise<string[]> {
  const store = new MemoryCcrStore();
  for (let i = 0; i < WARMUP; i++) await compress(workload.messages, { model: BENCH_MODEL, store });
  const fresh: number[] = [];
  const repeat: number[] = [];
  const count: number[] = [];
  let tokens = 0;
  for (let run = 1; run <= RUNS; run++) {
    const input = variant(workload.messages, run);
    const text = input.map(messageText).join('\n');
    fresh.push(
      await timed(() => compress(input, { model: BENCH_MODEL, store: new MemoryCcrStore() })),
    );
    repeat.push(await timed(() => compress(workload.messages, { model: BENCH_MODEL, store })));
    count.push(await timed(() => (tokens = countTokens(text))));
  }
  const tiktoken = median(count);
  const text = workload.messages.map(messageText).join('\n');
  const same = (await createTokenCounter(BENCH_MODEL)).count(text) === countTokens(text);
  return [
    workload.title,
    int(tokens),
    ms(median(fresh)),
    ms(median(repeat)),
    ms(tiktoken),
    `${(median(fresh) / tiktoken).toFixed(2)}×`,
    same ? 'yes' : '**no**',
  ];
}

/** compress() time per workload beside one plain token count of the same input, and cold start in a fresh process. */
export const latencySection: BenchSection = {
  title: 'Latency',
  async run(ctx) {
    const rows: string[][] = [];
    for (const workload of ctx.workloads) {
      ctx.log(`latency: ${workload.id}`);
      const row = await measure(workload, ctx.countTokens);
      if (row.at(-1) !== 'yes')
        ctx.problem(`latency: core's token count of ${workload.id} differs from js-tiktoken's`);
      rows.push(row);
    }
    const coldRows: string[][] = [];
    for (const workload of ctx.workloads) {
      const runs = Array.from({ length: COLD_RUNS }, () => coldStart(workload.messages));
      const pick = (key: keyof Cold): string => ms(median(runs.map((r) => r[key])));
      const ready = median(runs.map((r) => r.tokenizerMs + r.firstCallMs));
      coldRows.push([
        workload.title,
        pick('bootMs'),
        pick('importMs'),
        pick('tokenizerMs'),
        pick('firstCallMs'),
        ms(ready),
        pick('wallMs'),
      ]);
    }
    return [
      `Medians of ${RUNS} runs after ${WARMUP} warm-up calls, in this process. *New content*: every tool output differs from`,
      'all earlier runs (trailing newlines), so nothing is cached — the cost on the turn a tool result first arrives.',
      "*Repeat turn*: the identical conversation again (no session, so every segment is compressed again; core's",
      'counter remembers the count of each distinct pre-tokenizer piece). *One token count*: a single js-tiktoken o200k',
      '`encode` of the same message text, the floor any token-aware proxy pays; the ratio is new-content `compress()`',
      "over it. *Counts equal*: core's counter and js-tiktoken give the same count for the workload's message text.",
      'The machine is shared (2 cores, other jobs running) and these numbers come from one run: read the ratio, which',
      'compares two timings taken moments apart in the same process.',
      '',
      table(
        [
          'Workload',
          'Tokens',
          'compress() new content',
          'compress() repeat turn',
          'One token count',
          'Ratio',
          'Counts equal',
        ],
        rows,
        ['l', 'r', 'r', 'r', 'r', 'r', 'l'],
      ),
      '',
      writeChart(
        'latency.svg',
        'compress() time as a multiple of one js-tiktoken count, per workload',
        barChart({
          title:
            'compress() on new content, in units of one js-tiktoken count of the same text (lower is better)',
          categories: rows.map((row) => row[0]!),
          series: [
            {
              name: 'compress() ÷ one token count',
              values: rows.map((row) => Number.parseFloat(row[5]!)),
            },
          ],
          label: (v) => `${v.toFixed(2)}×`,
          rule: { at: 1, label: '1.0× = one token count' },
        }),
      ),
      '',
      `Cold start: a fresh \`node\` process per run (median of ${COLD_RUNS}). *Node boot*: process start to the first line`,
      "of the script. *Import*: `await import('@headroom/core')`. *Tokenizer*: importing and decoding the o200k ranks",
      "(`createTokenCounter`, which the first `compress()` would otherwise do; only the requested model's table is",
      'loaded). *First compress()*: the first call, on the workload. *Import → first result*: tokenizer plus first call,',
      'what a serverless cold start adds after the import. *Process wall*: spawn to exit as seen by the parent.',
      '',
      table(
        [
          'Workload',
          'Node boot',
          'Import',
          'Tokenizer',
          'First compress()',
          'Import → first result',
          'Process wall',
        ],
        coldRows,
      ),
    ].join('\n');
  },
};
