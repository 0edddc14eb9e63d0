import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createTokenCounter } from '@headroom/core/internal';
import { countTokens as gptTokenizerCount } from 'gpt-tokenizer/encoding/o200k_base';
import { BENCH_MODEL } from '../context.js';
import { byCodeUnit } from '../order.js';
import { int, median, table } from '../report.js';
import type { BenchSection } from './section.js';

const RUNS = 3;

function corpus(dir: string): string {
  const walk = (at: string): string[] =>
    readdirSync(at)
      .sort(byCodeUnit)
      .flatMap((entry) => {
        const path = join(at, entry);
        return statSync(path).isDirectory() ? walk(path) : [readFileSync(path, 'utf8')];
      });
  return walk(dir).join('\n');
}

function throughput(
  text: string,
  count: (text: string) => number,
): { mbPerS: number; tokens: number } {
  let tokens = 0;
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    tokens = count(text);
    times.push(performance.now() - start);
  }
  return { mbPerS: Buffer.byteLength(text) / 1e6 / (median(times) / 1000), tokens };
}

/** Counting speed of core's counter beside plain js-tiktoken and gpt-tokenizer, on the same text in the same run. */
export const tokenCountingSection: BenchSection = {
  title: 'Token counting',
  async run(ctx) {
    const counter = await createTokenCounter(BENCH_MODEL);
    const tools = ctx.workloads
      .flatMap((w) => w.turns.flat().map((step) => step.output))
      .join('\n');
    const inputs = [
      { name: 'loghub logs (all 16 samples)', text: corpus(join(ctx.dataDir, 'logs')) },
      { name: 'source code (5 projects)', text: corpus(join(ctx.dataDir, 'code')) },
      { name: 'bench tool outputs (JSON)', text: tools },
    ];
    const rows: string[][] = [];
    for (const { name, text } of inputs) {
      ctx.log(`token counting: ${name}`);
      const tiktoken = throughput(text, ctx.countTokens);
      const ours = throughput(text, (t) => counter.count(t));
      const gpt = throughput(text, gptTokenizerCount);
      if (ours.tokens !== tiktoken.tokens)
        ctx.problem(
          `token counting: core counts ${ours.tokens} on ${name}, js-tiktoken ${tiktoken.tokens}`,
        );
      rows.push([
        name,
        `${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB`,
        int(tiktoken.tokens),
        `${tiktoken.mbPerS.toFixed(1)} MB/s`,
        `**${ours.mbPerS.toFixed(1)} MB/s**`,
        `${gpt.mbPerS.toFixed(1)} MB/s`,
        `${(ours.mbPerS / tiktoken.mbPerS).toFixed(1)}×`,
        ours.tokens === tiktoken.tokens ? 'yes' : `**no** (${int(ours.tokens)})`,
        gpt.tokens === tiktoken.tokens ? 'yes' : `no (${int(gpt.tokens)})`,
      ]);
    }
    return [
      `o200k_base counts of the same text in this process, median of ${RUNS} runs each (the first run of core's counter`,
      'fills its cache of distinct pre-tokenizer pieces, so the median is the warm rate). *js-tiktoken*: `encode(text, [], []).length`,',
      "the source of truth. *core*: `createTokenCounter('gpt-4o').count` — the same ranks, split by the same pre-tokenizer",
      '(a hand-written ASCII scanner, the regex for pieces touching non-ASCII), one count per distinct piece, no token',
      'arrays, an O(n log n) merge for long pieces. *gpt-tokenizer*: its `countTokens`, a faster pure-JS tokenizer, for',
      'reference only. The machine is shared (2 cores, other jobs running): compare ratios within a row, not across runs.',
      '',
      table(
        [
          'Text',
          'Size',
          'Tokens',
          'js-tiktoken',
          'core',
          'gpt-tokenizer',
          'core ÷ js-tiktoken',
          'core = js-tiktoken',
          'gpt-tokenizer = js-tiktoken',
        ],
        rows,
        ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'l'],
      ),
    ].join('\n');
  },
};
